import type { RawPaper } from '../../src/domain.ts';
import type { ReadResult } from '../../src/ingest/read-result.ts';

export const SEED_FILE = new URL('../../seed/daily-papers-mar-14.txt', import.meta.url).pathname;

/** In-memory papers as reader results, for tests that write their own corpus. */
export function asResults(papers: Omit<RawPaper, 'source'>[]): ReadResult[] {
  return papers.map((paper) => ({
    kind: 'paper',
    paper: { source: 'jsonl', ...paper },
    where: `test#${paper.id}`,
  }));
}
