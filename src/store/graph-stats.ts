import { CONCEPT_KINDS, type ConceptKind } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { DIRECT_LINKS, KIND_LABELS, LINK_TYPES } from './link-types.ts';
import { toInt } from './neo4j-values.ts';
import { readValue, type Row } from './row.ts';
import { readOne, readRows } from './run-read.ts';

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

const LABELS = ['Paper', 'Concept', ...Object.values(KIND_LABELS), 'Claim', 'Author', 'Collection'];

// NOTE: one query, one round trip; each COUNT of a bare label or type is a count-store lookup
// in constant time, where a scan of `labels(n)` would read every node.
const COUNT_ALL = `RETURN
  {${LABELS.map((label) => `${label}: COUNT { MATCH (:${label}) }`).join(', ')}} AS nodes,
  {${LINK_TYPES.map((type) => `${type}: COUNT { MATCH ()-[:${type}]->() }`).join(', ')}} AS relationships`;

const TOP_CONCEPTS = `
MATCH (c:Concept)
WITH c, COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers
ORDER BY papers DESC, c.id
LIMIT $limit
RETURN c.id AS id, c.name AS name, c.kind AS kind, papers`;

/** A map of counts, column `key` of COUNT_ALL. */
const numbers = (row: Row, key: string): Record<string, number> =>
  Object.fromEntries(
    Object.entries(row.props(key)).map(([k, v]) => [k, readValue.number(v, key, k)]),
  );

const toGraphCounts = (row: Row): GraphCounts => ({
  nodes: numbers(row, 'nodes'),
  relationships: numbers(row, 'relationships'),
});

export async function countGraph(connection: Neo4jConnection): Promise<GraphCounts> {
  // A RETURN without a MATCH always has its one row.
  return (
    (await readOne(connection, COUNT_ALL, {}, toGraphCounts)) ?? { nodes: {}, relationships: {} }
  );
}

export async function topConcepts(
  connection: Neo4jConnection,
  first: number,
): Promise<TopConcept[]> {
  return readRows(connection, TOP_CONCEPTS, { limit: toInt(first) }, (row) => ({
    id: row.string('id'),
    name: row.string('name'),
    kind: row.oneOf('kind', CONCEPT_KINDS),
    papers: row.number('papers'),
  }));
}

export async function graphStats(connection: Neo4jConnection, top = 10): Promise<GraphStats> {
  const [counts, concepts] = await Promise.all([
    countGraph(connection),
    topConcepts(connection, top),
  ]);
  return { ...counts, topConcepts: concepts };
}
