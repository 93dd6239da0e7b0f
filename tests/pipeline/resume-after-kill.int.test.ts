// A kill -9 of `papergraph ingest` halfway through a 10k-paper corpus, then a rerun, must leave
// exactly the graph of one clean run: whole papers only, nothing duplicated, nothing lost.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { syntheticJsonl } from '../../bench/synthetic-corpus.ts';
import { dbTest } from '../support/db-test.ts';
import { startCli } from '../support/run-cli.ts';
import { clearGraph, graphFingerprint } from '../support/test-database.ts';

const PAPERS = 10_000;

const test = dbTest.extend('corpus', { scope: 'file' }, async ({ dir }) => {
  const corpus = path.join(dir, 'corpus.jsonl');
  // Short abstracts (one borrowed run of sentences) keep the three runs below affordable in CI.
  writeFileSync(corpus, [...syntheticJsonl(PAPERS, { borrowed: 1 })].join(''));
  return corpus;
});

/** Runs `papergraph ingest` against the test Neo4j; kills it -9 once `killAfter` papers are in. */
function ingest(
  corpus: string,
  killAfter?: number,
): Promise<{ code: number | null; signal: string | null }> {
  const child = startCli(['ingest', '--batch-size', '250', corpus]);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    const written = [...stderr.matchAll(/ingest: (\d+) written/g)].at(-1)?.[1];
    if (killAfter !== undefined && Number(written) >= killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null) console.error(stderr);
      resolve({ code, signal: signal ?? null });
    }),
  );
}

test(
  'kill -9 halfway, rerun: the same graph as one clean run',
  async ({ connection, corpus }) => {
    const killed = await ingest(corpus, PAPERS / 2);
    expect(killed.signal).toBe('SIGKILL');
    const { records } = await connection.driver.executeQuery(
      'MATCH (p:Paper) RETURN count(p) AS papers, count { MATCH (q:Paper) WHERE NOT (q)-->(:Concept) } AS bare',
    );
    const papersAfterKill = records[0].get('papers').toNumber();
    expect(papersAfterKill).toBeGreaterThanOrEqual(PAPERS / 2);
    expect(papersAfterKill).toBeLessThan(PAPERS);
    // Whole papers only: every paper in the graph came with its concept links.
    expect(records[0].get('bare').toNumber()).toBe(0);

    expect((await ingest(corpus)).code).toBe(0);
    const resumed = await graphFingerprint(connection);
    expect(resumed.counts.Paper).toBe(PAPERS);

    await clearGraph(connection);
    expect((await ingest(corpus)).code).toBe(0);
    const clean = await graphFingerprint(connection);
    expect(resumed).toEqual(clean);
  },
  15 * 60_000,
);
