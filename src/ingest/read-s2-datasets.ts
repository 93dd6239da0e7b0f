import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadResult } from './read-result.ts';
import { InputError } from './input-error.ts';
import { canonicalId, normalizeIds } from './normalize-id.ts';
import { openInput, readLines } from './open-input.ts';
import { wantsYear, type ReadContext } from './paper-filter.ts';
import { sortByKey, type KeyedLine } from './sort-by-key.ts';
import { validatePaper } from './validate-paper.ts';

/**
 * Semantic Scholar's datasets: `papers` records (`corpusid`, `externalids`, `title`, `authors`,
 * `venue`, `year`, `publicationdate`, `url`) joined on `corpusid` with `abstracts` records
 * (`corpusid`, `abstract`) and, when given, `citations` records (`citingcorpusid`,
 * `citedcorpusid`), which become references to `s2corpus:<cited>`.
 *
 * Each role may be many files (the datasets come in shards). Every file is sorted by corpus id on
 * disk (an external merge sort in a temporary directory, removed at the end, also on error), then
 * the three sorted streams are merged in one pass, so memory holds one sort run, never a file.
 * Papers therefore come out in corpus-id order, not file order.
 */
export interface S2DatasetFiles {
  papers: string[];
  abstracts: string[];
  citations: string[];
}

export type S2Role = keyof S2DatasetFiles;

/** Which dataset a file is, from its first line; null when it is none of them. */
export function s2RoleOf(head: string): S2Role | null {
  const first = head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .split('\n', 1)[0];
  if (/"citingcorpusid"\s*:/.test(first)) return 'citations';
  if (!/"corpusid"\s*:/.test(first)) return null;
  if (/"abstract"\s*:/.test(first) && !/"title"\s*:/.test(first)) return 'abstracts';
  return 'papers';
}

export interface ReadS2DatasetsOptions {
  /** Characters of one in-memory sort run. @default 16_000_000 */
  runChars?: number;
  /** Where the temporary sort directory is made. @default os.tmpdir() */
  tempRoot?: string;
}

const CORPUS_ID = /"corpusid"\s*:\s*(\d+)/;
const CITING = /"citingcorpusid"\s*:\s*(\d+)/;
const CITED = /"citedcorpusid"\s*:\s*(\d+)/;
const YEAR = /"year"\s*:\s*(\d{4}|null)\b/;

