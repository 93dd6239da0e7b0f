// Noun phrases by their head: "a rule-based parser" (method), "speech recognition" (task)

import type { ConceptKind, Field } from '../domain.ts';
import { conceptId } from './concept-id.ts';
import type { Sentence, Word } from './parse-text.ts';
import {
  BARE_METHOD_HEADS,
  BARE_TASK_HEADS,
  COMPOUND_HEADS,
  GENERIC_MODIFIERS,
  HEAD_KINDS,
  MODIFIED_METRIC_HEADS,
  singularHead,
} from './phrase-heads.ts';
import type { Candidate } from './concept-candidate.ts';

const NP_POS = new Set(['noun', 'adj', 'num']);
const GERUND_STOP =
  /^(?:using|including|making|achieving|showing|improving|having|being|given|based|following|according|providing|allowing|leading|yielding|requiring|resulting|considering|reducing|increasing|learning to|building|training)$/;

export function findNounPhrases(field: Field, sentence: Sentence): Candidate[] {
  const found: Candidate[] = [];
  const words = sentence.words;
  const offset = sentence.start;
  const text = sentence.text;
  let i = 0;
  while (i < words.length) {
    if (!inPhrase(words, i, true)) {
      i += 1;
      continue;
    }
    let j = i;
    while (
      j + 1 < words.length &&
      text.slice(words[j].end - offset, words[j + 1].start - offset) === ' ' &&
      inPhrase(words, j + 1, false)
    ) {
      j += 1;
    }
    const candidate = phraseCandidate(field, sentence, i, j);
    if (candidate !== null) found.push(candidate);
    i = j + 1;
  }
  return found;
}

const NOMINAL_GERUND =
  /^(?:learning|parsing|training|modeling|modelling|processing|reasoning|tagging|clustering|matching|ranking|sampling|labeling|labelling|tracking|computing|mining|filtering|pruning|encoding|decoding|planning|scheduling|reading|understanding|speech|boosting|bagging|hashing|indexing|tuning|programming|mapping|smoothing)$/;

function inPhrase(words: Word[], i: number, first: boolean): boolean {
  const w = words[i];
  if (NP_POS.has(w.pos)) return !(w.pos === 'num' && !/[A-Za-z]/.test(w.text) && first);
  if (w.pos === 'gerund') {
    if (GERUND_STOP.test(w.lower)) return false;
    const next = words[i + 1];
    // A phrase may start with a gerund used as a noun ("parsing algorithm"), not with a verb
    // ("solving optimization problems").
    return !first || (NOMINAL_GERUND.test(w.lower) && next !== undefined && next.pos === 'noun');
  }
  return false;
}

function phraseCandidate(
  field: Field,
  sentence: Sentence,
  from: number,
  to: number,
): Candidate | null {
  const words = sentence.words;
  // Trim generic leading modifiers and any trailing non-noun.
  let i = from;
  while (i <= to && GENERIC_MODIFIERS.has(words[i].lower) && words[i + 1]?.lower !== 'order')
    i += 1;
  let j = to;
  // The head is the last noun; a head gerund ("statistical parsing") counts as a noun.
  while (
    j >= i &&
    words[j].pos !== 'noun' &&
    !(words[j].pos === 'gerund' && words[j].lower in HEAD_KINDS)
  ) {
    j -= 1;
  }
  if (j < i) return null;
  const headWord = words[j].lower;
  const last2 = j > i ? `${words[j - 1].lower} ${headWord}` : '';
  let kind: ConceptKind | null;
  if (last2 in COMPOUND_HEADS) kind = COMPOUND_HEADS[last2];
  else {
    const head = singularHead(headWord);
    kind = HEAD_KINDS[head] ?? HEAD_KINDS[head.split('-').pop() ?? head] ?? null;
  }
  if (kind === null) return null;
  if (last2 === 'learning rate' || last2 === 'learning rates') return null; // a hyperparameter
  // "the alignment problem", "the WSD task", but not "an open problem", "a complex task".
  if (
    /^(?:problems?|tasks?|applications?)$/.test(headWord) &&
    (j === i || words[j - 1].pos !== 'noun')
  ) {
    return null;
  }
  // "a parallel corpus", "the training set" are kinds of data, not datasets: as graph nodes they
  // would join unrelated papers. A dataset phrase needs a name in it ("the WSJ corpus").
  if (
    kind === 'dataset' &&
    !words.slice(i, j).some((w) => /[A-Z]/.test(w.text) && w.start > sentence.start)
  ) {
    return null;
  }
  // A bare head ("the algorithm") is generic; a method needs a describing word.
  const bare = j === i;
  if (
    bare &&
    kind !== 'metric' &&
    !(kind === 'method' && BARE_METHOD_HEADS.has(singularHead(headWord))) &&
    !(kind === 'task' && (/-/.test(headWord) || BARE_TASK_HEADS.has(headWord)))
  ) {
    return null;
  }
  if (bare && MODIFIED_METRIC_HEADS.has(headWord)) return null;
  if (
    kind === 'metric' &&
    !bare &&
    !/^(?:accuracy|precision|recall|f-measure|f-score|f1|perplexity|bleu|rate|rates|score|scores|quality|complexity|measures?|metrics?)$/.test(
      headWord,
    )
  ) {
    return null;
  }
  const start = words[i].start;
  const end = words[j].end;
  const name = sentence.text.slice(start - sentence.start, end - sentence.start);
  return {
    id: conceptId(name),
    kind,
    name,
    rule: 'noun-phrase-head',
    field,
    start,
    end,
    sentence,
    proposes: false,
  };
}
