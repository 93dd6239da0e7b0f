import type { RawPaper } from '../domain.ts';
import type { ReadResult } from '../ingest/read-result.ts';
import { validatePaper } from '../ingest/validate-paper.ts';

/** One page of an import: its records and where the next page starts. */
export interface SourcePage {
  results: ReadResult[];
  /** The cursor of the following page; null when this page is the last. */
  next: string | null;
  /** Papers the whole import will bring, when the service says. */
  total: number | null;
}

/** A paginated service read as pages of `ReadResult`s, resumable from any page's cursor. */
export interface PaperSource {
  /** `arxiv`, `openalex` or `s2`. */
  name: string;
  /** What is imported (the query or ids): the same key is the same import, for resuming. */
  key: string;
  firstCursor: string;
  fetchPage(cursor: string): Promise<SourcePage>;
}

/** Validates a record like every reader does, keeping its `externalIds` and `references`. */
export function toSourceResult(candidate: RawPaper, where: string): ReadResult {
  return validatePaper(candidate, where);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
