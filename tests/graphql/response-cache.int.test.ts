import { expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { graphql } from '../gql/index.ts';
import { dbTest } from '../support/db-test.ts';
import { createGraphQLClient } from '../support/graphql-client.ts';
import { asResults } from '../support/seed-results.ts';

const TOKEN = 'test-token-0123456789abcdef';

const paper = (id: string) => ({
  id,
  title: `Paper ${id}: training with Adam`,
  abstract: 'We train the model with Adam and report accuracy on ImageNet.',
});

// One paper using Adam, and an app that caches answers for a minute.
const test = dbTest.extend('gql', { scope: 'file' }, async ({ connection }) => {
  await ingestPapers(connection, asResults([paper('cache:1')]), {});
  return createGraphQLClient(createApp({ connection, token: TOKEN, responseCacheMs: 60_000 }));
});

const AdamUsers = graphql(`
  query CachedAdamUsers {
    whoUses(technique: "Adam") {
      totalCount
    }
  }
`);

test('a repeated query is answered from memory; an API mutation empties the cache', async ({
  connection,
  gql,
}) => {
  const countUsers = async () => (await gql(AdamUsers)).data!.whoUses.totalCount;
  expect(await countUsers()).toBe(1);
  // Written behind the server's back (another process): the cached answer stands for its TTL.
  await ingestPapers(connection, asResults([paper('cache:2')]), {});
  expect(await countUsers()).toBe(1);
  // The database really holds both: an uncached query (new text) sees them.
  const uncached = await gql(
    graphql(`
      query UncachedAdamUsers {
        whoUses(technique: "Adam", first: 5) {
          totalCount
        }
      }
    `),
  );
  expect(uncached.data).toEqual({ whoUses: { totalCount: 2 } });

  const written = await gql(
    graphql(`
      mutation CacheEmptyingIngest($papers: [PaperInput!]!) {
        ingestPapers(papers: $papers) {
          written
        }
      }
    `),
    { papers: [paper('cache:3')] },
    { authorization: `Bearer ${TOKEN}` },
  );
  expect(written.errors).toBeUndefined();
  expect(await countUsers()).toBe(3);
});

test('answers with errors are not cached', async ({ connection, gql }) => {
  const Missing = graphql(`
    query MissingNeighborhood {
      neighborhood(id: "cache:none", depth: 1) {
        truncated
      }
    }
  `);
  expect((await gql(Missing)).errors?.[0].message).toMatch(/no paper, concept/);
  await ingestPapers(connection, asResults([paper('cache:none')]), {});
  expect((await gql(Missing)).data).toEqual({ neighborhood: { truncated: false } });
});
