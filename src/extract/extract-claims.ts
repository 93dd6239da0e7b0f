// Efficiency claims as typed quantities, found by named regex rules over each sentence.
import type { ClaimKind, ExtractedClaim, Field } from '../domain.ts';
import type { Sentence, Word } from './parse-text.ts';
import { SentenceContext } from './sentence-context.ts';

/** A concept mention the claim rules may cite as hardware or baseline. */
export interface NamedSpan {
  /** The concept's id, so a claim can link the baseline it names. */
  id: string;
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

export interface QuantityRule {
  name: string;
  /** A sentence the rule finds a claim in. */
  example: string;
  pattern: RegExp;
  /** The kind the unit itself implies, when the context names none. */
  kindFromUnit?: ClaimKind;
  /** The unit alone says what is measured (bandwidth, device counts), whatever the context says. */
  unitDecides?: boolean;
  /** The quantity is a claim only when a context word says what it measures ("3 hours"). */
  needsKindWord?: boolean;
  /** A match that is no quantity: a year or a citation number before a multiplier sign. */
  rejects?: (match: RegExpExecArray) => boolean;
  unit: (match: RegExpExecArray) => string;
  confidence: number;
  /** Context kinds this quantity can express; others fall back to `kindFromUnit`. */
  kinds?: ClaimKind[];
  /** The numbers, when not simply every captured number (ends in different units). */
  numbers?: (match: RegExpExecArray) => number[];
}

const MULT_UNIT = String.raw`(?:\s?(?:x|×|X)(?![a-zA-Z])|\s?times\b|-fold\b|\s?fold\b)`;

/** Ordered: earlier rules win a span. */
export const QUANTITY_RULES: QuantityRule[] = [
  {
    name: 'claim-from-to-size',
    example: 'It cuts memory from 1.2 GB to 300 MB.',
    pattern: new RegExp(
      String.raw`\bfrom (${NUM})\s?(MB|GB|KB|TB|Mb|Gb|bytes|bits)\b to (${NUM})\s?(MB|GB|KB|TB|Mb|Gb|bytes|bits)\b`,
      'g',
    ),
    kindFromUnit: 'memory',
    kinds: ['memory', 'compression', 'communication'],
    // "from 1.2 GB to 300 MB": both ends in the unit reached.
    unit: (m) => m[4],
    numbers: (m) => [...(convertUnit([toNumber(m[1])], m[2], m[4]) ?? []), toNumber(m[3])],
    confidence: 0.8,
  },
  {
    name: 'claim-multiplier-range',
    example: 'It compresses gradients by 270x to 600x.',
    pattern: new RegExp(
      String.raw`(${NUM})${MULT_UNIT}?\s?(?:to|-|–|~|and)\s?(${NUM})${MULT_UNIT}`,
      'g',
    ),
    unit: () => 'x',
    confidence: 0.8,
  },
  {
    name: 'claim-multiplier',
    example: 'Sophia is 2x faster than Adam.',
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})${MULT_UNIT}`, 'g'),
    unit: () => 'x',
    rejects: (m) => /^\d{4}$/.test(m[1]),
    confidence: 0.8,
  },
  {
    name: 'claim-word-multiplier',
    example: 'Training is three times faster.',
    pattern: new RegExp(String.raw`\b(${WORD_NUMS})(?:-fold|fold| times)\b`, 'gi'),
    unit: () => 'x',
    confidence: 0.7,
  },
  {
    name: 'claim-orders-of-magnitude',
    example: 'Inference is two orders of magnitude faster.',
    pattern: new RegExp(String.raw`\b(one|two|three|four|${NUM}) orders? of magnitude\b`, 'gi'),
    unit: () => 'orders of magnitude',
    confidence: 0.7,
  },
  {
    name: 'claim-percent-range',
    example: 'It saves 30% to 40% of the memory.',
    pattern: new RegExp(
      String.raw`(${NUM})\s?(?:\\?%)?\s?(?:to|-|–|~)\s?(${NUM})\s?(?:\\?%|percent\b)`,
      'g',
    ),
    unit: () => '%',
    confidence: 0.75,
  },
  {
    name: 'claim-percent',
    example: 'It reduces latency by 40%.',
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})\s?(?:\\?%|percent\b)`, 'g'),
    unit: () => '%',
    confidence: 0.75,
  },
  {
    name: 'claim-bandwidth',
    example: 'Workers share a 1Gbps link.',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM})\s?(Gbps|Mbps|Kbps|Gbit/s|Gb/s|Mb/s|GB/s|MB/s|Tbps)(?![\w/])`,
      'g',
    ),
    kindFromUnit: 'communication',
    unitDecides: true,
    unit: (m) => m[2],
    confidence: 0.85,
  },
  {
    name: 'claim-device-count',
    example: 'We train on 64 GPUs.',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM}|${WORD_NUMS})\s(?:[\w-]+\s)?(worker nodes|compute nodes|nodes|GPUs|TPUs|TPU cores|CPUs|CPU cores|cores|machines|workers|servers|devices|accelerators|chips)\b`,
      'gi',
    ),
    kindFromUnit: 'hardware_scale',
    unitDecides: true,
    unit: (m) => m[2],
    confidence: 0.75,
  },
  {
    name: 'claim-size',
    example: 'The model needs 3 GB of memory.',
    kinds: ['memory', 'compression', 'communication'],
    pattern: new RegExp(String.raw`(?<![\w.])(${NUM})\s?(MB|GB|KB|TB)\b`, 'g'),
    unit: (m) => m[2],
    confidence: 0.6,
  },
  {
    name: 'claim-time',
    example: 'Training time drops to 9 hours.',
    pattern: new RegExp(
      String.raw`(?<![\w.])(${NUM})\s?(ms|milliseconds|seconds|minutes|hours|days|GPU hours|GPU-hours|GPU days|TPU hours)\b`,
      'g',
    ),
    needsKindWord: true,
    unit: (m) => m[2],
    confidence: 0.6,
  },
  {
    name: 'claim-rate',
    example: 'Decoding reaches 120 tokens/s.',
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
    example: 'It needs 4 GFLOPs per image.',
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
    example: 'Inference uses 5 kWh of energy.',
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

/** One quantity as found: a rule's match, or two of them joined by "from A to B". */
interface Quantity {
  /** Offsets in the sentence text. */
  start: number;
  end: number;
  value: string;
  numbers: number[];
  unit: string;
}

export function extractClaims(
  field: Field,
  sentences: Sentence[],
  spans: NamedSpan[],
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  sentences.forEach((sentence, i) => {
    const taken: [number, number][] = [];
    const inherited = new Map<QuantityRule, ClaimKind>();
    const text = sentence.text;
    for (const rule of QUANTITY_RULES) {
      rule.pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = rule.pattern.exec(text)) !== null) {
        // "reduces latency from 210 ms to 90 ms": the value it starts from is part of the claim.
        const quantity = joinFromTo(rule, match, text) ?? quantityOf(rule, match);
        if (quantity === null) continue;
        const { start, end } = quantity;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        // "... from 97MB to 0.35MB, and for DeepSpeech from 488MB to 0.74MB": the second
        // quantity of a rule in a sentence measures what the first did when nothing else is said.
        const claim = buildClaim(rule, quantity, field, sentence, sentences[i + 1], spans, {
          inherited: inherited.get(rule),
        });
        if (claim === null) continue;
        taken.push([start, end]);
        claims.push(claim);
        inherited.set(rule, claim.kind);
        rule.pattern.lastIndex = Math.max(rule.pattern.lastIndex, end);
      }
    }
  });
  claims.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return claims;
}

