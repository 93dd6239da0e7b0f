// The Semantic Scholar Graph API: papers by id through the batch endpoint, with their references.
import type { RawPaper } from '../domain.ts';
import type { ReadResult } from '../ingest/read-result.ts';
import { canonicalId, normalizeId, normalizeIds, schemeOf } from '../ingest/normalize-id.ts';
import { chunk, toSourceResult, type PaperSource, type SourcePage } from './paper-source.ts';
import { BadBodyError, type PoliteFetch } from './polite-fetch.ts';
import { SourceError } from './source-error.ts';

export interface S2SourceOptions {
  /** @default https://api.semanticscholar.org/graph/v1 (from config) */
  baseUrl: string;
  fetch: PoliteFetch;
  /** Papers per batch request (the API allows 500). @default 100 */
  pageSize?: number;
}

interface S2Paper {
  paperId?: string | null;
  externalIds?: Record<string, string | number | null> | null;
  title?: string | null;
  abstract?: string | null;
  year?: number | null;
  publicationDate?: string | null;
  venue?: string | null;
  url?: string | null;
  authors?: { name?: string | null }[] | null;
  references?: S2Reference[] | null;
}

interface S2Reference {
  paperId?: string | null;
  externalIds?: Record<string, string | number | null> | null;
  title?: string | null;
}

const FIELDS = [
  'paperId',
  'externalIds',
  'title',
  'abstract',
  'year',
  'publicationDate',
  'venue',
  'url',
  'authors',
  'references.paperId',
  'references.externalIds',
  'references.title',
].join(',');

/** Normalised ids of an S2 record: its paperId, arXiv id, DOI and MAG id. */
function idsOf(record: S2Paper | S2Reference): string[] {
  const external = record.externalIds ?? {};
  const value = (key: string) => (external[key] == null ? null : String(external[key]));
  return normalizeIds([
    value('ArXiv') ? `arxiv:${value('ArXiv')}` : null,
    value('DOI') ? `doi:${value('DOI')}` : null,
    record.paperId ? `s2:${record.paperId}` : null,
    value('MAG') ? `mag:${value('MAG')}` : null,
  ]);
}

/** A Semantic Scholar paper as a RawPaper (validated). */
export function s2PaperToResult(record: S2Paper, where: string): ReadResult {
  const externalIds = idsOf(record);
  const authors = (record.authors ?? [])
    .map((author) => author?.name?.trim() ?? '')
    .filter((name) => name !== '');
  const paper: RawPaper = {
    id: canonicalId(externalIds) ?? '',
    title: record.title ?? '',
    abstract: record.abstract ?? '',
    authors: authors.length > 0 ? authors : undefined,
    // Only a full date: a bare `year` is not turned into an invented 1 January.
    published: record.publicationDate ?? null,
    url: record.url ?? null,
    venue: record.venue || null,
    source: 's2',
    externalIds,
    references: (record.references ?? [])
      .map((reference) => canonicalId(idsOf(reference ?? {})))
      .filter((id): id is string => id !== null),
  };
  return toSourceResult(paper, where);
}

/** Ids as the S2 API takes them (`arXiv:..`, `DOI:..`, `MAG:..`, a paperId); throws on others. */
export function toS2Ids(raw: string[]): string[] {
  return raw.map((value) => {
    const id = normalizeId(value);
    const scheme = id ? schemeOf(id) : null;
    const bare = id ? id.slice(id.indexOf(':') + 1) : '';
    if (scheme === 's2') return bare;
    if (scheme === 'arxiv') return `ARXIV:${bare}`;
    if (scheme === 'doi') return `DOI:${bare}`;
    if (scheme === 'mag') return `MAG:${bare}`;
    throw new SourceError(
      scheme === 'openalex'
        ? `Semantic Scholar cannot look up OpenAlex ids ("${value}"); use an arXiv id, DOI or S2 paper id`
        : `not a Semantic Scholar paper id, arXiv id or DOI: "${value}"`,
    );
  });
}

function parseBatch(body: string, expected: number): (S2Paper | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new BadBodyError('the answer is not valid JSON (truncated or malformed)');
  }
  if (!Array.isArray(parsed) || parsed.length !== expected) {
    throw new BadBodyError(`expected a list of ${expected} papers`);
  }
  return parsed.map((item) =>
    typeof item === 'object' && item !== null ? (item as S2Paper) : null,
  );
}

export function s2Source(request: { ids: string[] }, options: S2SourceOptions): PaperSource {
  const pageSize = options.pageSize ?? 100;
  const chunks = chunk(toS2Ids(request.ids), pageSize);
  const base = options.baseUrl.replace(/\/$/, '');
  return {
    name: 's2',
    key: `ids:${request.ids.join(',')}`,
    firstCursor: '0',
    async fetchPage(cursor: string): Promise<SourcePage> {
      const index = Number(cursor);
      const ids = chunks[index] ?? [];
      const papers = await options.fetch(
        `${base}/paper/batch?fields=${FIELDS}`,
        (body) => parseBatch(body, ids.length),
        { method: 'POST', body: JSON.stringify({ ids }) },
      );
      return {
        results: papers.map((record, i) =>
          record
            ? s2PaperToResult(record, `s2:${ids[i]}`)
            : { kind: 'skipped', skipped: { where: `s2:${ids[i]}`, reason: 'not found' } },
        ),
        next: index + 1 < chunks.length ? String(index + 1) : null,
        total: request.ids.length,
      };
    },
  };
}
