// A defined acronym becomes a concept: its long form, with the acronym as an alias.
import type { ConceptKind, Field } from '../domain.ts';
import { conceptId } from './concept-id.ts';
import type { AcronymDefinition } from './find-acronyms.ts';
import type { LexiconEntry } from './lexicon.ts';
import { isAmbiguousForm, lookupLexicon, matchLexicon } from './lexicon.ts';
import { COMPOUND_HEADS, HEAD_KINDS, singularHead } from './phrase-heads.ts';
import type { Candidate } from './concept-candidate.ts';
import { PROPOSER } from './concept-candidate.ts';
import { isGenericPhrase } from './keep-named.ts';

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
  // "Large Language Models (LLMs)": a field or a scale, not a concept (see keep-named.ts).
  if (known === null && isGenericPhrase(definition.long)) return null;
  // "medical image segmentation model (MedSeg)", "system-on-chip (SoC)": a description in lower
  // case, not a name, unless the paper introduces it.
  if (
    known === null &&
    !/[A-Z]/.test(definition.long) &&
    !isProposedHere(before(definition), definition.sentence.text) &&
    /\b(?:model|network|method|framework|approach|system|architecture|module|chip|things|device|devices|technique|algorithm)s?$/.test(
      definition.long,
    )
  ) {
    return null;
  }
  if (known === null) {
    const before = definition.sentence.text.slice(
      0,
      definition.longStart - definition.sentence.start,
    );
    const proposed = isProposedHere(before, definition.sentence.text);
    kind =
      apposedKind(definition) ??
      kindFromHead(definition.long) ??
      (isTitleCase(definition.long) || proposed ? 'method' : null);
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
    proposes:
      known === null &&
      isProposedHere(before(definition), definition.sentence.text, definition.long),
  };
}

const PROPOSING =
  /\b(?:propos|present|introduc|develop|design|devis|formulat|construct|creat|build|buil|curat|collect|releas|call|nam|term|dub)\w*\s+(?:\S+\s+){0,6}$/i;
const NEW_THING = /\b(?:novel|new|our|proposed|dubbed|called|named|termed)\s+(?:\S+\s+){0,3}$/i;

/** "Long Context Recall (LCR), a new benchmark of ...": the apposition says what it is. */
function apposedKind(definition: AcronymDefinition): ConceptKind | null {
  const after = definition.sentence.text.slice(
    definition.shortEnd - definition.sentence.start,
    definition.shortEnd - definition.sentence.start + 60,
  );
  const head =
    /^\)?\s*,\s*(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}?(benchmark|dataset|corpus|suite|metric)s?\b/i.exec(
      after,
    )?.[1];
  if (head === undefined) return null;
  return head.toLowerCase() === 'metric' ? 'metric' : 'dataset';
}

function before(definition: AcronymDefinition): string {
  return definition.sentence.text.slice(0, definition.longStart - definition.sentence.start);
}

/**
 * A long form the paper itself introduces: "we introduce Distribution-aware Mixture of Experts
 * (dMoE)", "we design the Point Prompt Selection Module (PPSM)", "a novel Instance Detection
 * Module (IDM)" in a sentence about the paper's own work.
 */
/** A named component in title case: "Gradient Anomaly Mapping Module", "Cross Pyramid Routing Block". */
const COMPONENT =
  /^(?:[A-Z][\w-]*\s+){1,6}(?:Module|Block|Layer|Unit|Head|Mechanism|Loss|Routing|Attention|Encoder|Decoder|Network|Strategy|Scheme)$/;

function isProposedHere(textBefore: string, sentence: string, long = ''): boolean {
  if (COMPONENT.test(long)) return true;
  if (!PROPOSER.test(sentence))
    return NEW_THING.test(textBefore) && /\b(?:novel|new)\b/i.test(textBefore);
  return PROPOSING.test(textBefore) || NEW_THING.test(textBefore);
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
