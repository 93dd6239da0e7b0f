// What the naming rules share: how a word reads as a name, and the candidate a found name makes.
import type { ConceptKind, Field } from '../domain.ts';
import { conceptId } from './concept-id.ts';
import { isAmbiguousForm, lexiconEntryById, lookupLexicon, matchLexicon } from './lexicon.ts';
import type { Sentence, Word } from './parse-text.ts';
import type { AcronymMap, Candidate, ConceptRule } from './concept-candidate.ts';
import type { SentenceContext } from './sentence-context.ts';

/** A word that reads as a name: CamelCase, capitals after the first letter, letters with digits. */
export function isNameToken(word: Word): boolean {
  const t = word.text;
  if (word.pos === 'adj' && /-/.test(t)) return false;
  if (!/^[A-Za-z]/.test(t) || t.length < 2) return false;
  if (/[a-z][A-Z]/.test(t)) return true; // AdamP, diffGrad, FedSpeed
  if (/^[A-Z]{2,}[a-z]{2,}$/.test(t)) return true; // CDALBench, MLPerf
  if (/^[A-Z][A-Z0-9&-]*[A-Z0-9][a-z]?$/.test(t) && t.length >= 2) return true; // DADAO, WTA-CRS, DIFF2
  if (/[A-Za-z]/.test(t) && /\d/.test(t) && /^[A-Za-z][\w.-]*$/.test(t)) return true; // YOLOv9, GPT-2
  return false;
}

function isCapitalized(word: Word, index: number): boolean {
  return index > 0 && /^[A-Z][a-z]/.test(word.text) && word.pos !== 'adj' && word.pos !== 'verb';
}

function kindForName(name: string, context: string): ConceptKind {
  const known = matchLexicon(name, true);
  if (known !== null) return known.kind;
  // "X, the first active learning benchmark", "X, a new metric for ...": the apposed head.
  const apposed =
    /^\s*(?:[,:(]|\s-)\s*(?:(?:which is|is)\s+)?(?:(?:a|an|the|as a)\s+)?(?:[\w-]+\s+){0,5}?(benchmarks?|datasets?|corpus|corpora|suite|metric|score|measure)\b/i
      .exec(context)?.[1]
      ?.toLowerCase();
  if (apposed !== undefined && /^(?:benchmark|dataset|corpus|corpora|suite)/.test(apposed))
    return 'dataset';
  if (apposed !== undefined && /^(?:metric|score|measure)$/.test(apposed)) return 'metric';
  if (
    /v\d|-\d+[BMK]?$|\d+[BM]$/.test(name) ||
    /\b(?:model|network|architecture|LLM)\b/.test(context)
  ) {
    return 'model';
  }
  return 'method';
}

/** A name found by a rule, where it was found, and what the rule knows of it. */
export interface NameCandidateOptions {
  /** The name as written: "Sophia", "Deep Gradient Compression". */
  name: string;
  rule: ConceptRule;
  field: Field;
  sentence: Sentence;
  /** Field offsets of the name. */
  start: number;
  end: number;
  /** Text near the name that may say its kind: ", a new benchmark for ...", "a model called". */
  context: string;
  byAcronym: AcronymMap;
  /** The paper presents it as its own contribution. */
  proposes: boolean;
}

/**
 * The candidate a found name makes: the concept of the acronym the paper defined for it, the
 * lexicon's concept, or a new one of the kind its context says; none for a generic acronym or an
 * ambiguous one the paper does not define.
 */
export function nameCandidate({
  name,
  rule,
  field,
  sentence,
  start,
  end,
  context,
  byAcronym,
  proposes,
}: NameCandidateOptions): Candidate[] {
  const defined = byAcronym.get(name) ?? byAcronym.get(name.replace(/s$/, ''));
  if (defined !== undefined) {
    return defined.id === '' ? [] : [{ ...defined, rule, field, start, end, sentence, proposes }];
  }
  // An ambiguous acronym the paper does not define: its lexicon match, when the paper supports a
  // sense, speaks for it; a node of its own would mix the senses.
  if (isAmbiguousForm(name)) return [];
  const known = matchLexicon(name, true);
  const kind = known?.kind ?? kindForName(name, context);
  return [
    {
      id: known?.id ?? conceptId(name),
      kind,
      name: known?.name ?? name,
      rule,
      field,
      start,
      end,
      sentence,
      proposes,
    },
  ];
}

/** A name the lexicon knows, directly or as an acronym the paper defined for a lexicon concept. */
export function isKnown(name: string, byAcronym: AcronymMap): boolean {
  const defined = byAcronym.get(name);
  return (
    lookupLexicon(name).length > 0 ||
    (defined !== undefined && lexiconEntryById(defined.id) !== undefined)
  );
}

/** The title leads with it as its name: "Sophia: A Scalable ...", "UNet++: A Nested ...". */
export function namedIn(title: string, name: string): boolean {
  return new RegExp(`^${escapeRegExp(name)}\\s*(?::|\\()`).test(title);
}

/** "UNet++", "DeepLabv3+": the plus signs belong to the name. */
export function extendPlus(at: SentenceContext, end: number): number {
  let to = end;
  while (at.text[to - at.start] === '+') to += 1;
  return to;
}

/** The run of name words starting at word `i` ("Deep Gradient Compression"), or null. */
export function nameRun(at: SentenceContext, i: number): [number, number] | null {
  const words = at.words;
  const first = words[i];
  if (first === undefined) return null;
  if (isNameToken(first)) {
    // A name may continue with capitalised words: "Rectified Straight Through Estimator".
    return [i, i];
  }
  if (!isCapitalized(first, i) && !(i === 0 && /^[A-Z][a-z]/.test(first.text))) return null;
  let j = i;
  while (
    j + 1 < words.length &&
    at.between(words[j], words[j + 1]) === ' ' &&
    (/^[A-Z]/.test(words[j + 1].text) || isNameToken(words[j + 1]))
  ) {
    j += 1;
  }
  return [i, j];
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
