// Where a new user can start: concepts the graph itself makes good first questions of, so the
// explorer never suggests a name the graph does not hold.
import type { ConceptWithCount } from './concept-reads.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { DIRECT_LINKS } from './link-types.ts';
import { toConcept } from './records.ts';
import type { Row } from './row.ts';
import { readRows } from './run-read.ts';

const STARTING_REASONS = ['most-used-method', 'top-dataset', 'proposed-and-used'] as const;
export type StartingReason = (typeof STARTING_REASONS)[number];

export interface StartingPoint {
  concept: ConceptWithCount;
  reason: StartingReason;
  /** Papers behind the reason: users, papers evaluating on it, or users of the proposal. */
  papers: number;
}

// The most used method, the dataset most evaluated on, and the proposal (a method or model some
// paper of the graph proposes) most used by other papers, other than the first.
const STARTING_POINTS = `
CALL () {
  MATCH (c:Method)
  WITH c, COUNT { (c)<-[:USES|COMPARES]-(:Paper) } AS n
  WHERE n > 0
  WITH c, n ORDER BY n DESC, c.id LIMIT 1
  RETURN collect({c: c, n: n, reason: 'most-used-method'}) AS method
}
CALL () {
  MATCH (c:Dataset)
  WITH c, COUNT { (c)<-[:EVALUATES_ON]-(:Paper) } AS n
  WHERE n > 0
  WITH c, n ORDER BY n DESC, c.id LIMIT 1
  RETURN collect({c: c, n: n, reason: 'top-dataset'}) AS dataset
}
CALL (method) {
  MATCH (:Paper)-[:PROPOSES]->(c:Concept)
  WHERE c.kind IN ['method', 'model'] AND NOT c IN [f IN method | f.c]
  WITH DISTINCT c
  WITH c, COUNT { (c)<-[:USES|COMPARES]-(:Paper) } AS n
  WHERE n > 0
  WITH c, n ORDER BY n DESC, c.id LIMIT 1
  RETURN collect({c: c, n: n, reason: 'proposed-and-used'}) AS proposed
}
UNWIND method + dataset + proposed AS f
WITH f.c AS c, f.n AS n, f.reason AS reason
RETURN properties(c) AS c, n, reason, COUNT { (c)<-[:${DIRECT_LINKS}]-(:Paper) } AS papers`;

/** A row of STARTING_POINTS. */
const toStartingPoint = (row: Row): StartingPoint => ({
  concept: { ...toConcept(row.props('c')), paperCount: row.number('papers') },
  reason: row.oneOf('reason', STARTING_REASONS),
  papers: row.number('n'),
});

export async function loadStartingPoints(connection: Neo4jConnection): Promise<StartingPoint[]> {
  return readRows(connection, STARTING_POINTS, {}, toStartingPoint);
}

// A concept and its variants (two levels, as families go), each paper counted once per year.
const PAPERS_PER_YEAR = `
MATCH (c:Concept {id: $id})
MATCH (v:Concept)-[:VARIANT_OF*0..2]->(c)
MATCH (v)<-[:${DIRECT_LINKS}]-(p:Paper)
WHERE p.year IS NOT NULL
WITH DISTINCT p
RETURN p.year AS year, count(p) AS papers
ORDER BY year`;

export interface YearCount {
  year: number;
  papers: number;
}

/** Papers per year that propose, use or compare against a concept or one of its variants. */
export async function loadPapersPerYear(
  connection: Neo4jConnection,
  conceptId: string,
): Promise<YearCount[]> {
  return readRows(connection, PAPERS_PER_YEAR, { id: conceptId }, (row) => ({
    year: row.number('year'),
    papers: row.number('papers'),
  }));
}
