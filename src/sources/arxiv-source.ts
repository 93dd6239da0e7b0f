// The arXiv API (Atom): a search query paged with start/max_results, or a list of ids. Entries are
// parsed by the same reader as `papergraph ingest` reads Atom files with.
import type { ReadResult } from '../ingest/read-result.ts';
import { readArxiv } from '../ingest/read-arxiv.ts';
import { normalizeId } from '../ingest/normalize-id.ts';
import { chunk, toSourceResult, type PaperSource, type SourcePage } from './paper-source.ts';
import { BadBodyError, type PoliteFetch } from './polite-fetch.ts';
import { SourceError } from './source-error.ts';

export interface ArxivSourceOptions {
  /** @default https://export.arxiv.org/api/query (from config) */
  baseUrl: string;
  fetch: PoliteFetch;
  /** Entries per request. @default 100 */
  pageSize?: number;
  /** Most papers a query imports. @default 500 */
  max?: number;
}

export type ArxivRequest = { query: string } | { ids: string[] };

interface ArxivFeed {
  results: ReadResult[];
  total: number | null;
}

async function parseFeed(body: string, name: string): Promise<ArxivFeed> {
  if (!/<feed[\s>]/.test(body)) throw new BadBodyError('the answer is not an Atom feed');
  if (!/<\/feed>\s*$/.test(body)) throw new BadBodyError('the Atom feed is truncated');
  const error =
    /<id>\s*https?:\/\/arxiv\.org\/api\/errors[^<]*<\/id>[\s\S]*?<summary>([\s\S]*?)<\/summary>/.exec(
      body,
    );
  if (error) throw new SourceError(`arXiv: ${error[1].replace(/\s+/g, ' ').trim()}`);
  const total = /<(?:opensearch:)?totalResults[^>]*>\s*(\d+)\s*</.exec(body);
  // The DOI of the published version, when arXiv knows it: it joins the paper to its DOI record.
  const dois = body
    .split(/<\/(?:atom:)?entry\s*>/)
    .slice(0, -1)
    .map((entry) => /<arxiv:doi[^>]*>([^<]+)</.exec(entry)?.[1] ?? null);
  const results: ReadResult[] = [];
  async function* once() {
    yield body;
  }
  for await (const result of readArxiv(once(), name)) {
    if (result.kind === 'skipped') {
      results.push(result);
      continue;
    }
    const index = Number(/#(\d+)$/.exec(result.where)?.[1] ?? 0) - 1;
    const id = normalizeId(result.paper.id) ?? result.paper.id;
    const doi = dois[index] ? normalizeId(dois[index], 'doi') : null;
    results.push(
      toSourceResult(
        { ...result.paper, id, externalIds: doi && doi !== id ? [id, doi] : [id] },
        result.where,
      ),
    );
  }
  return { results, total: total ? Number(total[1]) : null };
}

/** arXiv ids as the API wants them (`2305.14342`, `hep-th/9901001`); throws on one that is not. */
export function toArxivIds(raw: string[]): string[] {
  return raw.map((value) => {
    const id = normalizeId(value, 'arxiv');
    if (!id) throw new SourceError(`not an arXiv id: "${value}"`);
    return id.slice('arxiv:'.length);
  });
}

export function arxivSource(request: ArxivRequest, options: ArxivSourceOptions): PaperSource {
  const pageSize = options.pageSize ?? 100;
  const url = (params: Record<string, string>) =>
    `${options.baseUrl}?${new URLSearchParams(params).toString()}`;

  if ('ids' in request) {
    const chunks = chunk(toArxivIds(request.ids), pageSize);
    return {
      name: 'arxiv',
      key: `ids:${request.ids.join(',')}`,
      firstCursor: '0',
      async fetchPage(cursor: string): Promise<SourcePage> {
        const index = Number(cursor);
        const ids = chunks[index] ?? [];
        const name = `arxiv:ids[${index * pageSize}..]`;
        const feed = await options.fetch(
          url({ id_list: ids.join(','), max_results: String(ids.length) }),
          (body) => parseFeed(body, name),
        );
        return {
          results: feed.results,
          next: index + 1 < chunks.length ? String(index + 1) : null,
          total: request.ids.length,
        };
      },
    };
  }

  const max = options.max ?? 500;
  return {
    name: 'arxiv',
    key: `query:${request.query}:max=${max}`,
    firstCursor: '0',
    async fetchPage(cursor: string): Promise<SourcePage> {
      const start = Number(cursor);
      const size = Math.min(pageSize, max - start);
      const name = `arxiv:start=${start}`;
      const feed = await options.fetch(
        url({
          search_query: request.query,
          start: String(start),
          max_results: String(size),
          sortBy: 'submittedDate',
          sortOrder: 'descending',
        }),
        async (body) => {
          const parsed = await parseFeed(body, name);
          // NOTE: arXiv now and then answers a page inside the results with no entries; asking
          // again gets them, so an empty page that should not be empty is retried.
          if (parsed.results.length === 0 && parsed.total !== null && start < parsed.total) {
            throw new BadBodyError(`empty page at ${start} of ${parsed.total} results`);
          }
          return parsed;
        },
      );
      const end = Math.min(feed.total ?? 0, max);
      return {
        results: feed.results,
        next: feed.results.length > 0 && start + size < end ? String(start + size) : null,
        total: end,
      };
    },
  };
}