function quantityOf(rule: QuantityRule, match: RegExpExecArray): Quantity | null {
  // The numbers are the captured groups that are numbers (not the 100 of "8 A100 GPUs").
  const numbers = (
    rule.numbers?.(match) ??
    match
      .slice(1)
      .filter((group): group is string => group !== undefined && NUMBER_GROUP.test(group))
      .map(toNumber)
  ).filter((n) => Number.isFinite(n));
  if (numbers.length === 0) return null;
  if (rule.rejects?.(match) === true) return null;
  const start = match.index;
  const end = start + match[0].length;
  return { start, end, value: match[0], numbers, unit: rule.unit(match) };
}

const FROM_BEFORE = new RegExp(
  String.raw`\bfrom\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|nearly\s+|almost\s+|over\s+|~\s?)?(?:(${NUM})\s+to\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|only\s+|just\s+|~\s?)?)?$`,
  'i',
);
const TO_AFTER =
  /^\s*(?:down to|up to|to)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|only\s+|just\s+|under\s+|below\s+|~\s?)?/i;

/**
 * "from 210 ms to 90 ms", "from 3 days to 9 hours", "from 210 to 90 ms": one claim whose numbers
 * are both ends, in the unit of the end it reaches. Ends in units that do not convert keep only
 * the reached value as a number; the value text still shows both.
 */
