// The graph schema, applied idempotently on every start: a uniqueness constraint behind every
// MERGE key, the full-text indexes that search and alias lookup use, and the rank keys that links
// written by older versions lack.
//
// NOTE: the paper and concept full-text indexes are eventually consistent: Lucene updates them
// after a commit instead of inside it, which took a quarter of a write batch's commit time
// (`npm run bench:ingest -- --profile`). Whatever writes calls awaitSearchIndexes before it
// answers, so a search after an ingest or a delete sees it.
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt } from './neo4j-values.ts';
import { backfillRankKeys, RANK_KEY_INDEXES } from './rank-key.ts';
import { toStoreError } from './store-error.ts';

const EVENTUALLY_CONSISTENT = 'OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}';
const EVENTUALLY_CONSISTENT_INDEXES = ['paper_text', 'concept_names'];

// Graphs from before the full-text indexes were eventually consistent: drop them to be recreated.
const STALE_FULLTEXT = `
SHOW FULLTEXT INDEXES YIELD name, options
WHERE name IN $names AND options.indexConfig['fulltext.eventually_consistent'] = false
RETURN collect(name) AS stale`;

export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT author_id IF NOT EXISTS FOR (a:Author) REQUIRE a.id IS UNIQUE',
  'CREATE CONSTRAINT collection_name IF NOT EXISTS FOR (k:Collection) REQUIRE k.name IS UNIQUE',
  'CREATE INDEX concept_keys IF NOT EXISTS FOR (c:Concept) ON (c.keys)',
  // Older graphs: with it, MERGE of a lineage edge read every BUILDS_ON edge through its concept.
  'DROP INDEX builds_on_via IF EXISTS',
  'CREATE INDEX claim_kind IF NOT EXISTS FOR (c:Claim) ON (c.kind)',
  'CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published)',
  'CREATE INDEX paper_year IF NOT EXISTS FOR (p:Paper) ON (p.year)',
  `CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.title, p.abstract] ${EVENTUALLY_CONSISTENT}`,
  "CREATE FULLTEXT INDEX paper_external_ids IF NOT EXISTS FOR (p:Paper) ON EACH [p.externalIds] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}",
  `CREATE FULLTEXT INDEX concept_names IF NOT EXISTS FOR (c:Concept) ON EACH [c.name, c.aliasText] ${EVENTUALLY_CONSISTENT}`,
  ...RANK_KEY_INDEXES,
];

export async function applySchema(connection: Neo4jConnection): Promise<void> {
  const run = (query: string, params: Record<string, unknown> = {}) =>
    connection.driver.executeQuery(query, params, { database: connection.database });
  try {
    const { records } = await run(STALE_FULLTEXT, { names: EVENTUALLY_CONSISTENT_INDEXES });
    const stale = records[0].get('stale') as string[];
    for (const name of stale) await run(`DROP INDEX ${name}`);
    for (const statement of SCHEMA_STATEMENTS) await run(statement);
    // Rebuilding a full-text index reads every paper or concept again: a large graph needs longer.
    await run('CALL db.awaitIndexes($seconds)', { seconds: toInt(stale.length > 0 ? 3600 : 60) });
  } catch (error) {
    throw toStoreError(error);
  }
  await backfillRankKeys(connection);
}

/** Waits until the eventually consistent full-text indexes have every committed write. */
export async function awaitSearchIndexes(connection: Neo4jConnection): Promise<void> {
  try {
    await connection.driver.executeQuery(
      'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()',
      {},
      { database: connection.database },
    );
  } catch (error) {
    throw toStoreError(error);
  }
}
