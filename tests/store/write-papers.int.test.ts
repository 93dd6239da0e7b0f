import { expect } from 'vitest';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { WRITE_STATEMENTS } from '../../src/store/write-papers.ts';
import { dbTest as test } from '../support/db-test.ts';

const run = (connection: Neo4jConnection, query: string) =>
  connection.driver.executeQuery(query, {}, { database: connection.database });

// Two writes at once, statement by statement: B's write has found concept X while A's rewrite
// drops A's link to X, the only one, and removes X as an orphan. Before the concept upsert locked
// every concept it touched, A deleted X under B, and B's link to X was silently never written.
test('a concept another write is linking to is not removed as an orphan', async ({
  connection,
}) => {
  await run(
    connection,
    `CREATE (:Paper {id: 'race:a', stub: false})-[:USES {confidence: 0.9}]->
                    (:Concept:Method {id: 'concept:race-x', name: 'race x', kind: 'method',
                                      aliases: ['race x'], keys: ['race x']})`,
  );
  await run(connection, "CREATE (:Paper {id: 'race:b', stub: false})");
  const sessionA = connection.driver.session({ database: connection.database });
  const sessionB = connection.driver.session({ database: connection.database });
  try {
    const txB = await sessionB.beginTransaction();
    const txA = await sessionA.beginTransaction();
    await txB.run(WRITE_STATEMENTS.UPSERT_CONCEPTS, {
      concepts: [
        {
          id: 'concept:race-x',
          kind: 'method',
          label: 'Method',
          name: 'race x',
          aliases: ['race x'],
          keys: ['race x'],
        },
      ],
    });
    const steps: string[] = [];
    const rewriteA = (async () => {
      await txA.run(WRITE_STATEMENTS.CLEAR_DERIVED, { ids: ['race:a'] });
      await txA.run(WRITE_STATEMENTS.DELETE_ORPHANS, { conceptIds: ['concept:race-x'] });
      await txA.commit();
      steps.push('A committed');
    })();
    // A waits for B's lock on X; without it A runs through, and no transaction is ever blocked.
    await waitForBlockedTransaction(connection);
    await txB.run(WRITE_STATEMENTS.CREATE_LINKS, {
      links: [
        {
          type: 'USES',
          paperId: 'race:b',
          conceptId: 'concept:race-x',
          props: { confidence: 0.8 },
        },
      ],
    });
    await txB.commit();
    steps.push('B committed');
    await rewriteA;
    expect(steps).toEqual(['B committed', 'A committed']);
  } finally {
    await sessionA.close();
    await sessionB.close();
  }
  const { records } = await run(
    connection,
    "MATCH (p:Paper)-[:USES]->(:Concept {id: 'concept:race-x'}) RETURN collect(p.id) AS users",
  );
  expect(records[0].get('users')).toEqual(['race:b']);
});

// The other order: A's rewrite has removed X (not yet committed) when B's write reaches X. B waits
// for A's lock, finds X gone and fails with DB_CONFLICT; the ingest writes the batch again, which
// recreates X.
test('a batch that meets a concept removed under it is written again, recreating the concept', async ({
  connection,
  pool,
}) => {
  await run(
    connection,
    `CREATE (:Paper {id: 'race:c', stub: false})-[:USES {confidence: 0.9}]->
                    (:Concept:Method {id: 'concept:adam', name: 'Adam', kind: 'method',
                                      aliases: ['Adam'], keys: ['adam']})`,
  );
  const sessionA = connection.driver.session({ database: connection.database });
  try {
    const txA = await sessionA.beginTransaction();
    await txA.run(WRITE_STATEMENTS.CLEAR_DERIVED, { ids: ['race:c'] });
    await txA.run(WRITE_STATEMENTS.DELETE_ORPHANS, { conceptIds: ['concept:adam'] });
    const paper = {
      id: 'race:d',
      title: 'Race D',
      abstract: 'We train the network with Adam.',
      source: 'jsonl',
    };
    const ingestB = ingestPapers(connection, [{ kind: 'paper', paper, where: 'race:d' }], {
      pool,
    });
    await waitForBlockedTransaction(connection);
    await txA.commit();
    const summary = await ingestB;
    expect(summary.written).toBe(1);
  } finally {
    await sessionA.close();
  }
  const { records } = await run(
    connection,
    `MATCH (p:Paper)-[:USES]->(c:Concept {id: 'concept:adam'})
     RETURN collect(p.id) AS users, c.name AS name, labels(c) AS labels`,
  );
  expect(records[0].toObject()).toEqual({
    users: ['race:d'],
    name: 'Adam',
    labels: ['Concept', 'Method'],
  });
});

/** Waits until some transaction waits for a lock another one holds. */
async function waitForBlockedTransaction(connection: Neo4jConnection) {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const { records } = await run(
      connection,
      "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
    );
    if (Number(records[0].get('n')) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no transaction became blocked within 30 s');
}
