import { readSources as readInputs, type ReadPapersOptions } from '../ingest/read-papers.ts';
import type { InputFormat, ReadResult } from '../ingest/read-result.ts';

/** The records of several inputs (paths or `-` for stdin), one after the other. */
export function readSources(
  sources: string[],
  options: InputFormat | ReadPapersOptions = {},
): AsyncGenerator<ReadResult> {
  return readInputs(sources, typeof options === 'string' ? { format: options } : options);
}

/** How many papers the inputs hold (a pass without NLP), for a progress bar's ETA. */
export async function countPapers(
  sources: string[],
  options: InputFormat | ReadPapersOptions = {},
): Promise<number> {
  const { onFiltered: _ignored, ...quiet } =
    typeof options === 'string' ? { format: options } : options;
  let count = 0;
  for await (const result of readSources(sources, quiet)) if (result.kind === 'paper') count += 1;
  return count;
}
