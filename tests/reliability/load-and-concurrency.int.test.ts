// A bounded load test on loopback and two overlapping ingests at once.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect } from 'vitest';
import { syntheticCorpus } from '../../bench/synthetic-corpus.ts';
import { createApp } from '../../src/app.ts';
import { createExtractPool } from '../../src/extract/extract-pool.ts';
import type { RawPaper } from '../../src/domain.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { dbTest as test } from '../support/db-test.ts';
import { retainedHeap } from '../support/retained-heap.ts';
import { asResults, SEED_FILE } from '../support/seed-results.ts';
import { clearGraph, countGraph } from '../support/test-database.ts';

const STANDARD_QUERIES = [
  '{ whoUses(technique: "Adam", first: 20) { totalCount edges { roles node { title } evidence { sentence } } } }',
  '{ neighborhood(id: "concept:adam", depth: 2, limit: 300) { truncated nodes { id } edges { id } } }',
  '{ search(text: "memory", first: 10) { id label } }',
  '{ papers(filter: { concept: "SGD" }, first: 10) { totalCount edges { node { title claims { value } } } } }',
  '{ overview { nodes { id } edges { id } } }',
  '{ stats { papers concepts topConcepts(first: 5) { papers concept { name } } } }',
];

describe('load', () => {
  test('16 concurrent clients for 8 s of standard queries: zero errors, flat memory', async ({
    connection,
    pool,
  }) => {
    await clearGraph(connection);
    await ingestPapers(connection, readSources([SEED_FILE]), { pool });
    const server = createServer(createApp({ connection }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const latencies: number[] = [];
    let errors = 0;
    const run = async (until: number) => {
      for (let i = 0; performance.now() < until; i += 1) {
        const t = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: STANDARD_QUERIES[i % STANDARD_QUERIES.length] }),
        });
        const json = (await response.json()) as { errors?: unknown };
        if (response.status !== 200 || json.errors) errors += 1;
        latencies.push(performance.now() - t);
      }
    };
    // A warm-up round, then the measured one; memory is compared between their ends.
    await Promise.all(Array.from({ length: 16 }, () => run(performance.now() + 2_000)));
    const heapBefore = retainedHeap();
    latencies.length = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: 16 }, () => run(started + 8_000)));
    const seconds = (performance.now() - started) / 1000;
    const heapGrowthMb = (retainedHeap() - heapBefore) / 2 ** 20;
    server.close();
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))].toFixed(1);
    console.log(
      `load: ${latencies.length} requests in ${seconds.toFixed(1)} s = ${(latencies.length / seconds).toFixed(0)} req/s, ` +
        `p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, errors ${errors}, heap growth ${heapGrowthMb.toFixed(1)} MB`,
    );
    expect(errors).toBe(0);
    expect(latencies.length).toBeGreaterThan(16);
    // Retained after a full GC: a leak of a few KB a request would show as tens of MB here.
    expect(heapGrowthMb).toBeLessThan(20);
  }, 120_000);
});

describe('concurrency', () => {
  test('two overlapping ingests at once give the graph of one after the other', async ({
    connection,
    pool,
  }) => {
    const papers = [...syntheticCorpus(600, { borrowed: 1 })];
    const first: RawPaper[] = papers.slice(0, 400);
    const second: RawPaper[] = papers.slice(200);

    await clearGraph(connection);
    await ingestPapers(connection, asResults(first), { pool, batchSize: 50 });
    await ingestPapers(connection, asResults(second), { pool, batchSize: 50 });
    const sequential = await countGraph(connection);

    await clearGraph(connection);
    const poolB = createExtractPool({ workers: 1 });
    try {
      await Promise.all([
        ingestPapers(connection, asResults(first), { pool, batchSize: 50 }),
        ingestPapers(connection, asResults(second), { pool: poolB, batchSize: 50 }),
      ]);
    } finally {
      await poolB.close();
    }
    expect(await countGraph(connection)).toEqual(sequential);
  }, 600_000);
});
