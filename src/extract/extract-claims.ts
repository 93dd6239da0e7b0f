// Efficiency claims as typed quantities, found by named regex rules over each sentence.
import type { ClaimKind, ExtractedClaim, Field } from '../domain.ts';
import type { Sentence } from './parse-text.ts';

/** A concept mention the claim rules may cite as hardware or baseline. */
export interface NamedSpan {
  name: string;
  kind: string;
  start: number;
  end: number;
}

const NUM = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const WORD_NUM: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twenty: 20,
  hundred: 100,
  thousand: 1000,
};
const WORD_NUMS = Object.keys(WORD_NUM).join('|');
const NUMBER_GROUP = new RegExp(`^(?:${NUM}|${WORD_NUMS}|one)$`, 'i');

interface QuantityRule {
  name: string;
  pattern: RegExp;
  /** The kind the unit itself implies, when the context names none. */
  kindFromUnit?: ClaimKind;
  unit: (match: RegExpExecArray) => string;
  confidence: number;
  /** Context kinds this quantity can express; others fall back to `kindFromUnit`. */
  kinds?: ClaimKind[];
}

const MULT_UNIT = String.raw`(?:\s?(?:x|×|X)(?![a-zA-Z])|\s?times\b|-fold\b|\s?fold\b)`;

/** Ordered: earlier rules win a span. */
const RULES: QuantityRule[] = [
  {
    name: 'claim-from-to-size',
    pattern: new RegExp(
      String.raw`\bfrom (${NUM})\s?(MB|GB|KB|TB|Mb|Gb|bytes|bits)\b to (${NUM})\s?(MB|GB|KB|TB|Mb|Gb|bytes|bits)\b`,
      'g',
    ),
    kindFromUnit: 'memory',
    kinds: ['memory', 'compression', 'communication'],
    unit: (m) => m[2],
    confidence: 0.8,
  },
  {
    name: 'claim-multiplier-range',
    pattern: new RegExp(
      String.raw`(${NUM})${MULT_UNIT}?\s?(?:to|-|–|~|and)\s?(${NUM})${MULT_UNIT}`,
      'g',
    ),
    unit: () => 'x',
    confidence: 0.8,
  },
  {
    name: 'claim-multiplier',
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})${MULT_UNIT}`, 'g'),
    unit: () => 'x',
    confidence: 0.8,
  },
  {
    name: 'claim-word-multiplier',
    pattern: new RegExp(String.raw`\b(${WORD_NUMS})(?:-fold|fold| times)\b`, 'gi'),
    unit: () => 'x',
    confidence: 0.7,
  },
  {
    name: 'claim-orders-of-magnitude',
    pattern: new RegExp(String.raw`\b(one|two|three|four|${NUM}) orders? of magnitude\b`, 'gi'),
    unit: () => 'orders of magnitude',
    confidence: 0.7,
  },
  {
    name: 'claim-percent-range',
    pattern: new RegExp(
      String.raw`(${NUM})\s?(?:\\?%)?\s?(?:to|-|–|~)\s?(${NUM})\s?(?:\\?%|percent\b)`,
      'g',
    ),
    unit: () => '%',
    confidence: 0.75,
  },
  {
    name: 'claim-percent',
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})\s?(?:\\?%|percent\b)`, 'g'),
    unit: () => '%',
    confidence: 0.75,
  },
  {
    name: 'claim-bandwidth',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM})\s?(Gbps|Mbps|Kbps|Gbit/s|Gb/s|Mb/s|GB/s|MB/s|Tbps)(?![\w/])`,
      'g',
    ),
    kindFromUnit: 'communication',
    unit: (m) => m[2],
    confidence: 0.85,
  },
  {
    name: 'claim-device-count',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM}|${WORD_NUMS})\s(?:[\w-]+\s)?(worker nodes|compute nodes|nodes|GPUs|TPUs|TPU cores|CPUs|CPU cores|cores|machines|workers|servers|devices|accelerators|chips)\b`,
      'gi',
    ),
    kindFromUnit: 'hardware_scale',
    unit: (m) => m[2],
    confidence: 0.75,
  },
  {
    name: 'claim-size',
    kinds: ['memory', 'compression', 'communication'],
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})\s?(MB|GB|KB|TB)\b`, 'g'),
    unit: (m) => m[2],
    confidence: 0.6,
  },
  {
    name: 'claim-time',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM})\s?(ms|milliseconds|seconds|minutes|hours|days|GPU hours|GPU-hours|GPU days|TPU hours)\b`,
      'g',
    ),
    unit: (m) => m[2],
    confidence: 0.6,
  },
  {
    name: 'claim-rate',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM})\s?(tokens/s|tokens per second|images/s|images per second|samples/s|samples per second|FPS|fps|frames per second|QPS|queries per second)\b`,
      'g',
    ),
    kindFromUnit: 'throughput',
    unit: (m) => m[2],
    confidence: 0.75,
  },
  {
    name: 'claim-flops',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM})\s?([KMGTP]?FLOPs|[KMGTP]?MACs|PF-days|petaflop/s-days)\b`,
      'g',
    ),
    kindFromUnit: 'compute',
    unit: (m) => m[2],
    confidence: 0.7,
  },
  {
    name: 'claim-energy',
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})\s?(kWh|Wh|mJ|kJ|J|W|mW|kW)\b`, 'g'),
    kindFromUnit: 'energy',
    unit: (m) => m[2],
    confidence: 0.6,
  },
];

/** Context words naming what a quantity measures; the first found nearest the number wins. */
const KIND_WORDS: [ClaimKind, RegExp][] = [
  ['batch_size', /\bbatch[- ]?sizes?\b|\bbatches\b/i],
  [
    'speedup',
    /\bspeed[- ]?ups?\b|\bfaster\b|\baccelerat\w*|\bwall[- ]clock\b|\btraining time\b|\bconverge\w* \w*faster\b|\bfewer (?:steps|iterations|epochs)\b|\bspeeds? up\b|\btime-to-\w+/i,
  ],
  ['memory', /\bmemory\b|\bfootprint\b|\bRAM\b|\bstorage\b/i],
  ['communication', /\bcommunicat\w*|\bbandwidth\b|\bgradient exchange\b|\bnetwork traffic\b/i],
  [
    'compression',
    /\bcompress\w*|\bmodel size\b|\bgradient size\b|\bsmaller\b|\bparameters?\b|\bsparsit\w*/i,
  ],
  ['latency', /\blatency\b|\blatencies\b|\binference time\b|\bresponse time\b|\bdelay\b/i],
  ['throughput', /\bthroughput\b|\bper second\b/i],
  [
    'compute',
    /\bFLOPs?\b|\bcompute\b|\bcomputation(?:al)? (?:cost|budget)\b|\bGPU[- ]hours\b|\bMACs\b/i,
  ],
  ['energy', /\benergy\b|\bpower consumption\b|\bcarbon\b/i],
  ['hardware_scale', /\bnodes\b|\bGPUs\b|\bworkers\b|\bmachines\b/i],
];

const BASELINE_CUE = /\b(?:compared (?:with|to)|relative to|than|over|versus|vs\.?|against)\s+$/i;

export function extractClaims(
  field: Field,
  sentences: Sentence[],
  spans: NamedSpan[],
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  for (const sentence of sentences) {
    const taken: [number, number][] = [];
    const inherited = new Map<string, ClaimKind>();
    const text = sentence.text;
    for (const rule of RULES) {
      rule.pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = rule.pattern.exec(text)) !== null) {
        const from = match.index;
        const to = from + match[0].length;
        if (taken.some(([a, b]) => from < b && to > a)) continue;
        // "... from 97MB to 0.35MB, and for DeepSpeech from 488MB to 0.74MB": the second
        // quantity of a rule in a sentence measures what the first did when nothing else is said.
        const claim = buildClaim(rule, match, field, sentence, spans, inherited.get(rule.name));
        if (claim === null) continue;
        taken.push([from, to]);
        claims.push(claim);
        inherited.set(rule.name, claim.kind);
      }
    }
  }
  claims.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return claims;
}

function buildClaim(
  rule: QuantityRule,
  match: RegExpExecArray,
  field: Field,
  sentence: Sentence,
  spans: NamedSpan[],
  inherited: ClaimKind | undefined,
): ExtractedClaim | null {
  const text = sentence.text;
  const from = match.index;
  const to = from + match[0].length;
  // The numbers are the captured groups that are numbers (not the 100 of "8 A100 GPUs").
  const numbers = match
    .slice(1)
    .filter((group): group is string => group !== undefined && NUMBER_GROUP.test(group))
    .map(toNumber)
    .filter((n) => Number.isFinite(n));
  if (numbers.length === 0) return null;
  // A year or a citation number is not a quantity.
  if (rule.name === 'claim-multiplier' && /^\d{4}$/.test(match[1])) return null;

  const after = clauseAfter(text, to);
  const before = clauseBefore(text, from);
  const afterKind = findKind(after, 'after');
  const beforeKind = findKind(before, 'before');
  // The context word nearest the number names what it measures.
  const found =
    afterKind !== null && beforeKind !== null
      ? afterKind.start <= before.length - beforeKind.end
        ? afterKind
        : beforeKind
      : (afterKind ?? beforeKind);
  const kind = pickKind(rule, found?.kind ?? inherited);
  if (kind === null) return null;

  let start = from;
  let end = to;
  if (found !== null && found.kind === kind) {
    if (found.side === 'after') end = to + found.end;
    else start = from - before.length + found.start;
  }
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const inSentence = spans.filter((s) => s.start >= sentence.start && s.end <= sentence.end);
  // "1Gbps Ethernet", "8 A100 GPUs": hardware named right after the quantity belongs to its words.
  const adjacent = inSentence.find(
    (s) =>
      s.kind === 'hardware' && s.start - sentence.start <= end + 1 && s.end - sentence.start > end,
  );
  if (adjacent !== undefined) end = Math.max(end, adjacent.end - sentence.start);
  const absStart = sentence.start + start;
  const absEnd = sentence.start + end;
  const claimText = text.slice(start, end);
  const hardware = inSentence.find((s) => s.kind === 'hardware')?.name ?? null;
  const baseline =
    inSentence.find(
      (s) =>
        s.kind !== 'hardware' &&
        s.start > absStart - 200 &&
        BASELINE_CUE.test(
          text.slice(Math.max(0, s.start - sentence.start - 30), s.start - sentence.start),
        ),
    )?.name ?? null;
  return {
    kind,
    value: match[0],
    low,
    high,
    unit: rule.unit(match),
    hardware,
    baseline,
    text: claimText,
    rule: rule.name,
    confidence:
      (found !== null && found.kind === kind) || rule.kindFromUnit === kind
        ? rule.confidence
        : rule.confidence - 0.15,
    mentions: [{ field, start: absStart, end: absEnd, text: claimText, sentence: text }],
  };
}

function pickKind(rule: QuantityRule, found: ClaimKind | undefined): ClaimKind | null {
  if (rule.kindFromUnit === 'hardware_scale' || rule.kindFromUnit === 'communication') {
    return rule.kindFromUnit;
  }
  const context =
    found !== undefined && (rule.kinds === undefined || rule.kinds.includes(found))
      ? found
      : undefined;
  if (rule.name === 'claim-time' && context === undefined) return null;
  return context ?? rule.kindFromUnit ?? null;
}

/** The words after a quantity up to the next number or clause break (at most 60 characters). */
function clauseAfter(text: string, to: number): string {
  const rest = text.slice(to, to + 60);
  const stop = rest.search(/[;:,]|\d|\band\b|\bwhile\b|\bwhich\b|\bwithout\b/);
  return stop === -1 ? rest : rest.slice(0, stop);
}

function clauseBefore(text: string, from: number): string {
  const head = text.slice(Math.max(0, from - 60), from);
  const stop = Math.max(head.lastIndexOf(';'), head.lastIndexOf(','));
  return stop === -1 ? head : head.slice(stop + 1);
}

function findKind(
  context: string,
  side: 'after' | 'before',
): { kind: ClaimKind; start: number; end: number; side: 'after' | 'before' } | null {
  let best: { kind: ClaimKind; start: number; end: number; side: 'after' | 'before' } | null = null;
  for (const [kind, pattern] of KIND_WORDS) {
    // After the number the first occurrence counts, before it the last one.
    const all = [...context.matchAll(new RegExp(pattern.source, 'gi'))];
    const m = side === 'after' ? all[0] : all[all.length - 1];
    if (m === undefined) continue;
    const candidate = { kind, start: m.index, end: m.index + m[0].length, side };
    // After the number the nearest word wins; before it, the one closest to the number.
    if (
      best === null ||
      (side === 'after' ? candidate.start < best.start : candidate.end > best.end)
    ) {
      best = candidate;
    }
  }
  return best;
}

function toNumber(raw: string): number {
  const lower = raw.toLowerCase();
  if (lower in WORD_NUM) return WORD_NUM[lower];
  if (lower === 'one') return 1;
  return Number(raw.replace(/,/g, ''));
}
