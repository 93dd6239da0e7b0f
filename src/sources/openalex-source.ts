// OpenAlex works: a search paged with cursors, or a list of W ids. Abstracts come as an inverted
// index (word -> positions) and are rebuilt; `referenced_works` become citations.
import type { RawPaper } from '../domain.ts';
import type { ReadResult } from '../ingest/read-result.ts';
import { canonicalId, normalizeId, normalizeIds } from './normalize-id.ts';
import { chunk, toSourceResult, type PaperSource, type SourcePage } from './paper-source.ts';
import { BadBodyError, type PoliteFetch } from './polite-fetch.ts';
import { SourceError } from './source-error.ts';

export interface OpenAlexSourceOptions {
  /** @default https://api.openalex.org (from config) */
  baseUrl: string;
  fetch: PoliteFetch;
  /** Sent as `mailto`, which OpenAlex answers from its faster "polite pool". */
  mailto?: string | null;
  /** Works per request (OpenAlex allows up to 200). @default 100 */
  pageSize?: number;
  /** Most works a search imports. @default 500 */
  max?: number;
}

export type OpenAlexRequest = { search: string } | { ids: string[] };

interface Work {
  id?: string;
  doi?: string | null;
  title?: string | null;
  display_name?: string | null;
  publication_date?: string | null;
  ids?: Record<string, string | null | undefined>;
  authorships?: { author?: { display_name?: string | null } | null }[] | null;
  primary_location?: Location | null;
  locations?: Location[] | null;
  abstract_inverted_index?: Record<string, number[]> | null;
  referenced_works?: string[] | null;
}

interface Location {
  landing_page_url?: string | null;
  pdf_url?: string | null;
  source?: { display_name?: string | null } | null;
}

interface WorksPage {
  meta?: { count?: number; next_cursor?: string | null };
  results?: unknown;
}

const SELECT = [
  'id',
  'doi',
  'title',
  'display_name',
  'publication_date',
  'ids',
  'authorships',
  'primary_location',
  'locations',
  'abstract_inverted_index',
  'referenced_works',
].join(',');

/**
 * The abstract from OpenAlex's inverted index: each word at each of its positions, in order.
 * Positions that no word fills are left out rather than padded; an absent index gives ''.
 */
export function rebuildAbstract(index: Record<string, unknown> | null | undefined): string {
  if (!index || typeof index !== 'object') return '';
  const placed: [number, string][] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      if (Number.isInteger(position) && position >= 0) placed.push([position, word]);
    }
  }
  placed.sort((a, b) => a[0] - b[0]);
  return placed.map(([, word]) => word).join(' ');
}

/** An OpenAlex work as a RawPaper (validated); the where is `openalex:<W id>`. */
export function workToResult(work: Work, where: string): ReadResult {
  const arxiv = (work.locations ?? [])
    .flatMap((location) => [location?.landing_page_url, location?.pdf_url])
    .map((url) => (url && /arxiv\.org\/(?:abs|pdf)\//i.test(url) ? normalizeId(url) : null))
    .find((id) => id);
  const externalIds = normalizeIds([
    arxiv,
    work.doi ?? work.ids?.doi,
    work.id ?? work.ids?.openalex,
    work.ids?.mag ? `mag:${work.ids.mag}` : null,
  ]);
  const id = canonicalId(externalIds);
  const authors = (work.authorships ?? [])
    .map((authorship) => authorship?.author?.display_name?.trim() ?? '')
    .filter((name) => name !== '');
  const paper: RawPaper = {
    id: id ?? '',
    title: work.title ?? work.display_name ?? '',
    abstract: rebuildAbstract(work.abstract_inverted_index),
    authors: authors.length > 0 ? authors : undefined,
    published: work.publication_date ?? null,
    url: work.primary_location?.landing_page_url ?? work.doi ?? work.id ?? null,
    venue: work.primary_location?.source?.display_name ?? null,
    source: 'openalex',
    externalIds,
    references: normalizeIds(work.referenced_works ?? []),
  };
  return toSourceResult(paper, where);
}

function parsePage(body: string): { works: Work[]; count: number | null; next: string | null } {
  let page: WorksPage;
  try {
    page = JSON.parse(body) as WorksPage;
  } catch {
    throw new BadBodyError('the answer is not valid JSON (truncated or malformed)');
  }
  if (!page || typeof page !== 'object' || !Array.isArray(page.results)) {
    throw new BadBodyError('the answer has no `results` list');
  }
  return {
    works: page.results.filter((w): w is Work => typeof w === 'object' && w !== null),
    count: typeof page.meta?.count === 'number' ? page.meta.count : null,
    next: page.meta?.next_cursor ?? null,
  };
}

/** W ids as OpenAlex filters want them; throws on one that is not. */
export function toOpenAlexIds(raw: string[]): string[] {
  return raw.map((value) => {
    const id = normalizeId(value, 'openalex');
    if (!id) throw new SourceError(`not an OpenAlex work id: "${value}"`);
    return id.slice('openalex:'.length);
  });
}

export function openAlexSource(
  request: OpenAlexRequest,
  options: OpenAlexSourceOptions,
): PaperSource {
  const pageSize = options.pageSize ?? 100;
  const url = (params: Record<string, string>) => {
    const query = new URLSearchParams({ ...params, select: SELECT });
    if (options.mailto) query.set('mailto', options.mailto);
    return `${options.baseUrl.replace(/\/$/, '')}/works?${query.toString()}`;
  };
  const results = (works: Work[]) =>
    works.map((work, i) =>
      workToResult(work, work.id ? (normalizeId(work.id) ?? `openalex#${i}`) : `openalex#${i}`),
    );

  if ('ids' in request) {
    // OpenAlex takes at most 50 values in one OR filter.
    const chunks = chunk(toOpenAlexIds(request.ids), Math.min(pageSize, 50));
    return {
      name: 'openalex',
      key: `ids:${request.ids.join(',')}`,
      firstCursor: '0',
      async fetchPage(cursor: string): Promise<SourcePage> {
        const index = Number(cursor);
        const ids = chunks[index] ?? [];
        const page = await options.fetch(
          url({ filter: `openalex:${ids.join('|')}`, 'per-page': String(ids.length) }),
          parsePage,
        );
        return {
          results: results(page.works),
          next: index + 1 < chunks.length ? String(index + 1) : null,
          total: request.ids.length,
        };
      },
    };
  }

  const max = options.max ?? 500;
  // The cursor kept between pages is `<works read so far>:<OpenAlex cursor>`.
  return {
    name: 'openalex',
    key: `search:${request.search}:max=${max}`,
    firstCursor: '0:*',
    async fetchPage(cursor: string): Promise<SourcePage> {
      const split = cursor.indexOf(':');
      const done = Number(cursor.slice(0, split));
      const size = Math.min(pageSize, max - done);
      const page = await options.fetch(
        url({ search: request.search, 'per-page': String(size), cursor: cursor.slice(split + 1) }),
        parsePage,
      );
      const works = page.works.slice(0, size);
      const read = done + works.length;
      const total = Math.min(page.count ?? max, max);
      return {
        results: results(works),
        next: page.next && works.length > 0 && read < total ? `${read}:${page.next}` : null,
        total,
      };
    },
  };
}
