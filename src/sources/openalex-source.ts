// OpenAlex works: a search paged with cursors, or a list of W ids. Abstracts come as an inverted
// index (word -> positions) and are rebuilt; `referenced_works` become citations.
import { normalizeId } from '../ingest/normalize-id.ts';
import { workToResult, type OpenAlexWork as Work } from '../ingest/work-to-result.ts';
import { chunk, type PaperSource, type SourcePage } from './paper-source.ts';
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
  'publication_year',
  'ids',
  'authorships',
  'primary_location',
  'locations',
  'abstract_inverted_index',
  'referenced_works',
].join(',');

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
