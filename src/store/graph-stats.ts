import type { ConceptKind } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import { toStoreError } from './store-error.ts';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export interface TopConcept {
  id: string;
  name: string;
  kind: ConceptKind;
  papers: number;
}

export interface GraphStats extends GraphCounts {
  topConcepts: TopConcept[];
}

// NOTE: count store lookups (`MATCH (n:Label) RETURN count(n)`) answer in constant time; a
// single `labels(n)` scan would read every node.
const LABELS = [
  'Paper',
  'Concept',
  'Method',
  'Model',
  'Dataset',
  'Task',
  'Metric',
  'Hardware',
  'Claim',
  'Author',
];
const COUNT_LABEL = Object.fromEntries(
  LABELS.map((label) => [label, `MATCH (n:${label}) RETURN count(n) AS n`]),
);
const REL_TYPES = [
  'PROPOSES',
  'USES',
  'COMPARES',
  'EVALUATES_ON',
  'ADDRESSES',
  'MEASURES',
  'CLAIMS',
  'ON',
  'BUILDS_ON',
  'CITES',
  'WROTE',
];
const COUNT_REL = Object.fromEntries(
  REL_TYPES.map((type) => [type, `MATCH ()-[r:${type}]->() RETURN count(r) AS n`]),
);

const TOP_CONCEPTS = `
MATCH (c:Concept)
WITH c, COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() } AS papers
ORDER BY papers DESC, c.id
LIMIT $limit
RETURN c.id AS id, c.name AS name, c.kind AS kind, papers`;

const run = async (
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown> = {},
) => {
  try {
    const result = await connection.driver.executeQuery(query, params, {
      database: connection.database,
      routing: 'READ',
    });
    return result.records;
  } catch (error) {
    throw toStoreError(error);
  }
};

export async function countGraph(connection: Neo4jConnection): Promise<GraphCounts> {
  const count = async (query: string) => toNumber((await run(connection, query))[0].get('n'));
  const nodes: Record<string, number> = {};
  for (const label of LABELS) nodes[label] = await count(COUNT_LABEL[label]);
  const relationships: Record<string, number> = {};
  for (const type of REL_TYPES) relationships[type] = await count(COUNT_REL[type]);
  return { nodes, relationships };
}

export async function topConcepts(
  connection: Neo4jConnection,
  first: number,
): Promise<TopConcept[]> {
  return (await run(connection, TOP_CONCEPTS, { limit: toInt(first) })).map((r) => ({
    id: r.get('id') as string,
    name: r.get('name') as string,
    kind: r.get('kind') as ConceptKind,
    papers: toNumber(r.get('papers')),
  }));
}

export async function graphStats(connection: Neo4jConnection, top = 10): Promise<GraphStats> {
  const [counts, concepts] = await Promise.all([
    countGraph(connection),
    topConcepts(connection, top),
  ]);
  return { ...counts, topConcepts: concepts };
}
