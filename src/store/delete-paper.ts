import { awaitSearchIndexes } from './apply-schema.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toStoreError } from './store-error.ts';

// Lineage through what the paper proposed goes with it; concepts stay (other papers may use
// them) and are removed only when nothing links to them any more.
const DELETE_PAPER = `
MATCH (p:Paper {id: $id})
OPTIONAL MATCH (p)-->(c:Concept)
WITH p, collect(DISTINCT c) AS concepts
CALL (p) { MATCH (p)-[:CLAIMS]->(claim:Claim) DETACH DELETE claim }
DETACH DELETE p
WITH concepts
UNWIND concepts AS c
WITH c WHERE NOT EXISTS { (c)--() }
DELETE c
RETURN count(*) AS removedConcepts`;

const EXISTS = 'MATCH (p:Paper {id: $id}) RETURN count(p) > 0 AS found';

/** Deletes a paper, its claims and its links, in one transaction; false when it was not there. */
export async function deletePaper(connection: Neo4jConnection, id: string): Promise<boolean> {
  const session = connection.driver.session({ database: connection.database });
  try {
    const found = await session.executeWrite(async (tx) => {
      const exists = (await tx.run(EXISTS, { id })).records[0].get('found') as boolean;
      if (exists) await tx.run(DELETE_PAPER, { id });
      return exists;
    });
    if (found) await awaitSearchIndexes(connection);
    return found;
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}
