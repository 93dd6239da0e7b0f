import type { InputFormat, ReadResult } from './read-result.ts';
import { INPUT_FORMATS } from './read-result.ts';
import { InputError } from './input-error.ts';
import { openInput } from './open-input.ts';
import { readArxiv } from './read-arxiv.ts';
import { readDaily } from './read-daily.ts';
import { readJsonl } from './read-jsonl.ts';

export interface ReadPapersOptions {
  /** Forces a format instead of detecting it from the content. */
  format?: InputFormat;
}

const READERS: Record<
  InputFormat,
  (chunks: AsyncIterable<string>, name: string) => AsyncIterable<ReadResult>
> = {
  daily: readDaily,
  jsonl: readJsonl,
  arxiv: readArxiv,
};

/**
 * Streams the papers of one input (a path, or `-` for stdin) in file order: each result is a
 * validated, normalised `RawPaper` or a skipped record saying where and what is wrong. Whole-input
 * failures (missing, unreadable, binary, unknown format) throw `InputError`; an empty input yields
 * nothing.
 */
export async function* readPapers(
  source: string,
  options: ReadPapersOptions = {},
): AsyncGenerator<ReadResult> {
  if (options.format !== undefined && !INPUT_FORMATS.includes(options.format)) {
    throw new InputError(
      `unknown format "${String(options.format)}"; expected one of ${INPUT_FORMATS.join(', ')}`,
    );
  }
  const input = await openInput(source);
  if (input.head.trim() === '' && options.format === undefined) {
    // Empty (or blank so far): drain it; a stream that is blank at first but not later is daily.
    yield* readDaily(input.chunks, input.name);
    return;
  }
  const format = options.format ?? detectFormat(input.head);
  if (format === null) {
    throw new InputError(
      `${input.name}: cannot tell the format from its content; pass --format (${INPUT_FORMATS.join(', ')})`,
    );
  }
  yield* READERS[format](input.chunks, input.name);
}

/**
 * Guesses the format from the start of an input: XML with a `<feed` is an arXiv Atom feed, a first
 * line that is a JSON object is JSON Lines, plain text lines are the daily listing.
 */
export function detectFormat(head: string): InputFormat | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<'))
    return /<feed[\s>]/.test(start) || /<entry[\s>]/.test(start) ? 'arxiv' : null;
  if (start.startsWith('{')) return 'jsonl';
  if (start.startsWith('[')) return null;
  return 'daily';
}
