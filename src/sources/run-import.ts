// Runs an import page by page through the shared ingest pipeline. Each page is ingested to the
// end (written, in the graph) before its successor's cursor is saved, so an interrupted import
// resumes at the first page not yet written; the next page is fetched while one is ingested.
import { createExtractPool, type ExtractPool } from '../extract/extract-pool.ts';
import type { SkippedRecord } from '../domain.ts';
import {
  ingestPapers,
  emptyProgress,
  type IngestProgress,
  type IngestSummary,
} from '../pipeline/ingest-papers.ts';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import {
  clearImportState,
  importStatePath,
  readImportState,
  saveImportState,
} from './import-state.ts';
import type { PaperSource, SourcePage } from './paper-source.ts';

export interface ImportProgress extends IngestProgress {
  /** Papers the import will bring when the service says, else null. */
  total: number | null;
  pages: number;
}

export interface ImportSummary extends IngestSummary {
  pages: number;
  /** Set when this run continued an interrupted one: the papers imported before. */
  resumedAfter: number | null;
}

export interface RunImportOptions {
  /** Folder of resume state files; null keeps none. */
  stateDir: string | null;
  /** Ignore a saved state and start from the first page. @default false */
  restart?: boolean;
  pool?: ExtractPool;
  /** @default 2 */
  workers?: number;
  /** Papers per write transaction. @default 200 */
  batchSize?: number;
  onResume?: (papers: number, pages: number) => void;
  onProgress?: (progress: ImportProgress) => void;
  onSkipped?: (record: SkippedRecord) => void;
}

const add = (a: IngestProgress, b: IngestProgress): IngestProgress => ({
  read: a.read + b.read,
  written: a.written + b.written,
  unchanged: a.unchanged + b.unchanged,
  skipped: a.skipped + b.skipped,
  links: a.links + b.links,
  claims: a.claims + b.claims,
  elapsedMs: 0,
});

export async function runImport(
  connection: Neo4jConnection,
  source: PaperSource,
  options: RunImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const stateFile = options.stateDir
    ? importStatePath(options.stateDir, source.name, source.key)
    : null;
  const saved =
    stateFile && !options.restart
      ? await readImportState(stateFile, source.name, source.key)
      : null;
  if (saved) options.onResume?.(saved.papers, saved.pages);

  const pool = options.pool ?? createExtractPool({ workers: options.workers ?? 2 });
  let done: IngestProgress = emptyProgress();
  const skippedRecords: SkippedRecord[] = [];
  let pages = 0;
  let total: number | null = null;
  let cursor: string | null = saved?.cursor ?? source.firstCursor;
  let fetching: Promise<SourcePage> | null = source.fetchPage(cursor);
  try {
    while (fetching) {
      const page: SourcePage = await fetching;
      total = page.total;
      // Fetch ahead while this page is extracted and written; its failure surfaces when awaited.
      fetching = page.next === null ? null : source.fetchPage(page.next);
      fetching?.catch(() => {});
      const summary = await ingestPapers(connection, page.results, {
        pool,
        batchSize: options.batchSize,
        // The service is the collection: `arxiv`, `openalex`, `s2`.
        collection: source.name,
        onProgress: (p) =>
          options.onProgress?.({
            ...add(done, p),
            elapsedMs: Date.now() - started,
            total,
            pages: pages + 1,
          }),
        onSkipped: options.onSkipped,
      });
      done = add(done, summary);
      for (const record of summary.skippedRecords) {
        if (skippedRecords.length < 1000) skippedRecords.push(record);
      }
      pages += 1;
      cursor = page.next;
      if (stateFile && cursor !== null) {
        await saveImportState(stateFile, {
          source: source.name,
          key: source.key,
          cursor,
          pages: (saved?.pages ?? 0) + pages,
          papers: (saved?.papers ?? 0) + done.read,
          updatedAt: new Date().toISOString(),
        });
      }
    }
    if (stateFile) await clearImportState(stateFile);
  } finally {
    await fetching?.catch(() => {});
    if (!options.pool) await pool.close();
  }
  const summary: ImportSummary = {
    ...done,
    elapsedMs: Date.now() - started,
    skippedRecords,
    pages,
    resumedAfter: saved?.papers ?? null,
  };
  options.onProgress?.({ ...summary, total, pages });
  return summary;
}
