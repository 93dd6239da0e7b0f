// The collection and shard commands as users run them: several `ingest --shard I/N` at once against
// one Neo4j give the graph of one run, and `remove --collection` gives the graph of the rest.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { syntheticJsonl } from '../../bench/synthetic-corpus.ts';
import { dbTest } from '../support/db-test.ts';
import { runCli } from '../support/run-cli.ts';
import { SEED_FILE } from '../support/seed-results.ts';
import { clearGraph } from '../support/test-database.ts';

const test = dbTest
  /** 300 synthetic papers as JSON Lines. */
  .extend('corpus', { scope: 'file' }, async ({ dir }) => {
    const corpus = path.join(dir, 'synthetic.jsonl');
    writeFileSync(corpus, [...syntheticJsonl(300, { borrowed: 1 })].join(''));
    return corpus;
  });

describe('papergraph ingest --shard', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));

  test('three shards ingested at once give the graph of one run', async ({
    connection,
    corpus,
    snapshotGraph,
  }) => {
    const one = await runCli(['ingest', corpus]);
    expect(one.code).toBe(0);
    const whole = await snapshotGraph();
    expect(whole.dump.buildsOn.length).toBeGreaterThan(0);
    await clearGraph(connection);

    const shards = await Promise.all(
      [1, 2, 3].map((i) => runCli(['ingest', '--workers', '1', '--shard', `${i}/3`, corpus])),
    );
    for (const shard of shards) expect(shard, shard.stderr).toMatchObject({ code: 0 });
    const read = shards.map((s) => Number(/papers read: (\d+)/.exec(s.stdout)?.[1]));
    // Each shard did a part, and the parts add up to the corpus.
    for (const n of read) expect(n).toBeGreaterThan(50);
    expect(read.reduce((a, b) => a + b)).toBe(300);
    expect(await snapshotGraph()).toEqual(whole);
  });

  test('a shard that is not I/N is refused before anything runs', async ({ corpus }) => {
    const bad = await runCli(['ingest', '--shard', '4/3', corpus]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('expected I/N');
  });
});

describe('papergraph collections and remove', () => {
  test.beforeAll(({ connection }) => clearGraph(connection));

  test('lists the collections with counts and takes one away', async ({
    corpus,
    snapshotGraph,
  }) => {
    expect((await runCli(['ingest', SEED_FILE])).code).toBe(0);
    const seedOnly = await snapshotGraph();
    expect((await runCli(['ingest', '--collection', 'synthetic', corpus])).code).toBe(0);

    const listed = await runCli(['collections', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      { name: 'daily-papers-mar-14.txt', papers: 41 },
      { name: 'synthetic', papers: 300 },
    ]);

    const removed = await runCli(['remove', '--collection', 'synthetic']);
    expect(removed.stdout).toContain('removed collection "synthetic": 300 papers removed, 0 kept');
    expect(await snapshotGraph()).toEqual(seedOnly);

    const unknown = await runCli(['remove', '--collection', 'synthetic']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'no collection is called "synthetic"; the collections are: daily-papers-mar-14.txt',
    );
  });

  test('stats --top N shows N top concepts', async () => {
    const stats = await runCli(['stats', '--json', '--top', '40']);
    expect(JSON.parse(stats.stdout).topConcepts).toHaveLength(40);
  });
});
