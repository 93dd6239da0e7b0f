import type { RawPaper, SkippedRecord } from '../domain.ts';

/** One record read from an input: a paper, or a bad record that was reported and skipped. */
export type ReadResult =
  { kind: 'paper'; paper: RawPaper; where: string } | { kind: 'skipped'; skipped: SkippedRecord };

export const INPUT_FORMATS = ['daily', 'jsonl', 'arxiv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
