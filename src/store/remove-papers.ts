// Taking papers out of the graph, one by one or a collection at a time, so that what is left equals
// a clean ingest of the rest: links, claims and authorship go with the same bookkeeping as a
// rewrite (orphaned concepts and authors, lineage through what they proposed, guessed kinds).
import type { ManagedTransaction } from 'neo4j-driver';
import { awaitSearchIndexes } from './apply-schema.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt } from './neo4j-values.ts';
import { toStoreError } from './store-error.ts';
import { unlinkPapers } from './write-papers.ts';

/** Papers taken out of a collection per transaction. */
const REMOVE_BATCH = 500;

// NOTE: a paper another paper cites becomes a stub again (its id and external ids), as a clean
// ingest of the citing paper would leave it; stubs only it cited go with it. A collection left with
// no papers goes too.
const DELETE_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id)
OPTIONAL MATCH (p)-[:CITES]->(s:Paper {stub: true})
WITH p, collect(DISTINCT s) AS cited,
     [(p)-[:IN_COLLECTION]->(k:Collection) | k] AS collections
CALL (p) {
  WITH p WHERE EXISTS { (p)<-[:CITES]-() }
  SET p = {id: p.id, stub: true, externalIds: coalesce(p.externalIds, [p.id])}
  WITH p
  MATCH (p)-[r:CITES|IN_COLLECTION]->()
  DELETE r
}
CALL (p) {
  WITH p WHERE NOT EXISTS { (p)<-[:CITES]-() }
  DETACH DELETE p
}
WITH cited, collections
CALL (cited) {
  UNWIND cited AS s
  WITH s WHERE NOT EXISTS { (s)<-[:CITES]-() }
  DETACH DELETE s
}
CALL (collections) {
  UNWIND collections AS k
  WITH DISTINCT k WHERE NOT EXISTS { (k)<-[:IN_COLLECTION]-() }
  DELETE k
}`;

// The next papers of a collection, and whether another collection holds each of them too.
const COLLECTION_PAGE = `
MATCH (k:Collection {name: $name})<-[:IN_COLLECTION]-(p:Paper)
WITH p LIMIT $limit
RETURN p.id AS id,
       EXISTS { (p)-[:IN_COLLECTION]->(o:Collection) WHERE o.name <> $name } AS shared`;

const LEAVE_COLLECTION = `
MATCH (k:Collection {name: $name})
CALL (k) {
  UNWIND $ids AS id
  MATCH (p:Paper {id: id})-[m:IN_COLLECTION]->(k)
  DELETE m
}
WITH k WHERE NOT EXISTS { (k)<-[:IN_COLLECTION]-() }
DELETE k`;

const COLLECTION_EXISTS = 'MATCH (k:Collection {name: $name}) RETURN count(k) > 0 AS found';

const STORED_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id) WHERE p.stub = false
RETURN collect(p.id) AS ids`;

async function deletePapersIn(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await unlinkPapers(tx, ids);
  await tx.run(DELETE_PAPERS, { ids });
}

/**
 * Removes stored papers (stubs are not papers) with everything derived from them, in one
 * transaction. Returns the ids it removed.
 */
export async function removePapers(connection: Neo4jConnection, ids: string[]): Promise<string[]> {
  const session = connection.driver.session({ database: connection.database });
  try {
    const removed = await session.executeWrite(async (tx) => {
      const found = (await tx.run(STORED_PAPERS, { ids })).records[0].get('ids') as string[];
      await deletePapersIn(tx, found);
      return found;
    });
    if (removed.length > 0) await awaitSearchIndexes(connection);
    return removed;
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}

export interface RemoveCollectionProgress {
  /** Papers that belonged to this collection only, removed from the graph. */
  removed: number;
  /** Papers another collection holds too: they stay, out of this one. */
  kept: number;
}

/**
 * Takes a collection away, a batch of its papers per transaction: papers no other collection holds
 * go with their links and orphaned concepts; the others only leave it. A run that dies leaves
 * whole batches done, and running it again finishes the rest. Returns null for an unknown name.
 */
export async function removeCollection(
  connection: Neo4jConnection,
  name: string,
  onProgress?: (progress: RemoveCollectionProgress) => void,
): Promise<RemoveCollectionProgress | null> {
  const progress: RemoveCollectionProgress = { removed: 0, kept: 0 };
  const session = connection.driver.session({ database: connection.database });
  try {
    const exists = await session.executeRead(
      async (tx) => (await tx.run(COLLECTION_EXISTS, { name })).records[0].get('found') as boolean,
    );
    if (!exists) return null;
    for (;;) {
      const page = await session.executeWrite(async (tx) => {
        const rows = (await tx.run(COLLECTION_PAGE, { name, limit: toInt(REMOVE_BATCH) })).records;
        const shared = rows.filter((r) => r.get('shared')).map((r) => r.get('id') as string);
        const sole = rows.filter((r) => !r.get('shared')).map((r) => r.get('id') as string);
        await deletePapersIn(tx, sole);
        await tx.run(LEAVE_COLLECTION, { name, ids: shared });
        return { removed: sole.length, kept: shared.length };
      });
      progress.removed += page.removed;
      progress.kept += page.kept;
      onProgress?.({ ...progress });
      if (page.removed + page.kept === 0) break;
    }
    // The last page emptied it; a collection that was already empty goes here.
    await session.executeWrite((tx) => tx.run(LEAVE_COLLECTION, { name, ids: [] }));
    if (progress.removed > 0) await awaitSearchIndexes(connection);
    return progress;
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}
