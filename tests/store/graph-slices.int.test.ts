import { expect } from 'vitest';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { loadNeighborhood } from '../../src/store/graph-slices.ts';
import { loadLinks } from '../../src/store/load-links.ts';
import { toEvidence } from '../../src/store/records.ts';
import { asResults } from '../support/seed-results.ts';
import { dbTest as test } from '../support/db-test.ts';

const ALL = { kinds: null, types: null, minConfidence: 0 };

test.beforeAll(async ({ connection }) => {
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
        abstract: 'We pre-train BERT with LionNet on large text corpora for question answering.',
        authors: ['Ada Lovelace'],
      },
      {
        // Node ids may hold the `|` of link ids.
        id: 'fast|USES|lion',
        title: 'Fast LionNet',
        abstract: 'We train ResNet-50 with LionNet. It is 2x faster than Adam on 8 A100 GPUs.',
      },
    ]),
    {},
  );
});

/** Every link among `ids`, as "source TYPE target", straight from Cypher. */
async function linksAmong(connection: Neo4jConnection, ids: string[]) {
  const { records } = await connection.driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids
     RETURN a.id + ' ' + type(r) + ' ' + b.id AS link`,
    { ids },
    { database: connection.database },
  );
  return new Set(records.map((r) => r.get('link') as string));
}

test('a slice holds every link among its nodes: lineage between the papers of its last ring', async ({
  connection,
}) => {
  const slice = await loadNeighborhood(connection, 'concept:lionnet', {
    ...ALL,
    depth: 1,
    limit: 50,
  });
  const ids = slice!.nodes.map((n) => n.id);
  expect(ids).toEqual(expect.arrayContaining(['concept:lionnet', 'lion', 'vit', 'bert']));
  const links = await linksAmong(connection, ids);
  expect([...links]).toEqual(expect.arrayContaining(['vit BUILDS_ON lion', 'bert BUILDS_ON lion']));
  expect(new Set(slice!.edges.map((e) => `${e.source} ${e.type} ${e.target}`))).toEqual(links);
});

test('a ring cut by the limit still shows the links among the nodes it kept', async ({
  connection,
}) => {
  const slice = await loadNeighborhood(connection, 'concept:lionnet', {
    ...ALL,
    depth: 2,
    limit: 3,
  });
  expect(slice!.truncated).toBe(true);
  expect(slice!.nodes).toHaveLength(3);
  const links = await linksAmong(
    connection,
    slice!.nodes.map((n) => n.id),
  );
  expect(new Set(slice!.edges.map((e) => `${e.source} ${e.type} ${e.target}`))).toEqual(links);
});

/** Every link of the graph by its slice id, with its evidence as slices read it before (all props). */
async function allLinks(connection: Neo4jConnection) {
  const { records } = await connection.driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props`,
    {},
    { database: connection.database },
  );
  return new Map(
    records.map((record) => {
      const { source, type, target, props } = record.toObject();
      const id = `${source}|${type}|${target}${props.via ? `|${props.via}` : ''}`;
      const hasEvidence = typeof props.sentence === 'string' || typeof props.mentions === 'string';
      return [
        id,
        {
          id,
          source,
          target,
          type,
          role: props.role ?? null,
          confidence: props.confidence ?? null,
          evidence: hasEvidence ? toEvidence(props) : [],
        },
      ];
    }),
  );
}

test('links are found by their slice ids, each type from its start node, with all their evidence', async ({
  connection,
}) => {
  const expected = await allLinks(connection);
  expect(new Set([...expected.values()].map((link) => link.type))).toEqual(
    new Set([
      'PROPOSES',
      'USES',
      'COMPARES',
      'ADDRESSES',
      'CLAIMS',
      'ON',
      'AGAINST',
      'BUILDS_ON',
      'WROTE',
      'VARIANT_OF',
    ]),
  );
  expect([...expected.values()].some((link) => link.evidence.length > 0)).toBe(true);
  const found = await loadLinks(connection, [...expected.keys()]);
  expect(new Map([...found].sort())).toEqual(new Map([...expected].sort()));
});

test('a slice carries its links without evidence, and their ids find them', async ({
  connection,
}) => {
  const slice = await loadNeighborhood(connection, 'concept:lionnet', {
    ...ALL,
    depth: 2,
    limit: 50,
  });
  expect(slice!.edges.length).toBeGreaterThan(5);
  for (const edge of slice!.edges) expect(edge).not.toHaveProperty('evidence');
  const found = await loadLinks(
    connection,
    slice!.edges.map((edge) => edge.id),
  );
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect([...found.values()].map(({ evidence: _, ...edge }) => edge).sort(byId)).toEqual(
    [...slice!.edges].sort(byId),
  );
});

test.for([
  { of: 'an unknown source', id: 'nope|USES|concept:lionnet' },
  { of: 'an unknown type', id: 'vit|LIKES|concept:lionnet' },
  { of: 'a type in the wrong direction', id: 'concept:lionnet|USES|vit' },
  { of: 'lineage without its via', id: 'vit|BUILDS_ON|lion' },
  { of: 'lineage through another concept', id: 'vit|BUILDS_ON|lion|concept:adam' },
  { of: 'no type at all', id: 'vit' },
  { of: 'a Cypher fragment', id: 'vit|USES]->() DETACH DELETE n //|x' },
])('an id of $of is absent from the answer', async ({ id }, { connection }) => {
  const known = 'vit|USES|concept:lionnet';
  const found = await loadLinks(connection, [id, known]);
  expect([...found.keys()]).toEqual([known]);
});
