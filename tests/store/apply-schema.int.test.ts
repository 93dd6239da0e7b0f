import { describe, expect } from 'vitest';
import { applySchema } from '../../src/store/apply-schema.ts';
import { dbTest as test } from '../support/db-test.ts';

describe('applySchema on the real Neo4j', () => {
  test('creates every constraint and full-text index, and is idempotent', async ({
    connection,
  }) => {
    await applySchema(connection);
    const { records } = await connection.driver.executeQuery(
      'SHOW INDEXES YIELD name, type WHERE type <> "LOOKUP" RETURN name, type ORDER BY name',
      {},
      { database: connection.database },
    );
    expect(records.map((r) => `${r.get('name')} ${r.get('type')}`)).toMatchInlineSnapshot(`
      [
        "addresses_rank RANGE",
        "author_id RANGE",
        "background_rank RANGE",
        "claim_id RANGE",
        "claim_kind RANGE",
        "collection_name RANGE",
        "compares_rank RANGE",
        "concept_id RANGE",
        "concept_keys RANGE",
        "concept_names FULLTEXT",
        "evaluates_on_rank RANGE",
        "measures_rank RANGE",
        "paper_external_ids FULLTEXT",
        "paper_id RANGE",
        "paper_published RANGE",
        "paper_text FULLTEXT",
        "paper_year RANGE",
        "proposes_rank RANGE",
        "uses_rank RANGE",
      ]
    `);
  });

  test('recreates the full-text indexes of older graphs as eventually consistent', async ({
    connection,
  }) => {
    const run = (cypher: string) =>
      connection.driver.executeQuery(cypher, {}, { database: connection.database });
    await run('DROP INDEX paper_text');
    await run('CREATE FULLTEXT INDEX paper_text FOR (p:Paper) ON EACH [p.title, p.abstract]');
    await run("CREATE (:Paper {id: 'old:2', title: 'Quasar lensing before the migration'})");
    await applySchema(connection);
    const { records } = await run(
      `SHOW FULLTEXT INDEXES YIELD name, options WHERE name IN ['paper_text', 'concept_names']
       RETURN name, options.indexConfig['fulltext.eventually_consistent'] AS eventual ORDER BY name`,
    );
    expect(records.map((r) => [r.get('name'), r.get('eventual')])).toEqual([
      ['concept_names', true],
      ['paper_text', true],
    ]);
    const found = await run(
      "CALL db.index.fulltext.queryNodes('paper_text', 'quasar') YIELD node RETURN node.id AS id",
    );
    expect(found.records.map((r) => r.get('id'))).toEqual(['old:2']);
  });

  test('a second paper with the same id is refused by the constraint', async ({ connection }) => {
    const create = () =>
      connection.driver.executeQuery(
        'CREATE (:Paper {id: "dup"})',
        {},
        { database: connection.database },
      );
    await create();
    await expect(create()).rejects.toThrow(/already exists/);
  });

  test('links written without a rank key (older graphs) get theirs', async ({ connection }) => {
    const run = (cypher: string) =>
      connection.driver.executeQuery(cypher, {}, { database: connection.database });
    await run(
      `CREATE (:Paper {id: 'old:1', title: 'An Old Paper'})-[:EVALUATES_ON {confidence: 0.9}]->
              (:Concept:Dataset {id: 'concept:old', name: 'Old', kind: 'dataset'})`,
    );
    await applySchema(connection);
    const { records } = await run(
      "MATCH (:Paper {id: 'old:1'})-[r:EVALUATES_ON]->() RETURN r.rankKey AS key",
    );
    expect(records[0].get('key')).toBe('concept:old|0100|an old paper|old:1');
  });
});
