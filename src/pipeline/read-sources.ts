import { readPapers } from '../ingest/read-papers.ts';
import type { InputFormat, ReadResult } from '../ingest/read-result.ts';
import { collectionOf, inCollection } from './select-records.ts';

/**
 * The records of several inputs (paths or `-` for stdin), one after the other, each paper in
 * `collection` or, by default, in the collection named after its input file.
 */
export async function* readSources(
  sources: string[],
  format?: InputFormat,
  collection?: string,
): AsyncGenerator<ReadResult> {
  for (const source of sources) {
    yield* inCollection(readPapers(source, { format }), collection ?? collectionOf(source));
  }
}

/** How many papers the inputs hold (a pass without NLP), for a progress bar's ETA. */
export async function countPapers(results: AsyncIterable<ReadResult>): Promise<number> {
  let count = 0;
  for await (const result of results) if (result.kind === 'paper') count += 1;
  return count;
}
