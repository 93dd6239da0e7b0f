// kill -9 of the ingest at random points (several seeds): after a rerun, the graph equals the
// graph of one clean run (full counts and a checksum of ids).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { seededRandom, syntheticJsonl } from '../../bench/synthetic-corpus.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { clearGraph, graphFingerprint, openTestDatabase } from '../support/test-database.ts';

const PAPERS = 600;
const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-kill-random-'));
const corpus = path.join(dir, 'corpus.jsonl');
let connection: Neo4jConnection;

beforeAll(async () => {
  connection = await openTestDatabase();
  writeFileSync(corpus, [...syntheticJsonl(PAPERS, { borrowed: 1, seed: 99 })].join(''));
});
afterAll(async () => {
  await connection.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `papergraph ingest` on the test Neo4j, killed -9 after `killAfterMs` when given. */
function ingest(killAfterMs?: number): Promise<string | null> {
  const child = spawn(
    process.execPath,
    ['bin/papergraph', 'ingest', '--batch-size', '50', corpus],
    {
      env: { ...process.env, NEO4J_URI: inject('neo4j').uri },
      stdio: 'ignore',
    },
  );
  const timer =
    killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
    }),
  );
}

test('three kills at random points, each followed by a rerun, give the clean graph', async () => {
  expect(await ingest()).toBe('0');
  const clean = await graphFingerprint(connection);
  const random = seededRandom(7);
  for (const _ of [1, 2, 3]) {
    await clearGraph(connection);
    // Between start-up and the end of a run: somewhere in reading, extracting or writing.
    expect(await ingest(3_000 + Math.floor(random() * 12_000))).toMatch(/SIGKILL|0/);
    expect(await ingest()).toBe('0');
    expect(await graphFingerprint(connection)).toEqual(clean);
  }
}, 900_000);
