// Ingest benchmark (not a timed test), against a throwaway local Neo4j: extraction-only,
// write-only and end-to-end papers/s on the synthetic corpus, measured in one run.
// Usage: npm run bench:ingest -- [--papers N] [--stage-papers N] [--workers N] [--batch N]
//                                [--writers N] [--profile] [--floor] [--json]
//        npm run bench:ingest -- PATH [--workers N] [--json]
// With a PATH (a corpus file), that real corpus end to end beside a synthetic corpus of as many
// papers instead (see corpus-ingest.ts).
// --writers N writes the timed half of the write-only stage with N concurrent writers.
// --profile prints where the write-only stage spends its time, statement by statement.
// --floor also writes the staged papers as a bare graph (see writeFloor), for what this machine's
// Neo4j writes at best beside what papergraph writes.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RawPaper } from '../src/domain.ts';
import { createExtractPool, type ExtractPool } from '../src/extract/extract-pool.ts';
import type { ReadResult } from '../src/ingest/read-result.ts';
import { stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.ts';
import { contentHash, DEFAULT_BATCH_SIZE, ingestPapers } from '../src/pipeline/ingest-papers.ts';
import { applySchema, SCHEMA_STATEMENTS } from '../src/store/apply-schema.ts';
import { connectNeo4j, type Neo4jConnection } from '../src/store/connect-neo4j.ts';
import { graphStats } from '../src/store/graph-stats.ts';
import {
  toWriteRows,
  writePapers,
  type ExtractedPaper,
  type StatementTimer,
} from '../src/store/write-papers.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { benchCorpus, ingestOneCorpus, machine } from './corpus-ingest.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    one: { type: 'string' },
    papers: { type: 'string', default: '100000' },
    'stage-papers': { type: 'string', default: '8000' },
    workers: { type: 'string', default: '2' },
    batch: { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
    writers: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const total = Number(values.papers);
const stagePapers = Math.min(Number(values['stage-papers']), total);
const workers = Number(values.workers);
/** Papers per write transaction. */
const BATCH = Number(values.batch);
const log = (line: string) => {
  if (!values.json) console.log(line);
};
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000 * 10) / 10;

function* results(papers: Iterable<RawPaper>): Generator<ReadResult> {
  for (const paper of papers) yield { kind: 'paper', paper, where: paper.id };
}

// The bare graph: papers with their text, concepts with their names, links without evidence or
// rank key; no index but the uniqueness constraints behind the MERGEs.
const BARE_WRITES = [
  `UNWIND $papers AS row MERGE (p:Paper {id: row.id}) SET p += row.props`,
  `UNWIND $concepts AS row MERGE (c:Concept {id: row.id})
   ON CREATE SET c.name = row.name, c.kind = row.kind SET c:$(row.label)`,
  `UNWIND $links AS row
   MATCH (p:Paper {id: row.paperId}) MATCH (c:Concept {id: row.conceptId})
   CREATE (p)-[:$(row.type)]->(c)`,
];

/**
 * The write floor: the staged papers written as a bare graph into a second throwaway Neo4j of the
 * same size, in the same batches, the first half untimed: papers/s of the timed half.
 */
async function writeFloor(extracted: ExtractedPaper[], warmUp: number): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-floor-'));
  const { boltUrl } = await startBenchNeo4j(dataDir);
  const connection = await connectNeo4j({ uri: boltUrl });
  try {
    for (const statement of SCHEMA_STATEMENTS.filter((s) => s.startsWith('CREATE CONSTRAINT'))) {
      await connection.driver.executeQuery(statement, {}, { database: connection.database });
    }
    const write = async (batch: ExtractedPaper[]) => {
      const rows = toWriteRows(batch, new Date().toISOString());
      const params = {
        papers: rows.papers,
        concepts: rows.concepts,
        links: rows.links.map(({ type, paperId, conceptId }) => ({ type, paperId, conceptId })),
      };
      const session = connection.driver.session({ database: connection.database });
      try {
        await session.executeWrite(async (tx) => {
          for (const statement of BARE_WRITES) await tx.run(statement, params);
        });
      } finally {
        await session.close();
      }
    };
    for (let i = 0; i < warmUp; i += BATCH) {
      await write(extracted.slice(i, Math.min(i + BATCH, warmUp)));
    }
    const t = performance.now();
    for (let i = warmUp; i < extracted.length; i += BATCH) {
      await write(extracted.slice(i, i + BATCH));
    }
    return perSecond(extracted.length - warmUp, performance.now() - t);
  } finally {
    await connection.close();
    await stopLocalNeo4j(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** 1. Extraction only: the first stage-papers papers through the pool, kept for stage 2. */
async function measureExtraction(pool: ExtractPool) {
  const staged = [...syntheticCorpus(stagePapers)];
  const t = performance.now();
  const extracted: ExtractedPaper[] = [];
  for (let i = 0; i < staged.length; i += BATCH) {
    const batch = staged.slice(i, i + BATCH);
    const extractions = await pool.extract(batch);
    batch.forEach((paper, k) =>
      extracted.push({ paper, extraction: extractions[k], contentHash: contentHash(paper) }),
    );
  }
  const extractRate = perSecond(staged.length, performance.now() - t);
  log(`extraction only (${workers} workers): ${extractRate} papers/s over ${staged.length} papers`);
  return { extracted, extractRate };
}

/**
 * 2. Write only: the same papers, already extracted. The first half warms Neo4j up (JIT, page
 * cache, query plans replanned as the graph doubles) and is not timed. Then the write floor.
 */
async function measureWrites(connection: Neo4jConnection, extracted: ExtractedPaper[]) {
  const warmUp = Math.floor(extracted.length / 2 / BATCH) * BATCH;
  for (let i = 0; i < warmUp; i += BATCH) {
    await writePapers(connection, extracted.slice(i, Math.min(i + BATCH, warmUp)));
  }
  const spent = new Map<string, number>();
  const timer: StatementTimer | undefined = values.profile
    ? (statement, ms) => spent.set(statement, (spent.get(statement) ?? 0) + ms)
    : undefined;
  const t = performance.now();
  let next = warmUp;
  const writer = async () => {
    for (let i = next; i < extracted.length; i = next) {
      next += BATCH;
      await writePapers(connection, extracted.slice(i, i + BATCH), { timer });
    }
  };
  await Promise.all(Array.from({ length: Number(values.writers) }, writer));
  const writeMs = performance.now() - t;
  const writeRate = perSecond(extracted.length - warmUp, writeMs);
  log(
    `write only: ${writeRate} papers/s over ${extracted.length - warmUp} papers (${warmUp} before, untimed; ${values.writers} writer(s))`,
  );
  for (const [statement, ms] of [...spent].sort((a, b) => b[1] - a[1])) {
    log(
      `  ${statement.padEnd(20)} ${(ms / 1000).toFixed(2)} s (${Math.round((ms / writeMs) * 100)}%)`,
    );
  }
  // The floor runs while the benchmark's own Neo4j idles, so the two do not share the cores.
  const floorRate = values.floor ? await writeFloor(extracted, warmUp) : null;
  if (floorRate !== null) {
    log(
      `write floor (bare graph: no evidence, no rank keys, no index but the constraints): ${floorRate} papers/s; write only / floor ${Math.round((writeRate / floorRate) * 100) / 100}`,
    );
  }
  return { writeRate, floorRate };
}

/**
 * 3. End to end on the whole corpus (the staged papers are found unchanged and skipped, so they
 * are left out of the count and the rate).
 */
async function measureEndToEnd(connection: Neo4jConnection, pool: ExtractPool): Promise<number> {
  const t = performance.now();
  let logged = 0;
  const summary = await ingestPapers(connection, results(syntheticCorpus(total)), {
    pool,
    batchSize: BATCH,
    onProgress: (p) => {
      if (p.written - logged < 5000) return;
      logged = p.written;
      log(
        `  end to end: ${p.written + p.unchanged}/${total}, ${perSecond(p.written, performance.now() - t)} papers/s`,
      );
    },
  });
  const endToEndRate = perSecond(summary.written, performance.now() - t);
  log(`end to end: ${endToEndRate} papers/s over ${summary.written} papers`);
  return endToEndRate;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-'));
  log(`starting a throwaway Neo4j (${dataDir})...`);
  const { boltUrl } = await startBenchNeo4j(dataDir);
  const connection = await connectNeo4j({ uri: boltUrl });
  await applySchema(connection);
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const pool = createExtractPool({ workers });
  try {
    // Warm the workers up (module load, JIT) so the stages measure steady state.
    await pool.extract([...syntheticCorpus(2 * workers, { seed: 7 })]);

    const { extracted, extractRate } = await measureExtraction(pool);
    const { writeRate, floorRate } = await measureWrites(connection, extracted);
    extracted.length = 0;
    const endToEndRate = await measureEndToEnd(connection, pool);
    const stats = await graphStats(connection, 3);
    const figures = {
      papers: total,
      workers,
      writers: Number(values.writers),
      extractPapersPerSecond: extractRate,
      writePapersPerSecond: writeRate,
      writeFloorPapersPerSecond: floorRate,
      endToEndPapersPerSecond: endToEndRate,
      endToEndOverExtract: Math.round((endToEndRate / extractRate) * 100) / 100,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      graph: { nodes: stats.nodes, relationships: stats.relationships },
    };
    log(`end to end / extraction only: ${figures.endToEndOverExtract} (target >= 0.8)`);
    log(`peak Node RSS: ${figures.peakRssMb} MB (target < 600 MB)`);
    log(`graph: ${JSON.stringify(figures.graph)}`);
    if (values.json) console.log(JSON.stringify(figures));
  } finally {
    clearInterval(sampler);
    await pool.close();
    await connection.close();
    await stopLocalNeo4j(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function mainForCorpus(corpusPath: string) {
  log(`machine: ${machine()}`);
  const figures = await benchCorpus(corpusPath, workers);
  for (const f of figures) {
    log(
      `${f.corpus}: ${f.papers} papers in ${f.seconds} s, ${f.papersPerSecond} papers/s end to end; peak RSS ${f.peakRssMb} MB (Neo4j ${f.neo4jPeakRssMb} MB); store ${f.storeBytesPerPaper} B/paper (transaction logs ${f.txLogMb} MB)`,
    );
  }
  const [real, synthetic] = figures;
  log(
    `real / synthetic: ${Math.round((real.papersPerSecond / synthetic.papersPerSecond) * 100) / 100} papers/s, ${Math.round((real.storeBytesPerPaper / synthetic.storeBytesPerPaper) * 100) / 100} store bytes per paper`,
  );
  if (values.json) console.log(JSON.stringify(figures));
}

if (values.one) {
  console.log(JSON.stringify(await ingestOneCorpus(values.one, workers)));
} else if (positionals.length > 0) {
  await mainForCorpus(positionals[0]);
} else {
  await main();
}
