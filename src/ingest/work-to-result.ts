// An OpenAlex work, as the API answers and as the snapshot's JSON Lines hold it, mapped to a
// RawPaper: shared by `papergraph import openalex` and the `openalex` file format.
import type { RawPaper } from '../domain.ts';
import { canonicalId, normalizeId, normalizeIds } from './normalize-id.ts';
import type { ReadResult } from './read-result.ts';
import { rebuildAbstract } from './rebuild-abstract.ts';
import { validatePaper } from './validate-paper.ts';

export interface OpenAlexWork {
  id?: string;
  doi?: string | null;
  title?: string | null;
  display_name?: string | null;
  publication_date?: string | null;
  publication_year?: number | null;
  ids?: Record<string, string | number | null | undefined>;
  authorships?: { author?: { display_name?: string | null } | null }[] | null;
  primary_location?: OpenAlexLocation | null;
  locations?: OpenAlexLocation[] | null;
  abstract_inverted_index?: Record<string, number[]> | null;
  referenced_works?: string[] | null;
}

export interface OpenAlexLocation {
  landing_page_url?: string | null;
  pdf_url?: string | null;
  source?: { display_name?: string | null } | null;
}

/** An OpenAlex work as a RawPaper (validated) at `where`. */
export function workToResult(work: OpenAlexWork, where: string): ReadResult {
  const ids = work.ids ?? {};
  const id = (key: string) => (ids[key] == null ? null : String(ids[key]));
  const arxiv = (work.locations ?? [])
    .flatMap((location) => [location?.landing_page_url, location?.pdf_url])
    .map((url) => (url && /arxiv\.org\/(?:abs|pdf)\//i.test(url) ? normalizeId(url) : null))
    .find((found) => found);
  const externalIds = normalizeIds([
    arxiv,
    id('arxiv') ? normalizeId(id('arxiv') ?? '', 'arxiv') : null,
    work.doi ?? id('doi'),
    work.id ?? id('openalex'),
    id('mag') ? `mag:${id('mag')}` : null,
  ]);
  const authors = (work.authorships ?? [])
    .map((authorship) => authorship?.author?.display_name?.trim() ?? '')
    .filter((name) => name !== '');
  const year = work.publication_year;
  const paper: RawPaper = {
    id: canonicalId(externalIds) ?? '',
    title: work.title ?? work.display_name ?? '',
    abstract: rebuildAbstract(work.abstract_inverted_index),
    authors: authors.length > 0 ? authors : undefined,
    // A year alone stays a year: no 1 January is invented for it.
    published:
      work.publication_date ?? (typeof year === 'number' && year > 0 ? String(year) : null),
    url: work.primary_location?.landing_page_url ?? work.doi ?? work.id ?? null,
    venue: work.primary_location?.source?.display_name ?? null,
    source: 'openalex',
    externalIds,
    references: normalizeIds(work.referenced_works ?? []),
  };
  return validatePaper(paper, where);
}
