import { describe, expect } from 'vitest';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { readSources } from '../../src/pipeline/read-sources.ts';
import { dbTest as test } from '../support/db-test.ts';
import { asResults, SEED_FILE } from '../support/seed-results.ts';
import { clearGraph, countGraph } from '../support/test-database.ts';

describe('ingesting the seed', () => {
  test.beforeAll(async ({ connection, pool }) => {
    await clearGraph(connection);
    await ingestPapers(connection, readSources([SEED_FILE]), { pool });
  });

  test('holds the 41 seed papers, each linked to concepts', async ({ query }) => {
    const [row] = await query('MATCH (p:Paper) RETURN count(p) AS papers');
    expect(Number(row.papers)).toBe(41);
    const unlinked = await query(
      'MATCH (p:Paper) WHERE NOT (p)-->(:Concept) RETURN p.title AS title',
    );
    expect(unlinked).toEqual([]);
  });

  test('the Sophia paper uses Adam, with the sentence that says so', async ({ query }) => {
    const rows = await query(
      `MATCH (p:Paper)-[r:USES|COMPARES]->(c:Concept {id: 'concept:adam'})
       WHERE p.title STARTS WITH 'Sophia'
       RETURN type(r) AS type, r.sentence AS sentence, r.text AS text, r.rule AS rule, r.confidence AS confidence`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sentence).toContain('Adam');
    expect(rows[0].sentence).toContain(rows[0].text);
    expect(rows[0].confidence).toBeGreaterThan(0);
  });

  test('every paper-to-concept and claim relationship carries its evidence', async ({ query }) => {
    const [row] = await query(
      `MATCH (:Paper)-[r:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES|CLAIMS]->()
       RETURN count(r) AS total,
              count { MATCH (:Paper)-[r2:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES|CLAIMS]->()
                      WHERE r2.sentence IS NULL OR r2.sentence = '' OR r2.rule IS NULL OR r2.confidence IS NULL
                      RETURN r2 } AS missing`,
    );
    expect(Number(row.total)).toBe(230);
    expect(Number(row.missing)).toBe(0);
  });

  test('one node per concept however it is written: no two concepts share an alias key', async ({
    query,
  }) => {
    const rows = await query(
      `MATCH (c:Concept) UNWIND c.keys AS key WITH c.kind AS kind, key, collect(c.id) AS ids
       WHERE size(ids) > 1 RETURN kind, key, ids`,
    );
    expect(rows).toEqual([]);
  });

  test('ingesting the seed again leaves the graph exactly as it was', async ({
    connection,
    pool,
    query,
  }) => {
    const before = await countGraph(connection);
    const props = await query('MATCH (n) RETURN sum(size(keys(n))) AS n');
    const summary = await ingestPapers(connection, readSources([SEED_FILE]), { pool });
    expect(summary).toMatchObject({ read: 41, unchanged: 41, written: 0 });
    expect(await countGraph(connection)).toEqual(before);
    expect(await query('MATCH (n) RETURN sum(size(keys(n))) AS n')).toEqual(props);
  });
});

describe('re-ingesting a changed paper', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));

  test('replaces its old mentions and claims instead of piling them up', async ({
    connection,
    pool,
    query,
  }) => {
    const v1 = {
      id: 'p1',
      title: '',
      abstract: 'We train ResNet-50 with Adam on CIFAR-10 and get a 3x speedup.',
    };
    const v2 = { id: 'p1', title: '', abstract: 'We train BERT with SGD on GLUE.' };
    await ingestPapers(connection, asResults([v1]), { pool });
    await ingestPapers(connection, asResults([v2]), { pool });
    const linked = await query(
      'MATCH (:Paper {id: "p1"})-[r]->(c:Concept) RETURN c.id AS id ORDER BY id',
    );
    expect(linked.map((r) => r.id)).not.toContain('concept:adam');
    expect(linked.map((r) => r.id)).toContain('concept:glue');
    expect(await query('MATCH (c:Claim) RETURN c.id AS id')).toEqual([]);
    // Concepts only the old text named are gone, not left as orphans.
    expect(await query('MATCH (c:Concept) WHERE NOT (c)--() RETURN c.id AS id')).toEqual([]);
    expect(await query('MATCH (c:Concept {id: "concept:adam"}) RETURN c.id AS id')).toEqual([]);
  });
});

describe('technique lineage', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));
  const proposer = {
    id: 'a',
    title: 'LionNet: Symbolic Discovery of Optimizers',
    abstract: 'We propose LionNet, a new optimizer for training deep networks.',
  };
  const user = {
    id: 'b',
    title: '',
    abstract: 'We fine-tune ViT with LionNet and compare it against Adam.',
  };

  test.for([
    { arrival: 'proposer first', order: [proposer, user] },
    { arrival: 'user first', order: [user, proposer] },
  ])(
    'BUILDS_ON is derived whichever paper arrives first ($arrival)',
    async ({ order }, { connection, pool, query }) => {
      for (const paper of order) await ingestPapers(connection, asResults([paper]), { pool });
      const rows = await query(
        'MATCH (b:Paper)-[r:BUILDS_ON]->(a:Paper) RETURN b.id AS from, a.id AS to, r.via AS via',
      );
      expect(rows).toEqual([{ from: 'b', to: 'a', via: expect.stringMatching(/lionnet/) }]);
    },
  );

  test('lineage goes when the proposer no longer proposes the concept', async ({
    connection,
    pool,
    query,
  }) => {
    await ingestPapers(connection, asResults([proposer, user]), { pool });
    await ingestPapers(
      connection,
      asResults([
        { ...proposer, title: 'A study of optimizers', abstract: 'We study optimizers.' },
      ]),
      { pool },
    );
    expect(await query('MATCH ()-[r:BUILDS_ON]->() RETURN r')).toEqual([]);
  });
});
