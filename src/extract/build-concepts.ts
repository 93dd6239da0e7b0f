// Merging candidates into concepts: contested spans, roles from cue words, one concept per id.
import type { ConceptKind, ExtractedConcept, Field, Mention, Role } from '../domain.ts';
import { lookupLexicon } from './lexicon.ts';
import type { Candidate, FieldText } from './concept-candidate.ts';
import { CONCEPT_RULES } from './concept-candidate.ts';

export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  for (const c of candidates) {
    if (c.rule !== 'noun-phrase-head' || c.kind !== 'method') continue;
    const inner = candidates.some(
      (o) =>
        o.field === c.field &&
        o.rule === 'lexicon' &&
        o.kind !== 'method' &&
        o.kind !== 'model' &&
        o.start >= c.start &&
        o.end < c.end,
    );
    if (inner) c.rule = 'task-system';
  }
  const ordered = [...candidates].sort(
    (a, b) =>
      CONCEPT_RULES[a.rule].priority - CONCEPT_RULES[b.rule].priority ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  const taken: Record<Field, [number, number, string][]> = { title: [], abstract: [] };
  for (const c of ordered) {
    const spans = taken[c.field];
    const clash = spans.find(([a, b]) => c.start < b && c.end > a);
    if (clash !== undefined) {
      // The same concept seen by two rules on one span: remember the extra rule.
      if (clash[2] === c.id && clash[0] === c.start && clash[1] === c.end) kept.push(c);
      continue;
    }
    spans.push([c.start, c.end, c.id]);
    kept.push(c);
  }
  return kept;
}

const PROPOSE_CONTEXT = /\b(?:our|the proposed|our proposed|the new)\s+$/i;
const COMPARE_CONTEXT =
  /\b(?:compared (?:with|to)|comparison (?:with|to)|than|outperform\w*|surpass\w*|versus|vs\.?|against|over|baselines?(?: such as| including| like)?|competitive with|on par with|unlike|superior to|better than|beats?)\b[^.;]{0,50}$/i;
const USE_CONTEXT =
  /\b(?:us(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|based on|built on|build on|employ\w*|leverag\w*|adopt\w*|exploit\w*|with|via|through|on|trained (?:on|with)|fine-tun\w*|run\w* on|evaluat\w* on|experiments? on|tested on|initiali[sz]ed (?:from|with)|such as|including)\b[^.;]{0,40}$/i;

function mentionRole(c: Candidate): Role | null {
  if (c.proposes) return 'proposes';
  const before = c.sentence.text.slice(
    Math.max(0, c.start - c.sentence.start - 80),
    c.start - c.sentence.start,
  );
  if (PROPOSE_CONTEXT.test(before) && c.rule !== 'lexicon') return 'proposes';
  if (COMPARE_CONTEXT.test(before)) return 'compares';
  if (USE_CONTEXT.test(before)) return 'uses';
  return null;
}

export function buildConcepts(kept: Candidate[], fields: FieldText[]): ExtractedConcept[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of kept) {
    const list = groups.get(c.id) ?? [];
    list.push(c);
    groups.set(c.id, list);
  }
  const concepts: ExtractedConcept[] = [];
  for (const [id, group] of groups) {
    const best = [...group].sort(
      (a, b) => CONCEPT_RULES[b.rule].confidence - CONCEPT_RULES[a.rule].confidence,
    )[0];
    const ruleNames = [...new Set(group.map((c) => c.rule))].sort(
      (a, b) => CONCEPT_RULES[b].confidence - CONCEPT_RULES[a].confidence,
    );
    const definedName = group.find(
      (c) => c.rule === 'acronym-definition' && c.name.length > 0 && /\s/.test(c.name),
    );
    const name = lookupLexicon(best.name).some((e) => e.id === id)
      ? best.name
      : (definedName?.name ?? best.name);
    const mentions = dedupeMentions(group, fields);
    const surfaces = new Set(mentions.map((m) => m.text));
    surfaces.delete(name);
    const aliases = [...surfaces].filter((s) => s.toLowerCase() !== name.toLowerCase());
    const roles = group.map(mentionRole);
    const role = pickRole(best.kind, roles);
    const confidence = Math.min(
      0.99,
      CONCEPT_RULES[best.rule].confidence +
        0.05 * (ruleNames.length - 1) +
        0.02 * (mentions.length - 1),
    );
    concepts.push({
      kind: best.kind,
      role,
      id,
      name,
      aliases,
      confidence: Math.round(confidence * 100) / 100,
      rules: ruleNames,
      mentions,
    });
  }
  concepts.sort((a, b) => firstPosition(a) - firstPosition(b));
  return concepts;
}

function firstPosition(concept: ExtractedConcept): number {
  const m = concept.mentions[0];
  return (m.field === 'title' ? 0 : 1_000_000) + m.start;
}

function pickRole(kind: ConceptKind, roles: (Role | null)[]): Role | null {
  if (roles.includes('proposes')) return 'proposes';
  if (kind === 'task' || kind === 'metric') return null;
  if (roles.includes('uses')) return 'uses';
  if (roles.includes('compares')) {
    return roles.every((r) => r === 'compares') || kind === 'dataset' || kind === 'hardware'
      ? 'compares'
      : 'uses';
  }
  return kind === 'method' || kind === 'model' ? 'uses' : null;
}

function dedupeMentions(group: Candidate[], fields: FieldText[]): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  const ordered = [...group].sort((a, b) =>
    a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1,
  );
  for (const c of ordered) {
    const key = `${c.field}:${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
    mentions.push({ field: c.field, start: c.start, end: c.end, text, sentence: c.sentence.text });
  }
  return mentions;
}
