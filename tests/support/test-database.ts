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
       MATCH (n) RETURN n.id AS key
       UNION ALL
       MATCH (a)-[r]->(b) RETURN a.id + '|' + type(r) + '|' + b.id + '|' + coalesce(r.via, '') AS key
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