function joinFromTo(rule: QuantityRule, match: RegExpExecArray, text: string): Quantity | null {
  const before = text.slice(Math.max(0, match.index - 60), match.index);
  const lead = FROM_BEFORE.exec(before);
  if (lead === null) return null;
  const first = quantityOf(rule, match);
  if (first === null) return null;
  const start = match.index - (before.length - lead.index);
  if (lead[1] !== undefined) {
    // "from 210 to 90 ms": the bare number is in the unit of this match.
    const bare = toNumber(lead[1]);
    return {
      ...first,
      start,
      value: text.slice(start, first.end),
      numbers: [bare, ...first.numbers],
    };
  }
  const to = TO_AFTER.exec(text.slice(first.end));
  if (to === null) return null;
  const next = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'y');
  next.lastIndex = first.end + to[0].length;
  const reached = next.exec(text);
  if (reached === null) return null;
  const second = quantityOf(rule, reached);
  if (second === null) return null;
  const converted = convertUnit(first.numbers, first.unit, second.unit);
  return {
    start,
    end: second.end,
    value: text.slice(start, second.end),
    numbers: [...(converted ?? []), ...second.numbers],
    unit: second.unit,
  };
}

const UNIT_SCALES: Record<string, number>[] = [
  { ms: 1e-3, milliseconds: 1e-3, seconds: 1, minutes: 60, hours: 3600, days: 86400 },
  { KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 },
  { 'GPU hours': 1, 'GPU-hours': 1, 'GPU days': 24 },
];

function convertUnit(numbers: number[], from: string, to: string): number[] | null {
  if (from === to) return numbers;
  const scales = UNIT_SCALES.find((s) => from in s && to in s);
  if (scales === undefined) return null;
  return numbers.map((n) => Number(((n * scales[from]) / scales[to]).toPrecision(12)));
}

function buildClaim(
  rule: QuantityRule,
  quantity: Quantity,
  field: Field,
  sentence: Sentence,
  nextSentence: Sentence | undefined,
  spans: NamedSpan[],
  { inherited }: { inherited: ClaimKind | undefined },
): ExtractedClaim | null {
  const text = sentence.text;
  const { start: from, end: to, numbers } = quantity;

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
  const baseline = findBaseline(sentence, nextSentence, absStart, absEnd, spans);
  return {
    kind,
    value: quantity.value,
    low,
    high,
    unit: quantity.unit,
    hardware,
    baseline: baseline?.name ?? null,
    baselineConceptId: baseline?.conceptId ?? null,
    text: claimText,
    rule: rule.name,
    confidence:
      (found !== null && found.kind === kind) || rule.kindFromUnit === kind
        ? rule.confidence
        : rule.confidence - 0.15,
    mentions: [{ field, start: absStart, end: absEnd, text: claimText, sentence: text }],
  };
}

/** What a claim is measured against: a concept's name when a span covers the phrase. */
interface Baseline {
  name: string;
  conceptId: string | null;
}

/** A cue naming a baseline after the claim: "2x faster than X", "35% over the strongest baseline". */
const BASELINE_CUE =
  /^(?:(?:as |when )?compared (?:with|to|against)|in comparison (?:with|to)|relative to|with respect to|than|over|versus|vs\.?|v\.|against)(?:\s+|$)/i;
/** A cue fronting the sentence or clause: "Compared with Adam, Sophia is 2x faster." */
const FRONTED_CUE =
  /^(?:(?:as |when )?compared (?:with|to|against)|in comparison (?:with|to)|relative to|with respect to|versus|against)\s+/i;
/** Words that end the clause a claim's baseline can be in. */
const CLAUSE_END =
  /^(?:while|whereas|which|but|yet|thus|thereby|although|though|where|when|whilst|since|because|so|hence|respectively)$/;
/** Words that end a baseline phrase. */
const PHRASE_END =
  /^(?:and|or|in|on|at|for|with|without|by|across|under|using|when|while|to|from|into|per|as|at|via|during|within|despite|of|that|which|who|whose|both|each|respectively)$/;
/** Heads that are not baselines: "over time", "over 5 runs", "over a wide range". */
const NOT_BASELINE =
  /^(?:time|times|course|period|years?|decades?|months?|days?|hours?|iterations?|steps?|epochs?|rounds?|runs?|range|variety|number|set|lifetime|duration|horizon|others?|before|expected|previously|usual|ever|one|ones|it|them|this|that|these|those|ours|theirs)$/i;
