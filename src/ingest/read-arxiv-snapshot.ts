import type { ReadResult } from './read-result.ts';
import { normalizeId, normalizeIds } from './normalize-id.ts';
import { readLines } from './open-input.ts';
import { parseJsonLine } from './parse-json-line.ts';
import { wantsCategories, wantsYear, type ReadContext } from './paper-filter.ts';
import { validatePaper } from './validate-paper.ts';

/**
 * The arXiv metadata snapshot (Kaggle's `arxiv-metadata-oai-snapshot.json`): JSON Lines with `id`,
 * `authors` / `authors_parsed`, `title`, `abstract`, `categories`, `doi`, `journal-ref`,
 * `versions` and `update_date`. Ids are normalised as every arXiv id (`arxiv:2305.14342`,
 * `arxiv:hep-ph/0703001`); `published` is the day v1 was submitted, else `update_date`.
 * The filter is applied before a line is validated, and when it can be told from the raw
 * `categories` field, before the line is even parsed. Ids are not checked for repeats: the
 * snapshot has one line per paper, and a set of millions of ids would be the only thing that
 * grows with the file.
 */
export async function* readArxivSnapshot(
  chunks: AsyncIterable<string>,
  name: string,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  const { filter } = context;
  for await (const { line, number } of readLines(chunks)) {
    if (line.trim() === '') continue;
    if (filter.categories) {
      const raw = RAW_CATEGORIES.exec(line);
      if (raw && !wantsCategories(filter, raw[1])) {
        context.onFiltered();
        continue;
      }
    }
    const where = `${name}:${number}`;
    const parsed = parseJsonLine(line, where, 'a JSON object (one arXiv snapshot record)');
    if (parsed.kind === 'skipped') {
      yield parsed;
      continue;
    }
    const record = parsed.value as SnapshotRecord;
    const published = publishedOf(record);
    if (
      !wantsCategories(filter, typeof record.categories === 'string' ? record.categories : null) ||
      !wantsYear(filter, published ? Number(published.slice(0, 4)) : null)
    ) {
      context.onFiltered();
      continue;
    }
    yield toResult(record, published, where);
  }
}

interface SnapshotRecord {
  id?: unknown;
  authors?: unknown;
  authors_parsed?: unknown;
  title?: unknown;
  abstract?: unknown;
  categories?: unknown;
  doi?: unknown;
  'journal-ref'?: unknown;
  versions?: unknown;
  update_date?: unknown;
}

// The snapshot writes `categories` as a plain string; no escape can occur in a category list.
const RAW_CATEGORIES = /"categories"\s*:\s*"([^"\\]*)"/;

function skip(where: string, reason: string): ReadResult {
  return { kind: 'skipped', skipped: { where, reason } };
}

function toResult(record: SnapshotRecord, published: string | null, where: string): ReadResult {
  const rawId = typeof record.id === 'string' ? record.id : '';
  const id = rawId === '' ? null : normalizeId(rawId, 'arxiv');
  if (id === null) {
    return skip(
      where,
      rawId === '' ? 'id: no arXiv id' : `id: "${String(rawId)}" is not an arXiv id`,
    );
  }
  const dois = typeof record.doi === 'string' ? record.doi.split(/\s+/) : [];
  const journal = typeof record['journal-ref'] === 'string' ? record['journal-ref'] : null;
  const authors = authorsOf(record);
  return validatePaper(
    {
      id,
      title: record.title ?? '',
      abstract: record.abstract,
      authors: authors.length > 0 ? authors : undefined,
      published,
      url: `https://arxiv.org/abs/${id.slice('arxiv:'.length)}`,
      venue: journal,
      source: 'arxiv',
      externalIds: normalizeIds([id, ...dois.map((doi) => (doi ? `doi:${doi}` : null))]),
    },
    where,
  );
}

/** `[[last, first, suffix], ...]` as "First Last Suffix", else the `authors` string split. */
function authorsOf(record: SnapshotRecord): string[] {
  if (Array.isArray(record.authors_parsed)) {
    return record.authors_parsed
      .map((parts) =>
        Array.isArray(parts)
          ? [parts[1], parts[0], parts[2]]
              .filter((part) => typeof part === 'string' && part.trim() !== '')
              .join(' ')
          : '',
      )
      .filter((author) => author.trim() !== '');
  }
  if (typeof record.authors === 'string') {
    return record.authors
      .split(/,\s*|\s+and\s+/)
      .map((author) => author.trim())
      .filter((author) => author !== '');
  }
  return [];
}

/**
 * The day v1 was submitted (`Mon, 2 Apr 2007 19:18:42 GMT` -> `2007-04-02`), else `update_date`
 * as written (validation rejects it if it is not a date), else null.
 */
function publishedOf(record: SnapshotRecord): string | null {
  const versions = Array.isArray(record.versions) ? (record.versions as unknown[]) : [];
  const first =
    versions.find((v) => (v as { version?: unknown } | null)?.version === 'v1') ?? versions[0];
  const created = (first as { created?: unknown } | undefined)?.created;
  if (typeof created === 'string') {
    const time = Date.parse(created);
    if (!Number.isNaN(time)) return new Date(time).toISOString().slice(0, 10);
  }
  return typeof record.update_date === 'string' && record.update_date.trim() !== ''
    ? record.update_date
    : null;
}
