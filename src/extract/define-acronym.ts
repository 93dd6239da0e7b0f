// A defined acronym becomes a concept: its long form, with the acronym as an alias.
import type { ConceptKind, Field } from '../domain.ts';
import { conceptId } from './concept-id.ts';
import type { AcronymDefinition } from './find-acronyms.ts';
import type { LexiconEntry } from './lexicon.ts';
import { isAmbiguousForm, lookupLexicon, matchLexicon } from './lexicon.ts';
import { COMPOUND_HEADS, HEAD_KINDS, singularHead } from './phrase-heads.ts';
import type { Candidate } from './concept-candidate.ts';
import { PROPOSER } from './concept-candidate.ts';

export function defineAcronym(
  definition: AcronymDefinition & { field: Field },
  candidates: Candidate[],
): Candidate | null {
  // The long form names the sense; an ambiguous acronym alone never picks one (SAM defined as
  // anything but a lexicon sense's long form is a concept of its own).
  const known =
    matchLexicon(definition.long) ??
    (isAmbiguousForm(definition.short) ? null : matchLexicon(definition.short, true)) ??
    lexiconInside(definition, candidates);
  let kind: ConceptKind | null = known?.kind ?? null;
  let name = known?.name ?? definition.long;
  if (known === null) {
    const before = definition.sentence.text.slice(
      0,
      definition.longStart - definition.sentence.start,
    );
    const proposed =
      PROPOSER.test(before) &&
      /\b(?:propose|present|introduce|develop|call|name|term|dub)\w*\s+(?:\S+\s+){0,6}$/i.test(
        before,
      );
    kind =
      kindFromHead(definition.long) ?? (isTitleCase(definition.long) || proposed ? 'method' : null);
    name = definition.long;
  }
  if (kind === null) return null;
  return {
    id: known !== null ? known.id : conceptId(name),
    kind,
    name,
    rule: 'acronym-definition',
    field: definition.field,
    start: definition.longStart,
    end: definition.longEnd,
    sentence: definition.sentence,
    proposes: false,
  };
}

/** A lexicon match covering exactly the long form ("Straight Through Estimator (STE)"). */
function lexiconInside(
  definition: AcronymDefinition,
  candidates: Candidate[],
): LexiconEntry | null {
  const hit = candidates.find(
    (c) => c.rule === 'lexicon' && c.start === definition.longStart && c.end === definition.longEnd,
  );
  return hit === undefined ? null : (lookupLexicon(hit.name).find((e) => e.id === hit.id) ?? null);
}

export function kindFromHead(phrase: string): ConceptKind | null {
  const words = phrase.toLowerCase().split(/\s+/);
  const last2 = words.slice(-2).join(' ');
  if (last2 in COMPOUND_HEADS) return COMPOUND_HEADS[last2];
  const head = singularHead(words[words.length - 1] ?? '');
  const lastPart = head.split('-').pop() ?? head;
  return HEAD_KINDS[head] ?? HEAD_KINDS[lastPart] ?? null;
}

function isTitleCase(phrase: string): boolean {
  const words = phrase
    .split(/\s+/)
    .filter((w) => !/^(?:of|for|and|the|a|an|in|on|to|with|via)$/i.test(w));
  return words.length >= 2 && words.every((w) => /^[A-Z0-9]/.test(w));
}