export async function* readS2Datasets(
  files: S2DatasetFiles,
  context: ReadContext,
  options: ReadS2DatasetsOptions = {},
): AsyncGenerator<ReadResult> {
  if (files.papers.length === 0) {
    throw new InputError(
      'Semantic Scholar abstracts or citations were given without a papers file to join them to',
    );
  }
  if (files.abstracts.length === 0) {
    throw new InputError(
      `${files.papers.join(', ')}: Semantic Scholar papers have no abstracts of their own; give the abstracts dataset too (--abstracts FILE)`,
    );
  }
  const names = [...files.papers, ...files.abstracts, ...files.citations];
  for (const name of names) {
    if (name === '-')
      throw new InputError('Semantic Scholar datasets are read from files, not stdin');
  }
  const tempDir = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'papergraph-s2-'));
  const runChars = options.runChars ?? 16_000_000;
  const sort = (label: string, lines: AsyncIterable<KeyedLine>) =>
    sortByKey(lines, { tempDir, label, runChars })[Symbol.asyncIterator]();
  const papers = sort(
    'papers',
    keyed(files.papers, 0, 'papers', (line) => {
      const year = YEAR.exec(line);
      if (year && year[1] !== 'null' && !wantsYear(context.filter, Number(year[1]))) {
        context.onFiltered();
        return null;
      }
      // A line without a corpus id sorts first and is reported as such by the join.
      return { key: Number(CORPUS_ID.exec(line)?.[1] ?? -1), line };
    }),
  );
  const abstracts = sort(
    'abstracts',
    keyed(files.abstracts, files.papers.length, 'abstracts', (line) => {
      const key = CORPUS_ID.exec(line);
      return key ? { key: Number(key[1]), line } : null;
    }),
  );
  const citations = sort(
    'citations',
    keyed(files.citations, files.papers.length + files.abstracts.length, 'citations', (line) => {
      const citing = CITING.exec(line);
      const cited = CITED.exec(line);
      return citing && cited ? { key: Number(citing[1]), line: cited[1] } : null;
    }),
  );
  try {
    // Sorting happens on the first `next()` of each; one at a time keeps one run in memory.
    let paper = await papers.next();
    let abstract = await abstracts.next();
    let citation = await citations.next();
    let previous: number | null = null;
    while (!paper.done) {
      const { key, source, number, line } = paper.value;
      const where = `${names[source]}:${number}`;
      const repeated = key === previous;
      previous = key;
      while (!abstract.done && abstract.value.key < key) abstract = await abstracts.next();
      const text = !abstract.done && abstract.value.key === key ? abstract.value.line : null;
      while (!citation.done && citation.value.key < key) citation = await citations.next();
      const references: string[] = [];
      while (!citation.done && citation.value.key === key) {
        references.push(`s2corpus:${citation.value.line}`);
        citation = await citations.next();
      }
      if (key < 0) yield skip(where, 'no corpusid');
      else if (repeated) yield skip(where, `id "s2corpus:${key}" repeats an earlier record`);
      else yield* joinPaper(line, text, references, where, context);
      paper = await papers.next();
    }
  } finally {
    await Promise.all([papers, abstracts, citations].map((sorted) => sorted.return?.(undefined)));
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** The lines of several files with their keys; `keyOf` returns null for a line to leave out. */
async function* keyed(
  paths: string[],
  firstSource: number,
  role: S2Role,
  keyOf: (line: string) => { key: number; line: string } | null,
): AsyncGenerator<KeyedLine> {
  for (const [i, path] of paths.entries()) {
    const input = await openInput(path);
    const found = s2RoleOf(input.head);
    if (input.head.trim() !== '' && found !== role) {
      await input.close();
      throw new InputError(
        `${path}: expected Semantic Scholar ${role} records, found ${found ? `${found} records` : 'something else'}`,
      );
    }
    for await (const { line, number } of readLines(input.chunks)) {
      if (line.trim() === '') continue;
      const entry = keyOf(line);
      if (entry) yield { ...entry, source: firstSource + i, number };
    }
  }
}

function skip(where: string, reason: string): ReadResult {
  return { kind: 'skipped', skipped: { where, reason } };
}

interface S2DatasetPaper {
  corpusid?: unknown;
  externalids?: Record<string, unknown> | null;
  url?: unknown;
  title?: unknown;
  authors?: unknown;
  venue?: unknown;
  journal?: { name?: unknown } | null;
  year?: unknown;
  publicationdate?: unknown;
}

function* joinPaper(
  line: string,
  abstractLine: string | null,
  references: string[],
  where: string,
  context: ReadContext,
): Generator<ReadResult> {
  let record: S2DatasetPaper;
  try {
    record = JSON.parse(line) as S2DatasetPaper;
  } catch (error) {
    yield skip(where, `not valid JSON (${(error as Error).message})`);
    return;
  }
  const year = typeof record.year === 'number' ? record.year : null;
  const date = typeof record.publicationdate === 'string' ? record.publicationdate : null;
  if (!wantsYear(context.filter, year ?? (date ? Number(date.slice(0, 4)) : null))) {
    context.onFiltered();
    return;
  }
  let abstract: unknown = null;
  if (abstractLine !== null) {
    try {
      abstract = (JSON.parse(abstractLine) as { abstract?: unknown }).abstract;
    } catch {
      abstract = null;
    }
  }
  if (typeof abstract !== 'string' || abstract.trim() === '') {
    yield skip(where, 'no abstract');
    return;
  }
  const external = record.externalids ?? {};
  const value = (key: string) =>
    typeof external[key] === 'string' || typeof external[key] === 'number'
      ? String(external[key])
      : null;
  const externalIds = normalizeIds([
    value('ArXiv') ? `arxiv:${value('ArXiv')}` : null,
    value('DOI') ? `doi:${value('DOI')}` : null,
    typeof record.url === 'string' ? record.url : null,
    value('MAG') ? `mag:${value('MAG')}` : null,
    `s2corpus:${String(record.corpusid)}`,
  ]);
  const authors = (Array.isArray(record.authors) ? record.authors : [])
    .map((author) => (author as { name?: unknown } | null)?.name)
    .filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  const venue =
    (typeof record.venue === 'string' && record.venue.trim()) ||
    (typeof record.journal?.name === 'string' && record.journal.name.trim()) ||
    null;
  yield validatePaper(
    {
      id: canonicalId(externalIds) ?? '',
      title: record.title ?? '',
      abstract,
      authors: authors.length > 0 ? authors : undefined,
      // A year alone stays a year: no 1 January is invented for it.
      published: date ?? (year !== null ? String(year) : null),
      url: typeof record.url === 'string' ? record.url : null,
      venue,
      source: 's2',
      externalIds,
      references,
    },
    where,
  );
}
