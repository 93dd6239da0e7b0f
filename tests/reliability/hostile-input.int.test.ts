// Hostile input: injection strings, huge and broken records, abusive GraphQL. Each gets a clear
// refusal or is handled; none writes what it should not, reads outside the API or stops the server.
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { readPapers } from '../../src/ingest/read-papers.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { dbTest } from '../support/db-test.ts';
import { retainedHeap } from '../support/retained-heap.ts';
import { asResults } from '../support/seed-results.ts';
import { countGraph } from '../support/test-database.ts';

const TOKEN = 'hostile-test-token-0123456789';
const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-hostile-'));
// `post` sends a raw body, `gql` a query: both answer with the status and the parsed body.
const test = dbTest
  .extend('app', { scope: 'file' }, async ({ connection, pool }) =>
    createApp({ connection, token: TOKEN, pool }),
  )
  .extend(
    'post',
    { scope: 'file' },
    async ({ app }) =>
      async (body: string, headers: Record<string, string> = {}) => {
        const response = await app.fetch('http://papergraph/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        return {
          status: response.status,
          json: (await response.json()) as {
            data?: Record<string, unknown>;
            errors?: { message: string; extensions?: { code?: string } }[];
          },
        };
      },
  )
  .extend(
    'gql',
    { scope: 'file' },
    async ({ post }) =>
      (
        query: string,
        variables: Record<string, unknown> = {},
        headers: Record<string, string> = {},
      ) =>
        post(JSON.stringify({ query, variables }), headers),
  );

const INJECTIONS = [
  `"}) MATCH (n) DETACH DELETE n //`,
  `') MATCH (n) DETACH DELETE n RETURN 1 //`,
  '`}) CALL db.clearQueryCaches() //',
  `x" OR 1=1 //`,
  `$id} DETACH DELETE n {`,
];

