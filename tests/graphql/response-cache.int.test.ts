import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { asResults } from '../support/seed-results.ts';
import { clearGraph, openTestDatabase } from '../support/test-database.ts';

const TOKEN = 'test-token-0123456789abcdef';
let connection: Neo4jConnection;
let app: App;

const paper = (id: string) => ({
  id,
  title: `Paper ${id}: training with Adam`,
  abstract: 'We train the model with Adam and report accuracy on ImageNet.',
});

async function gql(query: string, headers: Record<string, string> = {}) {
  const response = await app.fetch('http://papergraph/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}
const countUsers = async () =>
  (await gql('{ whoUses(technique: "Adam") { totalCount } }')).data.whoUses.totalCount as number;

beforeAll(async () => {
  connection = await openTestDatabase();
  await clearGraph(connection);
  await ingestPapers(connection, asResults([paper('cache:1')]), {});
  app = createApp({ connection, token: TOKEN, responseCacheMs: 60_000 });
});
afterAll(async () => {
  await connection.close();
});

test('a repeated query is answered from memory; an API mutation empties the cache', async () => {
  expect(await countUsers()).toBe(1);
  // Written behind the server's back (another process): the cached answer stands for its TTL.
  await ingestPapers(connection, asResults([paper('cache:2')]), {});
  expect(await countUsers()).toBe(1);
  // The database really holds both: an uncached query (new text) sees them.
  expect((await gql('{ whoUses(technique: "Adam", first: 5) { totalCount } }')).data).toEqual({
    whoUses: { totalCount: 2 },
  });

  const written = await gql(
    `mutation { ingestPapers(papers: [{ id: "cache:3", title: "${paper('cache:3').title}",
       abstract: "${paper('cache:3').abstract}" }]) { written } }`,
    { authorization: `Bearer ${TOKEN}` },
  );
  expect(written.errors).toBeUndefined();
  expect(await countUsers()).toBe(3);
});

test('answers with errors are not cached', async () => {
  const missing = '{ neighborhood(id: "cache:none", depth: 1) { truncated } }';
  expect((await gql(missing)).errors?.[0].message).toMatch(/no paper, concept/);
  await ingestPapers(connection, asResults([paper('cache:none')]), {});
  expect((await gql(missing)).data).toEqual({ neighborhood: { truncated: false } });
});
