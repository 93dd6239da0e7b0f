// `npm run bench:ingest -- PATH`: a real corpus end to end beside a synthetic corpus of the same
// size, each into its own throwaway Neo4j and in its own process (so each peak RSS is its own):
// papers per second, peak RSS of papergraph and of Neo4j, store bytes per paper.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadResult } from '../src/ingest/read-result.ts';
import { stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.ts';
import { ingestPapers } from '../src/pipeline/ingest-papers.ts';
import { countPapers, readSources } from '../src/pipeline/read-sources.ts';
import { applySchema } from '../src/store/apply-schema.ts';
import { connectNeo4j } from '../src/store/connect-neo4j.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

export interface CorpusFigures {
  corpus: string;
  papers: number;
  seconds: number;
  papersPerSecond: number;
  /** Peak resident memory of the papergraph process (workers included), MB. */
  peakRssMb: number;
  /** Peak resident memory of the Neo4j process, MB. */
  neo4jPeakRssMb: number;
  /** The database's store files after a clean stop, bytes per paper. */
  storeBytesPerPaper: number;
  /** Transaction logs, MB: preallocated files that log retention rotates, not a cost per paper. */
  txLogMb: number;
}

function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(full) : statSync(full).size;
  }
  return total;
}

function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function* synthetic(count: number): Generator<ReadResult> {
  for (const paper of syntheticCorpus(count)) yield { kind: 'paper', paper, where: paper.id };
}

/** Ingests one corpus (a path, or `synthetic:N`) into a fresh Neo4j; run in a child process. */
export async function ingestOneCorpus(corpus: string, workers: number): Promise<CorpusFigures> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-corpus-'));
  const { boltUrl, pid } = await startBenchNeo4j(dataDir);
  const connection = await connectNeo4j({ uri: boltUrl });
  let stopped = false;
  try {
    await applySchema(connection);
    const count = corpus.startsWith('synthetic:') ? Number(corpus.slice(10)) : null;
    const results = count !== null ? synthetic(count) : readSources([corpus]);
    const started = performance.now();
    const summary = await ingestPapers(connection, results, { workers });
    const seconds = (performance.now() - started) / 1000;
    const neo4jPeakRssMb = Math.round(peakRssOf(pid));
    // A clean stop checkpoints the store (Community has no db.checkpoint()).
    await connection.close();
    await stopLocalNeo4j(dataDir);
    stopped = true;
    const data = path.join(dataDir, 'db', 'data');
    const store = bytesUnder(path.join(data, 'databases', 'neo4j'));
    const txLogs = bytesUnder(path.join(data, 'transactions', 'neo4j'));
    return {
      corpus,
      papers: summary.written,
      seconds: Math.round(seconds * 10) / 10,
      papersPerSecond: Math.round((summary.written / seconds) * 10) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      neo4jPeakRssMb,
      storeBytesPerPaper: Math.round(store / summary.written),
      txLogMb: Math.round(txLogs / 2 ** 20),
    };
  } finally {
    if (!stopped) {
      await connection.close();
      await stopLocalNeo4j(dataDir);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The real corpus, then a synthetic one of as many papers, each in a process of its own. */
export async function benchCorpus(corpusPath: string, workers: number): Promise<CorpusFigures[]> {
  const papers = await countPapers(readSources([corpusPath]));
  const script = fileURLToPath(new URL('./ingest-bench.ts', import.meta.url));
  const tsx = path.resolve(fileURLToPath(import.meta.url), '../../node_modules/.bin/tsx');
  const figures: CorpusFigures[] = [];
  for (const corpus of [corpusPath, `synthetic:${papers}`]) {
    const run = spawnSync(tsx, [script, '--one', corpus, '--workers', String(workers)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 2 ** 20,
    });
    if (run.status !== 0) throw new Error(`bench of ${corpus} failed (exit ${run.status})`);
    figures.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as CorpusFigures);
  }
  return figures;
}

/** The machine, for the figures' context. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} x ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
