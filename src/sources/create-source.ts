// One place that knows each service's politeness policy and builds its source: the CLI asks for
// a source by name and request, and reports.
import { arxivSource } from './arxiv-source.ts';
import { openAlexSource } from './openalex-source.ts';
import type { PaperSource } from './paper-source.ts';
import { createPoliteFetch, type PoliteFetchOptions } from './polite-fetch.ts';
import { s2Source } from './s2-source.ts';
import { SourceError } from './source-error.ts';

export const SERVICES = ['arxiv', 'openalex', 's2'] as const;
export type Service = (typeof SERVICES)[number];

/** What to import: a search (arXiv query syntax, or OpenAlex full text) or ids. */
export interface SourceRequest {
  query?: string;
  search?: string;
  ids?: string[];
  /** Most papers a search imports. */
  max?: number;
}

export interface SourceSettings {
  /** Base URLs of the services (tests point them at a local server). */
  urls: { arxiv: string; openalex: string; s2: string };
  /** Contact address sent with requests when set (OpenAlex's polite pool asks for one). */
  mailto: string | null;
  s2ApiKey: string | null;
  /** Told about each retry (429, 5xx, timeouts) as a sentence. */
  onRetry?: (message: string) => void;
}

/** Per service: its display name and the least time between requests its documentation asks for. */
const POLICY: Record<Service, { name: string; minIntervalMs: number }> = {
  arxiv: { name: 'arXiv', minIntervalMs: 3000 },
  openalex: { name: 'OpenAlex', minIntervalMs: 100 },
  s2: { name: 'Semantic Scholar', minIntervalMs: 1000 },
};

function userAgent(mailto: string | null): string {
  return mailto ? `papergraph/0.1 (mailto:${mailto})` : 'papergraph/0.1';
}

/** Exactly one of two ways to ask, or a SourceError naming the flags. */
function exactlyOne(service: Service, a: unknown, b: unknown, flags: string): void {
  if ((a === undefined) === (b === undefined)) {
    throw new SourceError(`import ${service}: give exactly one of ${flags}`);
  }
}

/**
 * The source of one service for one request, fetching politely (spaced requests, retries with
 * backoff, a user agent with the contact address). Throws SourceError for a request the service
 * cannot answer (both or neither of a search and ids).
 */
export function createSource(
  service: Service,
  request: SourceRequest,
  settings: SourceSettings,
): PaperSource {
  const fetchFor = (extra: Partial<PoliteFetchOptions> = {}) =>
    createPoliteFetch({
      service: POLICY[service].name,
      minIntervalMs: POLICY[service].minIntervalMs,
      userAgent: userAgent(settings.mailto),
      onRetry: settings.onRetry,
      ...extra,
    });
  switch (service) {
    case 'arxiv':
      exactlyOne(service, request.query, request.ids, '--query or --ids');
      return arxivSource(request.ids ? { ids: request.ids } : { query: request.query ?? '' }, {
        baseUrl: settings.urls.arxiv,
        fetch: fetchFor(),
        max: request.max,
      });
    case 'openalex':
      exactlyOne(service, request.search, request.ids, '--search or --ids');
      return openAlexSource(request.ids ? { ids: request.ids } : { search: request.search ?? '' }, {
        baseUrl: settings.urls.openalex,
        fetch: fetchFor(),
        mailto: settings.mailto,
        max: request.max,
      });
    case 's2':
      if (!request.ids) throw new SourceError('import s2: --ids is required');
      return s2Source(
        { ids: request.ids },
        {
          baseUrl: settings.urls.s2,
          fetch: fetchFor({ headers: settings.s2ApiKey ? { 'x-api-key': settings.s2ApiKey } : {} }),
        },
      );
  }
}
