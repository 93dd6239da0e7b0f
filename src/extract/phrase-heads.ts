// Head nouns that make a noun phrase a method, task, dataset or metric ("a rule-based parser",
// "machine reading comprehension", "a parallel corpus", "word error rate").
import type { ConceptKind } from '../domain.ts';

export const HEAD_KINDS: Record<string, ConceptKind> = {};

const METHOD_HEADS =
  'model system tool algorithm approach method technique parser grammar framework classifier network architecture estimator optimizer optimiser strategy scheme heuristic procedure formalism mechanism module decoder encoder tagger recognizer recogniser stemmer learner regularizer regulariser kernel embedding representation solver sampler filter component theory transducer automaton automata tree-kernel pipeline paradigm ensemble autoencoder transformer perceptron regression svm crf hmm lstm rnn cnn gan'.split(
    ' ',
  );
const TASK_HEADS =
  'recognition classification parsing translation detection retrieval generation understanding summarization summarisation segmentation tagging extraction disambiguation answering tracking estimation identification annotation acquisition labeling labelling captioning localization localisation verification correction induction interpretation indexing synthesis categorization categorisation reconstruction alignment prediction forecasting completion simplification transliteration diarization matching reasoning search comprehension registration problem task application inference construction mining navigation inpainting lemmatization stemming assessment animation'.split(
    ' ',
  );
const DATASET_HEADS =
  'corpus corpora dataset data-set treebank tree-bank benchmark database collection dictionary dictionaries lexicon'.split(
    ' ',
  );
const METRIC_HEADS =
  'accuracy precision recall f-measure f-score f1 perplexity bleu quality complexity rate measure metric score'.split(
    ' ',
  );

for (const head of METHOD_HEADS) HEAD_KINDS[singularHead(head)] = 'method';
for (const head of TASK_HEADS) HEAD_KINDS[singularHead(head)] = 'task';
for (const head of DATASET_HEADS) HEAD_KINDS[singularHead(head)] = 'dataset';
for (const head of METRIC_HEADS) HEAD_KINDS[singularHead(head)] = 'metric';

/** Two-word heads checked before one-word heads. */
export const COMPOUND_HEADS: Record<string, ConceptKind> = {
  'error rate': 'metric',
  'error rates': 'metric',
  'success rate': 'metric',
  'recognition rate': 'metric',
  'accuracy rate': 'metric',
  'bleu score': 'metric',
  'f1 score': 'metric',
  'rouge score': 'metric',
  'language model': 'method',
  'language models': 'method',
  'neural network': 'method',
  'neural networks': 'method',
};

export function singularHead(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word === 'corpora' || word === 'automata') return word;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s') && word.length > 3) return word.slice(0, -1);
  return word;
}