/** "Adam optimizer", "LoRA baseline": a concept name followed by a generic head is the concept. */
const GENERIC_HEAD =
  /^(?:optimizers?|methods?|models?|baselines?|algorithms?|approach(?:es)?|implementations?|kernels?|counterparts?|variants?|networks?|architectures?|systems?|frameworks?|techniques?)$/i;
const PHRASE_WORDS = 6;
const CUE_WINDOW = 120;

/**
 * The phrase a claim is measured against, in its clause: after a cue that follows the claim, or
 * after a cue fronting the sentence. A noun phrase ending in "baseline" is one even without a cue.
 * Deliberately left out: baselines in another sentence ("The baseline takes 3 days. Ours ..."),
 * where linking needs more than a sentence's words.
 */
function findBaseline(
  sentence: Sentence,
  nextSentence: Sentence | undefined,
  absStart: number,
  absEnd: number,
  spans: NamedSpan[],
): Baseline | null {
  // compromise ends a sentence at "vs.": the phrase it cues opens the next one.
  const joined =
    nextSentence !== undefined &&
    /\bvs?\.$/i.test(sentence.text) &&
    nextSentence.start >= sentence.end;
  const context = new SentenceContext(
    joined
      ? {
          start: sentence.start,
          end: nextSentence.end,
          text: sentence.text + ' '.repeat(nextSentence.start - sentence.end) + nextSentence.text,
          words: [...sentence.words, ...nextSentence.words],
        }
      : sentence,
  );
  const stream: Stream = {
    context,
    spans: spans.filter(
      (s) => s.start >= sentence.start && s.end <= (joined ? nextSentence.end : sentence.end),
    ),
  };
  return baselineAfter(stream, absEnd) ?? baselineFronted(stream, absStart);
}

/** The words a baseline can be in: the claim's sentence, with the next one after a "vs.". */
interface Stream {
  context: SentenceContext;
  spans: NamedSpan[];
}

function baselineAfter(stream: Stream, absEnd: number): Baseline | null {
  const { words } = stream.context;
  let i = words.findIndex((w) => w.start >= absEnd);
  if (i === -1) return null;
  let previousEnd = absEnd;
  for (; i < words.length && words[i].start - absEnd < CUE_WINDOW; i += 1) {
    const word = words[i];
    if (/[;:.!?]/.test(stream.context.slice(previousEnd, word.start))) return null;
    previousEnd = word.end;
    const rest = stream.context.slice(word.start, word.start + 40);
    const cue = BASELINE_CUE.exec(rest);
    if (cue !== null) {
      const at = words.findIndex((w) => w.start >= word.start + cue[0].trimEnd().length);
      const phrase = at === -1 ? null : readPhrase(stream, at);
      if (phrase !== null) return phrase;
      // "than" binds the comparative just before it: "2x faster than before" names nothing, and
      // a later cue belongs to another claim.
      if (/^than\b/i.test(cue[0])) return null;
      continue;
    }
    if (/^baselines?$/.test(word.lower)) return phraseEndingAt(stream, i);
    if (CLAUSE_END.test(word.lower)) return null;
    // A new finite verb starts another clause ("... and outperforms LoRA"); participles do not.
    if (word.pos === 'verb' && !/(?:ed|en)$/.test(word.lower)) return null;
  }
  return null;
}

function baselineFronted(stream: Stream, absStart: number): Baseline | null {
  const { words } = stream.context;
  // The clause the claim is in starts at the sentence start or after the last ";" before it.
  let first = 0;
  for (let i = 1; i < words.length && words[i].start < absStart; i += 1) {
    if (stream.context.between(words[i - 1], words[i]).includes(';')) first = i;
  }
  if (first >= words.length || words[first].start >= absStart) return null;
  const opening = stream.context.slice(words[first].start, absStart);
  const cue = FRONTED_CUE.exec(opening);
  if (cue === null) return null;
  const at = words.findIndex((w) => w.start >= words[first].start + cue[0].trimEnd().length);
  if (at === -1 || words[at].start >= absStart) return null;
  const phrase = readPhrase(stream, at);
  return phrase;
}

