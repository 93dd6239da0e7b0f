// The graph schema, applied idempotently on every start: a uniqueness constraint behind every
// MERGE key, the full-text indexes that search and alias lookup use, and the rank keys that links
// written by older versions lack.
import type { Neo4jConnection } from './connect-neo4j.ts';
import { backfillRankKeys, RANK_KEY_INDEXES } from './rank-key.ts';
import { toStoreError } from './store-error.ts';

export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT author_id IF NOT EXISTS FOR (a:Author) REQUIRE a.id IS UNIQUE',
  'CREATE INDEX concept_keys IF NOT EXISTS FOR (c:Concept) ON (c.keys)',
  'CREATE INDEX builds_on_via IF NOT EXISTS FOR ()-[r:BUILDS_ON]-() ON (r.via)',
  'CREATE INDEX claim_kind IF NOT EXISTS FOR (c:Claim) ON (c.kind)',
  'CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published)',
  'CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract]',
  "CREATE FULLTEXT INDEX paper_external_ids IF NOT EXISTS FOR (p:Paper) ON EACH [p.externalIds] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}",
  'CREATE FULLTEXT INDEX concept_names IF NOT EXISTS FOR (c:Concept) ON EACH [c.name, c.aliasText]',
  ...RANK_KEY_INDEXES,
];

export async function applySchema(connection: Neo4jConnection): Promise<void> {
  try {
    for (const statement of SCHEMA_STATEMENTS) {
      await connection.driver.executeQuery(statement, {}, { database: connection.database });
    }
    await connection.driver.executeQuery(
      'CALL db.awaitIndexes(60)',
      {},
      { database: connection.database },
    );
  } catch (error) {
    throw toStoreError(error);
  }
  await backfillRankKeys(connection);
}
