import { afterAll, beforeAll, expect, test } from 'vitest';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { loadNeighborhood } from '../../src/store/graph-slices.ts';
import { asResults } from '../support/seed-results.ts';
import { openTestDatabase } from '../support/test-database.ts';

let connection: Neo4jConnection;
const ALL = { kinds: null, types: null, minConfidence: 0 };

beforeAll(async () => {
  connection = await openTestDatabase();
  await ingestPapers(
    connection,
    asResults([
      {
        id: 'lion',
        title: 'LionNet: Symbolic Discovery of Optimizers',
        abstract: 'We propose LionNet, a new optimizer for training deep networks.',
      },
      {
        id: 'vit',
        title: 'Fine-tuning ViT',
        abstract: 'We fine-tune ViT with LionNet and compare it against Adam.',
      },
      {
        id: 'bert',
        title: 'Pre-training BERT',
        abstract: 'We pre-train BERT with LionNet on large text corpora.',
      },
    ]),
    {},
  );
});
afterAll(() => connection.close());

/** Every link among `ids`, as "source TYPE target", straight from Cypher. */
async function linksAmong(ids: string[]) {
  const { records } = await connection.driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids
     RETURN a.id + ' ' + type(r) + ' ' + b.id AS link`,
    { ids },
    { database: connection.database },
  );
  return new Set(records.map((r) => r.get('link') as string));
}

test('a slice holds every link among its nodes: lineage between the papers of its last ring', async () => {
  const slice = await loadNeighborhood(connection, 'method:lionnet', {
    ...ALL,
    depth: 1,
    limit: 50,
  });
  const ids = slice!.nodes.map((n) => n.id);
  expect(ids).toEqual(expect.arrayContaining(['method:lionnet', 'lion', 'vit', 'bert']));
  const links = await linksAmong(ids);
  expect([...links]).toEqual(expect.arrayContaining(['vit BUILDS_ON lion', 'bert BUILDS_ON lion']));
  expect(new Set(slice!.edges.map((e) => `${e.source} ${e.type} ${e.target}`))).toEqual(links);
});

test('a ring cut by the limit still shows the links among the nodes it kept', async () => {
  const slice = await loadNeighborhood(connection, 'method:lionnet', {
    ...ALL,
    depth: 2,
    limit: 3,
  });
  expect(slice!.truncated).toBe(true);
  expect(slice!.nodes).toHaveLength(3);
  const links = await linksAmong(slice!.nodes.map((n) => n.id));
  expect(new Set(slice!.edges.map((e) => `${e.source} ${e.type} ${e.target}`))).toEqual(links);
});
