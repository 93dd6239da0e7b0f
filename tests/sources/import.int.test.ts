import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, inject } from 'vitest';
import { arxivSource } from '../../src/sources/arxiv-source.ts';
import { openAlexSource, type OpenAlexRequest } from '../../src/sources/openalex-source.ts';
import type { PaperSource } from '../../src/sources/paper-source.ts';
import { createPoliteFetch } from '../../src/sources/polite-fetch.ts';
import { runImport, type RunImportOptions } from '../../src/sources/run-import.ts';
import { s2Source } from '../../src/sources/s2-source.ts';
import { SourceError } from '../../src/sources/source-error.ts';
import { whoUses } from '../../src/store/who-uses.ts';
import { dbTest } from '../support/db-test.ts';
import { clearGraph, countGraph } from '../support/test-database.ts';
import {
  atom,
  fixture,
  json,
  startFixtureServer,
  type FixtureRequest,
  type FixtureResponse,
  type FixtureServer,
} from './fixture-server.ts';

let server: FixtureServer;
let stateDir: string;

const OPENALEX_PAGES = [1, 2, 3].map((n) => fixture(`openalex-search-page-${n}.json`));
const CURSORS = [
  '*',
  ...OPENALEX_PAGES.slice(0, 2).map((page) => JSON.parse(page).meta.next_cursor),
];
const S2_IDS = [
  '10.5555/SAM.2021',
  'arXiv:2305.14342v1',
  'MAG:2963000005',
  '0000000000000000000000000000000000000000',
];

/** Responses served instead of the fixture, once each, keyed by which page was asked for. */
const faults = new Map<string, FixtureResponse[]>();
const inject429 = (key: string, ...responses: FixtureResponse[]) => faults.set(key, responses);

function pageKey(request: FixtureRequest): string {
  if (request.path === '/arxiv/query') {
    return request.query.get('id_list') ? 'arxiv:ids' : `arxiv:${request.query.get('start')}`;
  }
  if (request.path === '/openalex/works') {
    return request.query.get('filter')
      ? `openalex:${request.query.get('filter')}`
      : `openalex:${CURSORS.indexOf(request.query.get('cursor') ?? '') + 1}`;
  }
  return request.path === '/s2/paper/batch' && request.method === 'POST' ? 's2' : 'unknown';
}

function route(request: FixtureRequest): FixtureResponse {
  const key = pageKey(request);
  const fault = faults.get(key)?.shift();
  if (fault) return fault;
  switch (key) {
    case 'arxiv:0':
      return atom(fixture('arxiv-query-page-1.xml'));
    case 'arxiv:2':
      return atom(fixture('arxiv-query-page-2.xml'));
    case 'arxiv:ids':
      return { ...atom(fixture('arxiv-error.xml')), status: 400 };
    case 'openalex:1':
    case 'openalex:2':
    case 'openalex:3':
      return json(OPENALEX_PAGES[Number(key.slice(-1)) - 1]);
    case 'openalex:openalex:W9000000009':
      return json(fixture('openalex-ids-w9.json'));
    case 's2':
      return json(fixture('s2-batch.json'));
    default:
      return json('{"error":"no such fixture"}', 404);
  }
}

/** Imports extract on worker threads and write to Neo4j: slow on a busy machine. */
const SLOW = 600_000;

const polite = (service: string) =>
  createPoliteFetch({
    service,
    userAgent: 'papergraph-test (mailto:test@example.org)',
    minIntervalMs: 0,
    backoffMs: 5,
    retries: 3,
    // Generous: the machine running the tests may be busy; the slow fault below is slower still.
    timeoutMs: 2000,
  });
const arxiv = () =>
  arxivSource(
    { query: 'all:optimizer' },
    { baseUrl: `${server.url}/arxiv/query`, fetch: polite('arXiv'), pageSize: 2 },
  );
const openalex = (request: OpenAlexRequest = { search: 'optimizer' }) =>
  openAlexSource(request, {
    baseUrl: `${server.url}/openalex`,
    fetch: polite('OpenAlex'),
    mailto: 'test@example.org',
    pageSize: 2,
  });
const s2 = () =>
  s2Source({ ids: S2_IDS }, { baseUrl: `${server.url}/s2`, fetch: polite('Semantic Scholar') });
