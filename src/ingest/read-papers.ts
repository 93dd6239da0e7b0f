import type { InputFormat, ReadResult } from './read-result.ts';
import { INPUT_FORMATS } from './read-result.ts';
import { InputError } from './input-error.ts';
import { openInput, type OpenedInput } from './open-input.ts';
import { NO_FILTER, wantsYear, type PaperFilter, type ReadContext } from './paper-filter.ts';
import { readArxiv } from './read-arxiv.ts';
import { readArxivSnapshot } from './read-arxiv-snapshot.ts';
import { readDaily } from './read-daily.ts';
import { readJsonl } from './read-jsonl.ts';
import { readOpenAlex } from './read-openalex.ts';
import { readS2Datasets, s2RoleOf, type S2DatasetFiles } from './read-s2-datasets.ts';

export interface ReadPapersOptions {
  /** Forces a format instead of detecting it from the content. */
  format?: InputFormat;
  /** Records to keep; the others are counted through `onFiltered`, not reported as skipped. */
  filter?: PaperFilter;
  onFiltered?: () => void;
  /** Semantic Scholar abstracts files, joined to S2 papers files on `corpusid`. */
  abstracts?: string[];
  /** Semantic Scholar citations files: the references of S2 papers. */
  citations?: string[];
}

type Reader = (
  chunks: AsyncIterable<string>,
  name: string,
  context: ReadContext,
) => AsyncIterable<ReadResult>;

const READERS: Record<Exclude<InputFormat, 's2-datasets'>, Reader> = {
  daily: readDaily,
  jsonl: readJsonl,
  arxiv: readArxiv,
  'arxiv-snapshot': readArxivSnapshot,
  openalex: readOpenAlex,
};

/** Formats whose readers apply the filter themselves, before validation. */
const FILTERED_WHILE_READING = new Set<InputFormat>(['arxiv-snapshot', 'openalex', 's2-datasets']);

/**
 * Streams the papers of one input (a path, or `-` for stdin; gzip or not) in file order: each
 * result is a validated, normalised `RawPaper` or a skipped record saying where and what is wrong.
 * Whole-input failures (missing, unreadable, binary, unknown format) throw `InputError`; an empty
 * input yields nothing. A Semantic Scholar papers file is joined with `options.abstracts`.
 */
export async function* readPapers(
  source: string,
  options: ReadPapersOptions = {},
): AsyncGenerator<ReadResult> {
  yield* readSources([source], options);
}

/**
 * The records of several inputs, one after the other. Semantic Scholar dataset files, told apart
 * by their content (papers, abstracts, citations), are joined together after the other inputs.
 */
export async function* readSources(
  sources: string[],
  options: ReadPapersOptions = {},
): AsyncGenerator<ReadResult> {
  for await (const input of readInputs(sources, options)) yield* input.results;
}

/** The records of one input; for a Semantic Scholar join, `source` is its first papers file. */
export interface InputRecords {
  source: string;
  results: AsyncIterable<ReadResult>;
}

/**
 * `readSources` input by input, so a caller can tell which input each record came from. Each
 * input's records must be read before the next input is asked for.
 */
export async function* readInputs(
  sources: string[],
  options: ReadPapersOptions = {},
): AsyncGenerator<InputRecords> {
  if (options.format !== undefined && !INPUT_FORMATS.includes(options.format)) {
    throw new InputError(
      `unknown format "${String(options.format)}"; expected one of ${INPUT_FORMATS.join(', ')}`,
    );
  }
  const context: ReadContext = {
    filter: options.filter ?? NO_FILTER.filter,
    onFiltered: options.onFiltered ?? NO_FILTER.onFiltered,
  };
  const s2: S2DatasetFiles = {
    papers: [],
    abstracts: [...(options.abstracts ?? [])],
    citations: [...(options.citations ?? [])],
  };
  for (const source of sources) {
    const input = await openInput(source);
    if (input.head.trim() === '' && options.format === undefined) {
      // Empty (or blank so far): drain it; a stream blank at first but not later is daily.
      yield { source, results: READERS.daily(input.chunks, input.name, context) };
      continue;
    }
    const format = options.format ?? detectFormat(input.head);
    if (format === null) {
      await input.close();
      throw new InputError(
        `${input.name}: cannot tell the format from its content; pass --format (${INPUT_FORMATS.join(', ')})`,
      );
    }
    if (format === 's2-datasets') {
      await input.close();
      s2[s2RoleOf(input.head) ?? 'papers'].push(source);
      continue;
    }
    yield { source, results: readFormat(format, input, context) };
  }
  if (s2.papers.length > 0 || s2.abstracts.length > 0 || s2.citations.length > 0) {
    yield {
      source: s2.papers[0] ?? s2.abstracts[0] ?? s2.citations[0],
      results: readS2Datasets(s2, context),
    };
  }
}

async function* readFormat(
  format: Exclude<InputFormat, 's2-datasets'>,
  input: OpenedInput,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  if (context.filter.categories && format !== 'arxiv-snapshot') {
    await input.close();
    throw new InputError(
      `${input.name}: --category needs the arXiv snapshot (arxiv-snapshot); this input is ${format}`,
    );
  }
  const results = READERS[format](input.chunks, input.name, context);
  if (FILTERED_WHILE_READING.has(format) || context.filter.since === undefined) {
    yield* results;
    return;
  }
  // The other formats have no cheaper place to see a date than the validated paper.
  for await (const result of results) {
    if (result.kind === 'paper' && !wantsYear(context.filter, yearOf(result.paper.published))) {
      context.onFiltered();
    } else {
      yield result;
    }
  }
}

function yearOf(published: string | null | undefined): number | null {
  return published ? Number(published.slice(0, 4)) : null;
}

/**
 * Guesses the format from the start of an input: XML with a `<feed` is an arXiv Atom feed; a
 * first line that is a JSON object is told by its fields (`abstract_inverted_index` or an
 * openalex.org id: OpenAlex; `corpusid`: Semantic Scholar datasets; `versions` with `categories`:
 * the arXiv snapshot; anything else papergraph's JSON Lines); plain text lines are the daily
 * listing.
 */
export function detectFormat(head: string): InputFormat | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<'))
    return /<feed[\s>]/.test(start) || /<entry[\s>]/.test(start) ? 'arxiv' : null;
  if (start.startsWith('{')) {
    const first = start.split('\n', 1)[0];
    if (/"abstract_inverted_index"\s*:|"id"\s*:\s*"https:\/\/openalex\.org\/W/.test(first))
      return 'openalex';
    if (s2RoleOf(first) !== null) return 's2-datasets';
    if (/"versions"\s*:\s*\[/.test(first) && /"categories"\s*:/.test(first))
      return 'arxiv-snapshot';
    return 'jsonl';
  }
  if (start.startsWith('[')) return null;
  return 'daily';
}
