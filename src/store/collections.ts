// Collections: every paper remembers each collection that brought it, as
// (:Paper)-[:IN_COLLECTION]->(:Collection {name}).
import type { ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import { readRows } from './run-read.ts';
import { toStoreError } from './store-error.ts';

/** The collection of papers stored before papers remembered where they came from. */
export const UNFILED_COLLECTION = 'unfiled';

export interface CollectionCount {
  name: string;
  papers: number;
}

// A paper id maps onto the node that holds it, which a citation resolution may have renamed:
// rows carry the id the batch was written under.
export const ADD_TO_COLLECTIONS = `
UNWIND $rows AS row
MERGE (k:Collection {name: row.collection})
WITH k, row
MATCH (p:Paper {id: row.id}) USING INDEX SEEK p:Paper(id)
MERGE (p)-[:IN_COLLECTION]->(k)`;

const LIST_COLLECTIONS = `
MATCH (k:Collection)
RETURN k.name AS name, COUNT { (k)<-[:IN_COLLECTION]-(:Paper) } AS papers
ORDER BY name`;

// Papers written before collections existed (stubs are no papers of any collection).
const FILE_UNFILED = `
MATCH (p:Paper) WHERE p.stub = false AND NOT (p)-[:IN_COLLECTION]->()
WITH p LIMIT $limit
MERGE (k:Collection {name: $name})
MERGE (p)-[:IN_COLLECTION]->(k)
RETURN count(p) AS filed`;

/** Adds papers to collections inside a write; rows without a collection are left out. */
export async function addToCollections(
  tx: ManagedTransaction,
  rows: { id: string; collection?: string }[],
): Promise<void> {
  const filed = rows.filter((row) => row.collection);
  if (filed.length > 0) await tx.run(ADD_TO_COLLECTIONS, { rows: filed });
}

/** Adds stored papers to a collection (papers an ingest found unchanged). */
export async function addPapersToCollection(
  connection: Neo4jConnection,
  ids: string[],
  collection: string,
): Promise<void> {
  if (ids.length === 0) return;
  const session = connection.driver.session({ database: connection.database });
  try {
    await session.executeWrite((tx) =>
      addToCollections(
        tx,
        ids.map((id) => ({ id, collection })),
      ),
    );
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}

/** Every collection with its number of papers, by name. */
export async function listCollections(connection: Neo4jConnection): Promise<CollectionCount[]> {
  return readRows(connection, LIST_COLLECTIONS, {}, (row) => ({
    name: row.string('name'),
    papers: row.number('papers'),
  }));
}

/**
 * Puts papers that belong to no collection (a graph written before collections) into the
 * `unfiled` collection, so every paper can be listed, filtered and removed by collection.
 * Returns how many papers it filed.
 */
export async function fileUnfiledPapers(connection: Neo4jConnection): Promise<number> {
  let total = 0;
  const session = connection.driver.session({ database: connection.database });
  try {
    for (;;) {
      const filed = await session.executeWrite(async (tx) => {
        const result = await tx.run(FILE_UNFILED, {
          limit: toInt(5000),
          name: UNFILED_COLLECTION,
        });
        return toNumber(result.records[0].get('filed'));
      });
      total += filed;
      if (filed === 0) return total;
    }
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}
