// kill -9 of the ingest at random points (several seeds): after a rerun, the graph equals the
// graph of one clean run (full counts and a checksum of ids).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { seededRandom, syntheticJsonl } from '../../bench/synthetic-corpus.ts';
import { dbTest } from '../support/db-test.ts';
import { startCli } from '../support/run-cli.ts';
import { clearGraph, graphFingerprint } from '../support/test-database.ts';

const PAPERS = 600;

const test = dbTest.extend('corpus', { scope: 'file' }, async ({ dir }) => {
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(corpus, [...syntheticJsonl(PAPERS, { borrowed: 1, seed: 99 })].join(''));
  return corpus;
});

/** `papergraph ingest` on the test Neo4j, killed -9 after `killAfterMs` when given. */
function ingest(corpus: string, killAfterMs?: number): Promise<string | null> {
  const child = startCli(['ingest', '--batch-size', '50', corpus]);
  // Output is not read: drain it so a full pipe never stalls the run.
  child.stdout.resume();
  child.stderr.resume();
  const timer =
    killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
    }),
  );
}

test('three kills at random points, each followed by a rerun, give the clean graph', async ({
  connection,
  corpus,
}) => {
  expect(await ingest(corpus)).toBe('0');
  const clean = await graphFingerprint(connection);
  const random = seededRandom(7);
  for (const _ of [1, 2, 3]) {
    await clearGraph(connection);
    // Between start-up and the end of a run: somewhere in reading, extracting or writing.
    expect(await ingest(corpus, 3_000 + Math.floor(random() * 12_000))).toMatch(/SIGKILL|0/);
    expect(await ingest(corpus)).toBe('0');
    expect(await graphFingerprint(connection)).toEqual(clean);
  }
}, 900_000);