/** The shortest sensible noun phrase starting at word `at`, or null when there is none. */
function readPhrase(stream: Stream, at: number): Baseline | null {
  const { words } = stream.context;
  let i = at;
  // Articles and possessives go ("the strongest baseline" -> "strongest baseline"), and so does
  // "that of" in "than that of standard attention".
  while (i < words.length && (words[i].pos === 'det' || /^(?:that|those)$/.test(words[i].lower))) {
    if (/^(?:that|those)$/.test(words[i].lower)) {
      if (words[i + 1]?.lower !== 'of') return null;
      i += 1;
    }
    i += 1;
  }
  if (i >= words.length) return null;
  const phrase: Word[] = [];
  for (let j = i; j < words.length && phrase.length < PHRASE_WORDS; j += 1) {
    const word = words[j];
    if (phrase.length > 0) {
      const gap = stream.context.between(phrase[phrase.length - 1], word);
      if (!/^\s*$/.test(gap)) break;
    }
    // "the state of the art"
    if (
      word.lower === 'of' &&
      phrase.at(-1)?.lower === 'state' &&
      words[j + 1]?.lower === 'the' &&
      words[j + 2]?.lower === 'art'
    ) {
      phrase.push(word, words[j + 1], words[j + 2]);
      j += 2;
      continue;
    }
    if (PHRASE_END.test(word.lower)) break;
    const nounish =
      word.pos === 'noun' || word.pos === 'gerund' || word.pos === 'other' || isName(word);
    const fits =
      nounish ||
      word.proper ||
      word.pos === 'adj' ||
      (word.pos === 'num' && phrase.length > 0) ||
      // "standard attention" reads as a verb to compromise when it opens the phrase.
      (word.pos === 'verb' && phrase.length === 0 && /(?:ed|ard)$/.test(word.lower));
    if (!fits) break;
    phrase.push(word);
  }
  // A phrase ends in its head: trailing adjectives ("than dense") name nothing.
  while (phrase.length > 0 && phrase.at(-1)!.pos === 'adj' && !isName(phrase.at(-1)!)) phrase.pop();
  if (phrase.length === 0) return null;
  if (phrase[0].pos === 'num') return null;
  const head = phrase[phrase.length - 1].lower.replace(/['’]s$/, '');
  if (NOT_BASELINE.test(head)) return null;
  return nameOf(stream, phrase);
}

/** A proper noun, or a word written like a name ("BALD", "vLLM", "GPT-4") whatever its tag. */
const isName = (word: Word): boolean => word.proper || /[A-Z\d]/.test(word.text.slice(1));

/** "the dense baseline", "strong baselines": a noun phrase with "baseline" as its head. */
function phraseEndingAt(stream: Stream, last: number): Baseline | null {
  const { words } = stream.context;
  let first = last;
  while (
    first > 0 &&
    last - first < PHRASE_WORDS - 1 &&
    (words[first - 1].pos === 'adj' ||
      words[first - 1].pos === 'noun' ||
      words[first - 1].proper) &&
    /^\s*$/.test(stream.context.between(words[first - 1], words[first]))
  ) {
    first -= 1;
  }
  return nameOf(stream, words.slice(first, last + 1));
}

function nameOf(stream: Stream, phrase: Word[]): Baseline {
  const start = phrase[0].start;
  const end = phrase[phrase.length - 1].end;
  const written = stream.context.slice(start, end).replace(/['’]s$/, '');
  // The concept the phrase is about: a span that reaches its head, or that ends before only a
  // generic head ("Adam optimizer", "LoRA baseline").
  const concept = stream.spans.find((s) => {
    if (s.start >= end || s.end <= start) return false;
    const tail = stream.context.slice(s.end, end).trim();
    return tail === '' || s.end >= end || GENERIC_HEAD.test(tail);
  });
  if (concept === undefined) return { name: written, conceptId: null };
  // A span opening the phrase names it. After plain modifiers ("full fine-tuning", "competitive
  // MobileNetV2", "single-stage TensorMask") it is still the concept, in the words as written; after a name or noun
  // ("Bayesian active learning") the phrase is another thing.
  if (concept.start <= start) return { name: concept.name, conceptId: concept.id };
  const modifiers = phrase.filter((w) => w.end <= concept.start);
  const modified = modifiers.every(
    (w) => !isName(w) && (w.pos === 'adj' || w.pos === 'verb' || w.text.includes('-')),
  );
  return { name: written, conceptId: modified ? concept.id : null };
}

function pickKind(rule: QuantityRule, found: ClaimKind | undefined): ClaimKind | null {
  if (rule.unitDecides === true && rule.kindFromUnit !== undefined) return rule.kindFromUnit;
  const context =
    found !== undefined && (rule.kinds === undefined || rule.kinds.includes(found))
      ? found
      : undefined;
  if (rule.needsKindWord === true && context === undefined) return null;
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
