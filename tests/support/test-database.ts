// The integration tests' handle on the throwaway Neo4j started by the global setup.
import { createHash } from 'node:crypto';
import { inject } from 'vitest';
import { applySchema } from '../../src/store/apply-schema.ts';
import { connectNeo4j, type Neo4jConnection } from '../../src/store/connect-neo4j.ts';

/** Connects to the test Neo4j, applies the schema and empties the graph. */
export async function openTestDatabase(): Promise<Neo4jConnection> {
  const connection = await connectNeo4j(inject('neo4j'));
  await applySchema(connection);
  await clearGraph(connection);
  return connection;
}

export async function clearGraph(connection: Neo4jConnection): Promise<void> {
  // An auto-commit query: CALL ... IN TRANSACTIONS cannot run inside a managed transaction.
  const session = connection.driver.session({ database: connection.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Counts of nodes by label and relationships by type, for exact comparisons. */
export async function countGraph(connection: Neo4jConnection): Promise<Record<string, number>> {
  const { records } = await connection.driver.executeQuery(
    `CALL () { MATCH (n) UNWIND labels(n) AS key RETURN key, count(*) AS n
       UNION ALL MATCH ()-[r]->() RETURN type(r) AS key, count(*) AS n }
     RETURN key, n ORDER BY key`,
    {},
    { database: connection.database },
  );
  return Object.fromEntries(
    records.map((r) => [r.get('key') as string, (r.get('n') as { toNumber(): number }).toNumber()]),
  );
}

/**
 * Counts by label and type, and a checksum of every node id and every relationship (ends, type
 * and lineage concept): two graphs with equal fingerprints hold the same nodes and links.
 */
export async function graphFingerprint(
  connection: Neo4jConnection,
): Promise<{ counts: Record<string, number>; checksum: string }> {
  const { records } = await connection.driver.executeQuery(
    `CALL () {
       MATCH (n) RETURN coalesce(n.id, 'collection:' + n.name) AS key
       UNION ALL
       MATCH (a)-[r]->(b)
       RETURN a.id + '|' + type(r) + '|' + coalesce(b.id, b.name) + '|' + coalesce(r.via, '') AS key
     }
     WITH key ORDER BY key RETURN collect(key) AS keys`,
    {},
    { database: connection.database },
  );
  return {
    counts: await countGraph(connection),
    checksum: createHash('sha256')
      .update(JSON.stringify(records[0].get('keys')))
      .digest('hex'),
  };
}

/**
 * The graph as sorted lines, blind to write order and timestamps: concepts with kind and labels,
 * families, every paper-concept link with its role, lineage with its concept, claims' baselines,
 * authorship, citations and collections.
 */
export async function dumpGraph(connection: Neo4jConnection) {
  const lines = async (cypher: string) =>
    (await connection.driver.executeQuery(cypher, {}, { database: connection.database })).records
      .map((r) => r.get('line') as string)
      .sort();
  return {
    papers: await lines(
      `MATCH (p:Paper) RETURN p.id + ' ' + coalesce(p.title, '-') + ' stub:' + p.stub AS line`,
    ),
    concepts: await lines(
      `MATCH (c:Concept)
       RETURN c.id + ' ' + c.kind + ' ' + reduce(s = '', l IN labels(c) | s + ':' + l) AS line`,
    ),
    variants: await lines(
      'MATCH (v:Concept)-[:VARIANT_OF]->(f:Concept) RETURN v.id + " -> " + f.id AS line',
    ),
    links: await lines(
      `MATCH (p:Paper)-[r]->(c:Concept)
       RETURN p.id + '|' + type(r) + '|' + c.id + '|' + coalesce(r.role, '-') AS line`,
    ),
    buildsOn: await lines(
      'MATCH (b:Paper)-[r:BUILDS_ON]->(a:Paper) RETURN b.id + " -> " + a.id + " via " + r.via AS line',
    ),
    against: await lines(
      `MATCH (p:Paper)-[:CLAIMS]->(c:Claim)-[:AGAINST]->(b:Concept)
       RETURN p.id + ' ' + c.value + ' against ' + b.id AS line`,
    ),
    authors: await lines(
      `MATCH (a:Author) RETURN a.id + ' wrote ' + COUNT { (a)-[:WROTE]->() } AS line`,
    ),
    cites: await lines(
      'MATCH (a:Paper)-[:CITES]->(b:Paper) RETURN a.id + " cites " + b.id AS line',
    ),
    collections: await lines(
      'MATCH (p:Paper)-[:IN_COLLECTION]->(k:Collection) RETURN k.name + " has " + p.id AS line',
    ),
  };
}
