// The ingest pipeline shared by `papergraph ingest`, `npm start` and the ingestPapers mutation:
// read -> skip unchanged -> extract on worker threads -> write in batches. Extraction of the next
// batch runs while the previous one is written, so the database never waits on NLP and vice versa.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RawPaper, SkippedRecord } from '../domain.ts';
import { createExtractPool, type ExtractPool } from '../extract/extract-pool.ts';
import type { ReadResult } from '../ingest/read-result.ts';
import { awaitSearchIndexes } from '../store/apply-schema.ts';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import { StoreError } from '../store/store-error.ts';
import { addPapersToCollection } from '../store/collections.ts';
import { findContentHashes, writePapers, type ExtractedPaper } from '../store/write-papers.ts';

export interface IngestProgress {
  /** Papers read so far (bad records not included). */
  read: number;
  written: number;
  /** Papers already in the graph with the same text, left as they were. */
  unchanged: number;
  skipped: number;
  links: number;
  claims: number;
  elapsedMs: number;
}

export const emptyProgress = (): IngestProgress => ({
  read: 0,
  written: 0,
  unchanged: 0,
  skipped: 0,
  links: 0,
  claims: 0,
  elapsedMs: 0,
});

export interface IngestSummary extends IngestProgress {
  skippedRecords: SkippedRecord[];
}

/** Papers per write transaction: larger batches amortise each statement's fixed cost. */
export const DEFAULT_BATCH_SIZE = 500;

export interface IngestOptions {
  /** Papers per write transaction. @default 500 */
  batchSize?: number;
  /** A pool to reuse; otherwise one is started (and stopped) for this run. */
  pool?: ExtractPool;
  /** Worker threads of the pool started for this run. @default 2 */
  workers?: number;
  onProgress?: (progress: IngestProgress) => void;
  onSkipped?: (record: SkippedRecord) => void;
  /** Re-extract and rewrite every paper, even those stored unchanged. @default false */
  force?: boolean;
  /** The collection of papers that do not name their own. */
  collection?: string;
}

/** Changes whenever the extractor's code or lexicon does, so reruns re-extract only then. */
const EXTRACTOR_FINGERPRINT = (() => {
  const dir = path.resolve(fileURLToPath(import.meta.url), '../../extract');
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
})();

export function contentHash(paper: RawPaper): string {
  const { id, title, abstract, authors, published, url, venue, source } = paper;
  return createHash('sha256')
    .update(
      JSON.stringify([
        EXTRACTOR_FINGERPRINT,
        id,
        title,
        abstract,
        authors ?? [],
        published ?? null,
        url ?? null,
        venue ?? null,
        source,
      ]),
    )
    .digest('hex');
}

/**
 * Writes a batch, retrying while Neo4j is unavailable (a restart, a failover) and after a conflict
 * with a concurrent write. A batch is one transaction, so a retry never doubles anything. The
 * driver already retried for its own budget.
 */
async function writeWithRetry(connection: Neo4jConnection, batch: ExtractedPaper[], attempts = 4) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writePapers(connection, batch);
    } catch (error) {
      const code = error instanceof StoreError ? error.code : null;
      if ((code !== 'DB_UNAVAILABLE' && code !== 'DB_CONFLICT') || attempt >= attempts) throw error;
      // A conflict is over once the other write has committed; an outage lasts longer.
      if (code === 'DB_UNAVAILABLE') await sleep(1000 * 2 ** attempt);
    }
  }
}

async function* batchesOf(
  results: AsyncIterable<ReadResult> | Iterable<ReadResult>,
  size: number,
  onSkipped: (record: SkippedRecord) => void,
): AsyncGenerator<RawPaper[]> {
  // A paper id seen twice in one batch keeps its last version (a later batch rewrites it anyway).
  let batch = new Map<string, RawPaper>();
  for await (const result of results) {
    if (result.kind === 'skipped') {
      onSkipped(result.skipped);
      continue;
    }
    batch.delete(result.paper.id);
    batch.set(result.paper.id, result.paper);
    if (batch.size >= size) {
      yield [...batch.values()];
      batch = new Map();
    }
  }
  if (batch.size > 0) yield [...batch.values()];
}

/** Papers stored unchanged still join the collection that brought them this time. */
async function fileUnchanged(connection: Neo4jConnection, papers: RawPaper[]): Promise<void> {
  const byCollection = new Map<string, string[]>();
  for (const { id, collection } of papers) {
    if (collection) byCollection.set(collection, [...(byCollection.get(collection) ?? []), id]);
  }
  for (const [collection, ids] of byCollection) {
    await addPapersToCollection(connection, ids, collection);
  }
}

/**
 * Ingests papers into the graph. Idempotent (an unchanged paper is skipped, a changed one
 * replaced) and atomic per batch, so a run that dies is completed by running it again.
 */
export async function ingestPapers(
  connection: Neo4jConnection,
  results: AsyncIterable<ReadResult> | Iterable<ReadResult>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const pool = options.pool ?? createExtractPool({ workers: options.workers ?? 2 });
  const summary: IngestSummary = { ...emptyProgress(), skippedRecords: [] };
  const report = () => {
    summary.elapsedMs = Date.now() - started;
    const { skippedRecords: _skipped, ...progress } = summary;
    options.onProgress?.(progress);
  };
  const onSkipped = (record: SkippedRecord) => {
    summary.skipped += 1;
    if (summary.skippedRecords.length < 1000) summary.skippedRecords.push(record);
    options.onSkipped?.(record);
  };

  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const batch of batchesOf(
      results,
      options.batchSize ?? DEFAULT_BATCH_SIZE,
      onSkipped,
    )) {
      summary.read += batch.length;
      if (options.collection) {
        for (const [i, paper] of batch.entries()) {
          if (!paper.collection) batch[i] = { ...paper, collection: options.collection };
        }
      }
      const hashes = batch.map(contentHash);
      const stored = options.force
        ? new Map<string, string>()
        : await findContentHashes(
            connection,
            batch.map((p) => p.id),
          );
      const fresh = batch.filter((paper, i) => stored.get(paper.id) !== hashes[i]);
      const freshHashes = hashes.filter((hash, i) => stored.get(batch[i].id) !== hash);
      summary.unchanged += batch.length - fresh.length;
      await fileUnchanged(
        connection,
        batch.filter((paper, i) => stored.get(paper.id) === hashes[i]),
      );
      const extractions = await pool.extract(fresh);
      const extracted: ExtractedPaper[] = fresh.map((paper, i) => ({
        paper,
        extraction: extractions[i],
        contentHash: freshHashes[i],
      }));
      await writing;
      writing = writeWithRetry(connection, extracted).then((counts) => {
        summary.written += counts.papers;
        summary.links += counts.links;
        summary.claims += counts.claims;
        report();
      });
      // Handled here so a failed write is not an unhandled rejection while the next batch is
      // extracted; the `await writing` above still throws it.
      writing.catch(() => {});
    }
    await writing;
    if (summary.written > 0) await awaitSearchIndexes(connection);
  } finally {
    await writing.catch(() => {});
    if (!options.pool) await pool.close();
  }
  report();
  return summary;
}
