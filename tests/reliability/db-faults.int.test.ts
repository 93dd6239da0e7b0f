// Neo4j stopping under a running API and under a running ingest: clear errors, no crash, and
// recovery by itself when it returns.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticJsonl } from '../../bench/synthetic-corpus.ts';
import { createApp, type App } from '../../src/app.ts';
import {
  findFreePort,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../src/local-neo4j/local-neo4j.ts';
import { applySchema } from '../../src/store/apply-schema.ts';
import { connectNeo4j, type Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { countPapersInGraph } from '../../src/store/count-papers-in-graph.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-faults-'));
let port: number;
let connection: Neo4jConnection;
let app: App;

const startDb = () =>
  startLocalNeo4j({ dataDir, port, heapMb: 512, pageCacheMb: 64, tiedToParent: true });

async function ask(query: string) {
  const response = await app.fetch('http://papergraph/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

beforeAll(async () => {
  port = await findFreePort();
  const { boltUrl } = await startDb();
  connection = await connectNeo4j({ uri: boltUrl, retryMs: 2_000 });
  await applySchema(connection);
  app = createApp({ connection });
});
afterAll(async () => {
  await connection.close();
  await stopLocalNeo4j(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Neo4j stops while the API serves', () => {
  test('the API answers 503 on /health and DB_UNAVAILABLE in GraphQL, then recovers by itself', async () => {
    expect((await ask('{ stats { papers } }')).body.data).toEqual({ stats: { papers: 0 } });

    await stopLocalNeo4j(dataDir);
    const health = await app.fetch('http://papergraph/health');
    expect(health.status).toBe(503);
    const down = await ask('{ stats { papers } }');
    expect(down.body.errors?.[0].extensions?.code).toBe('DB_UNAVAILABLE');

    await startDb();
    await expect
      .poll(async () => (await ask('{ stats { papers } }')).body.data, {
        timeout: 60_000,
        interval: 1_000,
      })
      .toEqual({ stats: { papers: 0 } });
    expect((await app.fetch('http://papergraph/health')).status).toBe(200);
  });
});

describe('Neo4j restarts during an ingest', () => {
  test('the ingest retries through the outage and ends with every paper, once', async () => {
    const corpus = path.join(dataDir, 'corpus.jsonl');
    writeFileSync(corpus, [...syntheticJsonl(800, { borrowed: 1 })].join(''));
    const child = spawn(
      process.execPath,
      ['bin/papergraph', 'ingest', '--batch-size', '100', corpus],
      {
        env: { ...process.env, NEO4J_URI: `bolt://127.0.0.1:${port}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    await expect
      .poll(() => /ingest: [1-9]\d* written/.test(output), { timeout: 120_000, interval: 200 })
      .toBe(true);
    await stopLocalNeo4j(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await startDb();

    const code = await exited;
    expect(code, output).toBe(0);
    expect(output).toMatch(/written: \d+/);
    expect(await countPapersInGraph(connection)).toBe(800);
  }, 600_000);
});