const test = dbTest
  /** Runs an import into the test database, with the file's state folder and pool. */
  .extend(
    'importFrom',
    { scope: 'file' },
    async ({ connection, pool }) =>
      (source: PaperSource, options: Partial<RunImportOptions> = {}) =>
        runImport(connection, source, { stateDir, pool, ...options }),
  )
  /** Everything an import decides, without timestamps. */
  .extend('snapshot', { scope: 'file' }, async ({ connection, query }) => async () => ({
    counts: await countGraph(connection),
    papers: await query(
      `MATCH (p:Paper) RETURN p.id AS id, p.stub AS stub, p.title AS title, p.source AS source,
             p.externalIds AS externalIds ORDER BY id`,
    ),
    cites: await query('MATCH (a)-[:CITES]->(b) RETURN a.id AS from, b.id AS to ORDER BY from, to'),
    wrote: await query('MATCH (a:Author)-[:WROTE]->(p) RETURN a.id AS a, p.id AS p ORDER BY a, p'),
    links: await query(
      'MATCH (p:Paper)-[r]->(c:Concept) RETURN p.id AS p, type(r) AS t, c.id AS c ORDER BY p, t, c',
    ),
  }));

beforeAll(async () => {
  server = await startFixtureServer(route);
  stateDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-import-state-'));
}, SLOW);
afterAll(async () => {
  await server.close();
  rmSync(stateDir, { recursive: true, force: true });
});
beforeEach(() => {
  faults.clear();
  server.requests.length = 0;
});

