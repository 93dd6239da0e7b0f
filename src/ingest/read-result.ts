import type { RawPaper, SkippedRecord } from '../domain.ts';

/** One record read from an input: a paper, or a bad record that was reported and skipped. */
export type ReadResult =
  { kind: 'paper'; paper: RawPaper; where: string } | { kind: 'skipped'; skipped: SkippedRecord };

/**
 * `arxiv` is the arXiv API's Atom feed, `arxiv-snapshot` the JSON Lines metadata snapshot,
 * `openalex` OpenAlex works as JSON Lines, `s2-datasets` Semantic Scholar's papers, abstracts and
 * citations datasets, `jsonl` papergraph's own JSON Lines.
 */
export const INPUT_FORMATS = [
  'daily',
  'jsonl',
  'arxiv',
  'arxiv-snapshot',
  'openalex',
  's2-datasets',
] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
