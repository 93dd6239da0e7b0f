// A sort key on every paper-to-concept link, so "the best-evidenced papers for concept X" (a
// whoUses page, a neighbourhood ring) is an ordered index scan that reads what it keeps, not a
// sort of all of X's links (a hub such as Adam has thousands in a large graph).
import type { Neo4jConnection } from './connect-neo4j.ts';
import { CONCEPT_LINK_TYPES } from './link-types.ts';
import { toStoreError } from './store-error.ts';

/**
 * `conceptId|inverted confidence|lower-case title|paperId`: ascending order is by concept, then
 * confidence descending, then title. Cypher, so writes and the backfill share one definition.
 */
export const RANK_KEY = (r: string, p: string, c: string) =>
  `${c}.id + '|' + right('0000' + toString(toInteger(round((1.0 - coalesce(${r}.confidence, 0.0)) * 1000))), 4) + '|' + toLower(left(coalesce(${p}.title, ''), 80)) + '|' + ${p}.id`;

export const RANK_KEY_INDEXES = CONCEPT_LINK_TYPES.map(
  (type) =>
    `CREATE INDEX ${type.toLowerCase()}_rank IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.rankKey)`,
);

/**
 * Sets the rank key on links written before it existed (graphs from before rank keys, or before
 * they were on every paper-to-concept link). Cheap when there is nothing to do: the links of a
 * type are counted from the count store and those with a key from its index.
 */
export async function backfillRankKeys(connection: Neo4jConnection): Promise<void> {
  const session = connection.driver.session({ database: connection.database });
  try {
    for (const type of CONCEPT_LINK_TYPES) {
      const counted = await session.run(
        `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS links }
         CALL () { MATCH ()-[r:${type}]->() WHERE r.rankKey IS NOT NULL RETURN count(r) AS keyed }
         RETURN links = keyed AS done`,
      );
      if (counted.records[0]?.get('done') === true) continue;
      await session.run(
        `MATCH (p:Paper)-[r:${type}]->(c:Concept) WHERE r.rankKey IS NULL
         CALL (p, r, c) { SET r.rankKey = ${RANK_KEY('r', 'p', 'c')} } IN TRANSACTIONS OF 20000 ROWS`,
      );
    }
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await session.close();
  }
}