describe('importing from arXiv, OpenAlex and Semantic Scholar through a flaky service', () => {
  const summaries: Record<string, Awaited<ReturnType<typeof runImport>>> = {};
  let requests: FixtureRequest[] = [];
  test.beforeAll(async ({ connection, importFrom }) => {
    await clearGraph(connection);
    faults.clear();
    server.requests.length = 0;
    inject429('arxiv:0', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: 'Rate exceeded.',
    });
    inject429(
      'openalex:2',
      json(OPENALEX_PAGES[1].slice(0, 900)), // truncated page
      json('<html><body>502 Bad Gateway</body></html>'), // malformed JSON
    );
    inject429('openalex:3', { ...json(OPENALEX_PAGES[2]), delayMs: 6000 }); // timeout
    inject429('s2', json('{"message":"Internal Server Error"}', 503));
    summaries.arxiv = await importFrom(arxiv());
    summaries.openalex = await importFrom(openalex());
    summaries.s2 = await importFrom(s2());
    requests = [...server.requests];
  }, SLOW);

  test('every fault was retried and every page read once it came whole', () => {
    const asked = requests.map(pageKey);
    expect(asked).toEqual([
      'arxiv:0',
      'arxiv:0',
      'arxiv:2',
      'openalex:1',
      'openalex:2',
      'openalex:2',
      'openalex:2',
      'openalex:3',
      'openalex:3',
      's2',
      's2',
    ]);
    expect(requests[3].query.get('mailto')).toBe('test@example.org');
    expect(JSON.parse(requests[9].body)).toEqual({
      ids: ['DOI:10.5555/sam.2021', 'ARXIV:2305.14342', 'MAG:2963000005', '0'.repeat(40)],
    });
  });

  test('reads, writes and skips exactly what the services sent', () => {
    expect(summaries.arxiv).toMatchObject({ pages: 2, read: 3, written: 3, skipped: 0 });
    expect(summaries.openalex).toMatchObject({ pages: 3, read: 4, written: 4, skipped: 1 });
    expect(summaries.openalex.skippedRecords).toEqual([
      { where: 'openalex:W3000000004', reason: 'abstract: abstract is empty' },
    ]);
    expect(summaries.s2).toMatchObject({ pages: 1, read: 3, written: 3, skipped: 1 });
    expect(summaries.s2.skippedRecords).toEqual([
      { where: `s2:${'0'.repeat(40)}`, reason: 'not found' },
    ]);
  });

  test('papers, stubs, authors and CITES edges, counted exactly', async ({
    connection,
    query,
    snapshot,
  }) => {
    const counts = await countGraph(connection);
    expect({ papers: counts.Paper, authors: counts.Author, cites: counts.CITES }).toEqual({
      papers: 8,
      authors: 15,
      cites: 8,
    });
    expect(
      await query('MATCH (p:Paper) RETURN p.id AS id, p.stub AS stub ORDER BY p.stub, id'),
    ).toEqual([
      { id: 'arxiv:1412.6980', stub: false },
      { id: 'arxiv:2302.06675', stub: false },
      { id: 'arxiv:2305.14342', stub: false },
      { id: 'arxiv:hep-th/9901001', stub: false },
      { id: 'doi:10.5555/sam.2021', stub: false },
      { id: 'openalex:W2963000005', stub: false },
      { id: 'openalex:W9000000009', stub: true },
      { id: `s2:${'c'.repeat(40)}`, stub: true },
    ]);
    expect((await snapshot()).cites).toEqual([
      { from: 'arxiv:2302.06675', to: 'arxiv:1412.6980' },
      { from: 'arxiv:2302.06675', to: 'openalex:W9000000009' },
      { from: 'arxiv:2305.14342', to: 'arxiv:1412.6980' },
      { from: 'arxiv:2305.14342', to: 'arxiv:2302.06675' },
      { from: 'doi:10.5555/sam.2021', to: 'arxiv:1412.6980' },
      { from: 'doi:10.5555/sam.2021', to: 'openalex:W9000000009' },
      { from: 'doi:10.5555/sam.2021', to: `s2:${'c'.repeat(40)}` },
      { from: 'openalex:W2963000005', to: 'arxiv:1412.6980' },
    ]);
  });

  test('the same paper from two sources is one node holding every id', async ({ query }) => {
    expect(
      await query(
        `MATCH (p:Paper) WHERE p.id IN ['arxiv:2302.06675', 'arxiv:2305.14342', 'doi:10.5555/sam.2021', 'openalex:W2963000005', 'arxiv:hep-th/9901001']
         RETURN p.id AS id, p.source AS source, p.externalIds AS externalIds ORDER BY id`,
      ),
    ).toEqual([
      {
        id: 'arxiv:2302.06675',
        source: 'openalex',
        externalIds: ['arxiv:2302.06675', 'openalex:W4319862634'],
      },
      {
        id: 'arxiv:2305.14342',
        source: 's2',
        externalIds: ['arxiv:2305.14342', `s2:${'d'.repeat(40)}`],
      },
      {
        id: 'arxiv:hep-th/9901001',
        source: 'arxiv',
        externalIds: ['arxiv:hep-th/9901001', 'doi:10.1016/s0550-3213(99)00001-x'],
      },
      {
        id: 'doi:10.5555/sam.2021',
        source: 's2',
        externalIds: [
          'doi:10.5555/sam.2021',
          'openalex:W3092297071',
          `s2:${'a'.repeat(40)}`,
          'mag:3092297071',
        ],
      },
      {
        // Semantic Scholar knows AdamW by its MAG id only; OpenAlex gave the same MAG id.
        id: 'openalex:W2963000005',
        source: 's2',
        externalIds: ['openalex:W2963000005', 'mag:2963000005', `s2:${'f'.repeat(40)}`],
      },
    ]);
  });

  test('whoUses answers through real citations: papers citing the proposer of Lion', async ({
    connection,
  }) => {
    const { page } = await whoUses(connection, 'Lion', null, 10, 0);
    expect(page.items.map((item) => [item.paper.id, item.relation, item.throughPaperId])).toEqual([
      ['arxiv:2302.06675', 'DIRECT', null],
      ['arxiv:2305.14342', 'CITES', 'arxiv:2302.06675'],
    ]);
    // Paged one at a time, the citing paper comes on the second page.
    const second = await whoUses(connection, 'Lion', null, 1, 1);
    expect(second.page.totalCount).toBe(2);
    expect(second.page.items.map((item) => [item.paper.id, item.relation])).toEqual([
      ['arxiv:2305.14342', 'CITES'],
    ]);
    expect(second.page.hasNextPage).toBe(false);
  });

  test(
    'importing everything again changes nothing',
    async ({ importFrom, snapshot }) => {
      const before = await snapshot();
      await importFrom(arxiv());
      await importFrom(openalex());
      await importFrom(s2());
      expect(await snapshot()).toEqual(before);
    },
    SLOW,
  );

  test(
    'a cited stub is filled in when the paper arrives, never duplicated',
    async ({ connection, importFrom, query }) => {
      const summary = await importFrom(openalex({ ids: ['https://openalex.org/W9000000009'] }));
      expect(summary).toMatchObject({ read: 1, written: 1 });
      const counts = await countGraph(connection);
      expect({ papers: counts.Paper, authors: counts.Author, cites: counts.CITES }).toEqual({
        papers: 8,
        authors: 16,
        cites: 8,
      });
      const rows = await query(
        `MATCH (p:Paper) WHERE 'openalex:W9000000009' IN p.externalIds
       RETURN p.id AS id, p.stub AS stub, p.title AS title,
              [(c)-[:CITES]->(p) | c.id] AS citedBy ORDER BY id`,
      );
      expect(rows).toEqual([
        {
          id: 'doi:10.7777/w9.1998',
          stub: false,
          title: 'Stochastic Gradient Descent Revisited',
          citedBy: expect.arrayContaining(['arxiv:2302.06675', 'doi:10.5555/sam.2021']),
        },
      ]);
      expect(rows[0].citedBy).toHaveLength(2);
    },
    SLOW,
  );
});

