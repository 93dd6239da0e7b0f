// `papergraph ingest` run as a user runs it, against the test Neo4j: the new formats, filters,
// the grouped summary and the exit code of a run that stores nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect } from 'vitest';
import { dbTest } from '../support/db-test.ts';
import { runCli } from '../support/run-cli.ts';
import { clearGraph } from '../support/test-database.ts';

const FIXTURES = path.resolve('tests/fixtures/ingest');

const test = dbTest
  /** The ids of the papers stored (not stubs), in order. */
  .extend(
    'paperIds',
    { scope: 'file' },
    async ({ query }) =>
      async () =>
        (
          await query(
            'MATCH (p:Paper) WHERE NOT coalesce(p.stub, false) RETURN p.id AS id ORDER BY id',
          )
        ).map((row) => row.id as string),
  )
  /** Every citation as `from -> to`, in order. */
  .extend(
    'citations',
    { scope: 'file' },
    async ({ query }) =>
      async () =>
        (
          await query(
            'MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.id + " -> " + b.id AS link ORDER BY link',
          )
        ).map((row) => row.link as string),
  );

describe('papergraph ingest', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));

  test('a run whose every record is rejected exits 1 with rejections grouped by reason', async ({
    dir,
    paperIds,
  }) => {
    const file = path.join(dir, 'all-bad.jsonl');
    const lines: string[] = [];
    for (let i = 1; i <= 3000; i += 1) {
      lines.push(i % 100 === 0 ? '{"id": broken' : JSON.stringify({ id: `bad${i}`, title: 'T' }));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runCli(['ingest', '--workers', '1', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        'papers read: 0',
        'written: 0',
        'unchanged: 0',
        'skipped records: 3000',
        `  missing abstract: 2970 (${file}:1, ${file}:2, ${file}:3, ...)`,
        `  not valid JSON: 30 (${file}:100, ${file}:200, ${file}:300, ...)`,
      ].join('\n'),
    );
    const stderr = run.stderr.trim().split('\n');
    // A few records per reason, one line saying the rest are counted, never a line per record.
    expect(stderr.filter((l) => l.startsWith('skipped '))).toHaveLength(6);
    expect(stderr).toContain(
      'skipped: further "missing abstract" records are counted, not listed (--verbose lists them)',
    );
    expect(stderr.at(-1)).toBe(
      'papergraph: no paper to store: all 3000 records were rejected (reasons in the summary)',
    );
    expect(await paperIds()).toEqual([]);
  });

  test('Semantic Scholar datasets, gzipped: papers joined with abstracts and citations', async ({
    dir,
    paperIds,
    citations,
  }) => {
    const gz = (name: string) => {
      const target = path.join(dir, `${name}.gz`);
      writeFileSync(target, gzipSync(readFileSync(path.join(FIXTURES, name))));
      return target;
    };
    const run = await runCli([
      'ingest',
      '--workers',
      '1',
      '--format',
      's2-datasets',
      gz('s2-papers.jsonl'),
      '--abstracts',
      gz('s2-abstracts.jsonl'),
      '--citations',
      gz('s2-citations.jsonl'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('papers read: 3\nwritten: 3\n');
    expect(run.stdout).toContain(
      `skipped records: 1\n  missing abstract: 1 (${dir}/s2-papers.jsonl.gz:3)\n`,
    );
    expect(await paperIds()).toEqual([
      'arxiv:2301.00300',
      'doi:10.5555/moss.400',
      's2:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    ]);
    // Citations by corpus id land on the papers that carry those corpus ids.
    expect(await citations()).toEqual([
      'arxiv:2301.00300 -> doi:10.5555/moss.400',
      'arxiv:2301.00300 -> s2:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      's2:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa -> doi:10.5555/moss.400',
    ]);
  });

  test('the arXiv snapshot gzipped on stdin, filtered by category and year', async ({
    connection,
    paperIds,
  }) => {
    const input = gzipSync(readFileSync(path.join(FIXTURES, 'arxiv-snapshot.jsonl')));
    const args = ['ingest', '--workers', '1', '--category', 'cs.', '--since', '2020', '-'];
    const run = await runCli(args, { input });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'papers read: 2',
        'written: 2',
        'unchanged: 0',
        'skipped records: 2',
        '  missing abstract: 1 (<stdin>:4)',
        '  not valid JSON: 1 (<stdin>:6)',
        'filtered out: 3',
      ].join('\n'),
    );
    expect(await paperIds()).toEqual(['arxiv:2210.07777', 'arxiv:2401.00001']);

    // --dry-run reads and filters the same way and touches nothing.
    await clearGraph(connection);
    const dry = await runCli([...args, '--dry-run'], { input });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^papers read: 2\nskipped records: 2\n {2}missing abstract: 1 \(<stdin>:4\)\n {2}not valid JSON: 1 \(<stdin>:6\)\nfiltered out: 3\ntime: [\d.]+ s \(dry run: nothing extracted or stored\)\n$/,
    );
    expect(await paperIds()).toEqual([]);
  });

  test('OpenAlex works: referenced works become citations, a rejected one a stub', async ({
    citations,
  }) => {
    const run = await runCli([
      'ingest',
      '--workers',
      '1',
      path.join(FIXTURES, 'openalex-works.jsonl'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('papers read: 3\nwritten: 3\n');
    expect(await citations()).toEqual([
      'doi:10.5555/owl.2021 -> openalex:W4000000002',
      'doi:10.5555/owl.2021 -> openalex:W4000000003',
    ]);
  });
});