// One paper every test can count on, before any test writes.
test.beforeAll(async ({ connection, pool }) => {
  await ingestPapers(
    connection,
    asResults([
      { id: 'anchor', title: 'Anchor', abstract: 'We train ResNet-50 with Adam on ImageNet.' },
    ]),
    { pool },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Cypher injection', () => {
  test('injection strings stored as ids, titles, names and abstracts are data, nothing more', async ({
    connection,
    pool,
    gql,
  }) => {
    const papers = INJECTIONS.map((text, i) => ({
      id: `inj-${i}${text}`,
      title: `${text}: ${text}`,
      abstract: `We propose ${text.replace(/\W/g, '')}Net. We compare it with ${text} and Adam. ${text}`,
      authors: [text],
    }));
    await ingestPapers(connection, asResults(papers), { pool });
    const counts = await countGraph(connection);
    expect(counts.Paper).toBe(1 + INJECTIONS.length);
    const { data } = (
      await gql('query($id: ID!) { paper(id: $id) { title } }', { id: papers[0].id })
    ).json;
    expect(data).toEqual({ paper: { title: papers[0].title } });
  });

  test.for(INJECTIONS.map((text) => ({ text })))(
    'query arguments $text change nothing',
    async ({ text }, { connection, gql }) => {
      const before = await countGraph(connection);
      for (const query of [
        'query($t: String!) { whoUses(technique: $t) { totalCount } }',
        'query($t: String!) { search(text: $t) { id } }',
        'query($t: String!) { concept(name: $t) { id } }',
        'query($t: String!) { papers(filter: { concept: $t, text: $t, dataset: $t }) { totalCount } }',
        'query($t: ID!) { neighborhood(id: $t) { truncated } }',
        'query($t: String!) { claims(hardware: $t, concept: $t) { totalCount } }',
      ]) {
        const { status } = await gql(query, { t: text });
        expect(status).toBeLessThan(500);
      }
      expect(await countGraph(connection)).toEqual(before);
    },
  );
});

describe('huge and broken records', () => {
  test('a 10 MB abstract is refused with its line, and the records around it are stored', async ({
    connection,
    pool,
  }) => {
    const file = path.join(dir, 'huge.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'before-huge', title: '', abstract: 'We fine-tune BERT on GLUE.' }),
        JSON.stringify({ id: 'huge', title: '', abstract: 'We use Adam. '.repeat(800_000) }),
        JSON.stringify({ id: 'after-huge', title: '', abstract: 'We fine-tune RoBERTa on SQuAD.' }),
      ].join('\n'),
    );
    const summary = await ingestPapers(connection, readSources([file]), { pool });
    expect(summary.written).toBe(2);
    expect(summary.skippedRecords).toEqual([
      {
        where: expect.stringMatching(/huge\.jsonl:2$/),
        reason: expect.stringMatching(/abstract is longer than/),
      },
    ]);
  });

  test('invalid UTF-8 is read with replacement characters, not a crash', async ({
    connection,
    pool,
  }) => {
    const file = path.join(dir, 'bad-utf8.jsonl');
    const line = Buffer.concat([
      Buffer.from('{"id":"bad-utf8","title":"","abstract":"We use Adam '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' on CIFAR-10."}\n'),
    ]);
    writeFileSync(file, line);
    const summary = await ingestPapers(connection, readSources([file]), { pool });
    expect(summary.written).toBe(1);
  });

  test('a million-line JSONL streams through: bad lines skipped and counted, memory bounded', async ({
    connection,
    pool,
  }) => {
    const file = path.join(dir, 'million.jsonl');
    const out = createWriteStream(file);
    for (let i = 0; i < 1_000_000; i += 1) {
      out.write(
        i % 250_000 === 0
          ? `${JSON.stringify({ id: `m${i}`, title: '', abstract: 'We use SGD.' })}\n`
          : '{"id":""}\n',
      );
    }
    await new Promise((resolve) => out.end(resolve));
    // Retained heap after a full GC, before and after: peak RSS only says when V8 chose to collect.
    const heapBefore = retainedHeap();
    const summary = await ingestPapers(connection, readSources([file]), { pool });
    const retainedMb = (retainedHeap() - heapBefore) / 2 ** 20;
    expect(summary.written).toBe(4);
    expect(summary.skipped).toBe(999_996);
    expect(summary.skippedRecords.length).toBeLessThanOrEqual(1000);
    expect(retainedMb).toBeLessThan(50);
  }, 300_000);

  test('the input parsers never throw anything but a clear InputError (fuzz, fixed seed)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc
            .array(fc.jsonValue(), { maxLength: 5 })
            .map((lines) => lines.map((l) => JSON.stringify(l)).join('\n')),
          fc
            .string({ maxLength: 200 })
            .map((s) => `<feed><entry><title>${s}</title><summary>${s}</summary></entry></feed>`),
        ),
        async (content) => {
          const file = path.join(dir, `fuzz-${n++}.txt`);
          writeFileSync(file, content);
          try {
            for await (const result of readPapers(file)) {
              if (result.kind === 'paper') expect(typeof result.paper.abstract).toBe('string');
            }
          } catch (error) {
            expect((error as Error).name).toBe('InputError');
          }
        },
      ),
      { seed: 20240314, numRuns: 200 },
    );
  });
});

describe('abusive GraphQL', () => {
  test('oversized variables are refused with 413 before parsing', async ({ post }) => {
    const { status, json } = await post(
      JSON.stringify({ query: '{ stats { papers } }', variables: { x: 'a'.repeat(9 * 2 ** 20) } }),
    );
    expect(status).toBe(413);
    expect(json.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a query with thousands of tokens is refused', async ({ gql }) => {
    const fields = Array.from({ length: 2500 }, () => 'papers').join(' ');
    const { json } = await gql(`{ stats { ${fields} } }`);
    expect(json.errors?.[0].message).toMatch(/token limit/i);
  });

  test('a mutation without the token writes nothing, and the server still answers', async ({
    connection,
    gql,
  }) => {
    const before = await countGraph(connection);
    const { json } = await gql('mutation { deletePaper(id: "anchor") }');
    expect(json.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countGraph(connection)).toEqual(before);
    expect((await gql('{ stats { papers } }')).json.data).toBeDefined();
  });

  test('responses carry the security headers and no wildcard CORS', async ({ app }) => {
    const response = await app.fetch('http://papergraph/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ stats { papers } }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('access-control-allow-origin')).not.toBe('*');
    expect(response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});