describe('an interrupted import', () => {
  test(
    'resumed, it gives the same graph as one uninterrupted run',
    async ({ connection, importFrom, query, snapshot }) => {
      await clearGraph(connection);
      await importFrom(openalex());
      const uninterrupted = await snapshot();
      expect(readdirSync(stateDir)).toEqual([]);

      await clearGraph(connection);
      server.requests.length = 0;
      const down = json('{"error":"Service Unavailable"}', 503);
      inject429('openalex:2', down, down, down, down);
      const error = await importFrom(openalex()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as Error).message).toMatch(
        /^OpenAlex: HTTP 503: Service Unavailable \(gave up after 4 attempts\)/,
      );
      expect(readdirSync(stateDir)).toHaveLength(1);
      expect(
        (await query('MATCH (p:Paper {stub: false}) RETURN p.id AS id ORDER BY id')).map(
          (r) => r.id,
        ),
      ).toEqual(['arxiv:1412.6980', 'arxiv:2302.06675']);

      server.requests.length = 0;
      let resumedAfter: number[] = [];
      const summary = await importFrom(openalex(), {
        onResume: (papers, pages) => (resumedAfter = [papers, pages]),
      });
      expect(resumedAfter).toEqual([2, 1]);
      expect(summary).toMatchObject({ resumedAfter: 2, pages: 2 });
      expect(server.requests.map(pageKey)).toEqual(['openalex:2', 'openalex:3']);
      expect(await snapshot()).toEqual(uninterrupted);
      expect(readdirSync(stateDir)).toEqual([]);
    },
    SLOW,
  );

  test(
    '--restart ignores the saved state',
    async ({ connection, importFrom }) => {
      await clearGraph(connection);
      inject429('openalex:3', ...Array(4).fill(json('{}', 500)));
      await expect(importFrom(openalex())).rejects.toThrow(SourceError);
      server.requests.length = 0;
      await importFrom(openalex(), { restart: true });
      expect(server.requests.map(pageKey)).toEqual(['openalex:1', 'openalex:2', 'openalex:3']);
      expect(readdirSync(stateDir)).toEqual([]);
    },
    SLOW,
  );
});

describe('errors from the service', () => {
  test('arXiv reports a bad id in its error feed: a SourceError with its words', async ({
    importFrom,
  }) => {
    const source = arxivSource(
      { ids: ['1234.12345'] },
      { baseUrl: `${server.url}/arxiv/query`, fetch: polite('arXiv') },
    );
    await expect(importFrom(source)).rejects.toThrow(
      /^arXiv: HTTP 400: incorrect id format for 1234\.12345 \[/,
    );
  });

  const run = promisify(execFile);
  const cli = (args: string[], env: Record<string, string>) =>
    run(path.resolve('bin/papergraph'), args, {
      env: { ...process.env, NEO4J_URI: inject('neo4j').uri, ...env },
      timeout: 300_000,
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  test(
    'the CLI imports from the configured base URL and reports a failure in one line',
    async ({ connection }) => {
      await clearGraph(connection);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-import-cli-'));
      try {
        const env = {
          PAPERGRAPH_OPENALEX_URL: `${server.url}/openalex`,
          PAPERGRAPH_DATA_DIR: dataDir,
        };
        const ok = await cli(['import', 'openalex', '--ids', 'W9000000009'], env);
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain('papers read: 1\nwritten: 1\n');

        const failed = await cli(['import', 'openalex', '--search', 'nothing'], {
          ...env,
          PAPERGRAPH_OPENALEX_URL: `${server.url}/nowhere`,
        });
        expect(failed.code).toBe(1);
        expect(failed.stderr.trim().split('\n')).toEqual([
          expect.stringMatching(
            /^papergraph: OpenAlex: HTTP 404: no such fixture \[http:\/\/127\.0\.0\.1:\d+\/nowhere\/works\?.*\]; run the same command again to resume where it stopped$/,
          ),
        ]);
        expect(existsSync(path.join(dataDir, 'imports'))).toBe(false);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
