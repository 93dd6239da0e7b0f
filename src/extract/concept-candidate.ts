// The shared shape of a concept candidate before merging, and the rules that make them.
import type { ConceptKind, Field } from '../domain.ts';
import type { Sentence } from './parse-text.ts';

/**
 * Every rule that can produce a concept, with its confidence; a concept lists the rules that fired
 * for it, strongest first. Lower priority numbers win a contested span.
 */
export const CONCEPT_RULES = {
  'acronym-definition': { confidence: 0.85, priority: 0 },
  'propose-cue': { confidence: 0.85, priority: 1 },
  'called-cue': { confidence: 0.85, priority: 1 },
  'title-name': { confidence: 0.8, priority: 1 },
  'appositive-name': { confidence: 0.75, priority: 1 },
  lexicon: { confidence: 0.9, priority: 2 },
  'dataset-cue': { confidence: 0.7, priority: 3 },
  'name-pattern': { confidence: 0.5, priority: 4 },
  'known-name': { confidence: 0.7, priority: 4 },
} as const;
export type ConceptRule = keyof typeof CONCEPT_RULES;

export interface Candidate {
  id: string;
  kind: ConceptKind;
  name: string;
  rule: ConceptRule;
  field: Field;
  start: number;
  end: number;
  sentence: Sentence;
  /** Set by the naming rules; other roles come from cue words around each mention. */
  proposes: boolean;
}

export interface FieldText {
  field: Field;
  text: string;
  sentences: Sentence[];
}

/** Defined acronyms of one paper: `DGC` -> the concept of its long form. */
export type AcronymMap = Map<string, { id: string; kind: ConceptKind; name: string }>;

/** What a defined acronym of a generic phrase stands for: no concept (`id` is empty). */
export const NO_CONCEPT = Object.freeze({ id: '', kind: 'method' as ConceptKind, name: '' });

/** Words that make the subject of a sentence the paper itself: "we", "this paper". */
export const PROPOSER =
  /\b(?:we|this (?:paper|work|study|article|letter|note)|the (?:paper|present work)|our (?:work|paper))\b/i;
