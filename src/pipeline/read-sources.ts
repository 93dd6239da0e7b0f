import { readPapers } from '../ingest/read-papers.ts';
import type { InputFormat, ReadResult } from '../ingest/read-result.ts';

/** The records of several inputs (paths or `-` for stdin), one after the other. */
export async function* readSources(
  sources: string[],
  format?: InputFormat,
): AsyncGenerator<ReadResult> {
  for (const source of sources) yield* readPapers(source, { format });
}

/** How many papers the inputs hold (a pass without NLP), for a progress bar's ETA. */
export async function countPapers(sources: string[], format?: InputFormat): Promise<number> {
  let count = 0;
  for await (const result of readSources(sources, format)) if (result.kind === 'paper') count += 1;
  return count;
}
