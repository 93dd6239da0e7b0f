// Merging candidates into concepts: contested spans, roles from cue words, one concept per id.
import type { ExtractedConcept, Field, Mention } from '../domain.ts';
import { familyByGrammar, lexiconEntryById, lookupLexicon } from './lexicon.ts';
import type { RoleContext } from './decide-role.ts';
import { decidingIndex, mentionCues, pickRole } from './decide-role.ts';
import type { Candidate, FieldText } from './concept-candidate.ts';
import { CONCEPT_RULES } from './concept-candidate.ts';

export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
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

export function buildConcepts(
  kept: Candidate[],
  fields: FieldText[],
  context: RoleContext,
): ExtractedConcept[] {
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
    const cues = mentionCues(group, context);
    const role = pickRole(best.kind, cues);
    const deciding = group[decidingIndex(role, cues)];
    const mentions = dedupeMentions([deciding, ...group.filter((c) => c !== deciding)], fields);
    const surfaces = new Set(mentions.map((m) => m.text));
    surfaces.delete(name);
    const aliases = [...surfaces].filter((s) => s.toLowerCase() !== name.toLowerCase());
    const entry = lexiconEntryById(id);
    const family = entry !== undefined ? entry.family : familyByGrammar(name, undefined, best.kind);
    const confidence = Math.min(
      0.99,
      CONCEPT_RULES[best.rule].confidence +
        0.05 * (ruleNames.length - 1) +
        0.02 * (mentions.length - 1),
    );
    concepts.push({
      // A variant the lexicon does not list is of its family's kind (Llama2-7B is a model).
      kind: entry === undefined && family !== null ? family.kind : best.kind,
      role,
      id,
      name,
      aliases,
      confidence: Math.round(confidence * 100) / 100,
      rules: ruleNames,
      mentions,
      family:
        family !== null && family.id !== id
          ? { id: family.id, kind: family.kind, name: family.name }
          : null,
      broad: entry?.broad === true,
    });
  }
  concepts.sort((a, b) => firstPosition(a) - firstPosition(b));
  return concepts;
}

function firstPosition(concept: ExtractedConcept): number {
  const m = concept.mentions.reduce((a, b) =>
    (a.field === 'title' ? 0 : 1_000_000) + a.start <=
    (b.field === 'title' ? 0 : 1_000_000) + b.start
      ? a
      : b,
  );
  return (m.field === 'title' ? 0 : 1_000_000) + m.start;
}

function dedupeMentions(group: Candidate[], fields: FieldText[]): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  const [deciding, ...rest] = group;
  const ordered = [
    deciding,
    ...rest.sort((a, b) =>
      a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1,
    ),
  ];
  for (const c of ordered) {
    const key = `${c.field}:${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = (c.field === 'title' ? fields[0] : fields[1]).text.slice(c.start, c.end);
    mentions.push({ field: c.field, start: c.start, end: c.end, text, sentence: c.sentence.text });
  }
  return mentions;
}
