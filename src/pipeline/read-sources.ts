import { readInputs, type ReadPapersOptions } from '../ingest/read-papers.ts';
import type { InputFormat, ReadResult } from '../ingest/read-result.ts';
import { collectionOf, inCollection } from './select-records.ts';

/**
 * The records of several inputs (paths or `-` for stdin), one after the other, each paper in
 * `collection` or, by default, in the collection named after its input file (for a Semantic
 * Scholar join, its first papers file).
 */
export async function* readSources(
  sources: string[],
  options: InputFormat | ReadPapersOptions = {},
  collection?: string,
): AsyncGenerator<ReadResult> {
  const read = typeof options === 'string' ? { format: options } : options;
  for await (const input of readInputs(sources, read)) {
    yield* inCollection(input.results, collection ?? collectionOf(input.source));
  }
}

/** How many papers the inputs hold (a pass without NLP), for a progress bar's ETA. */
export async function countPapers(results: AsyncIterable<ReadResult>): Promise<number> {
  let count = 0;
  for await (const result of results) if (result.kind === 'paper') count += 1;
  return count;
}
