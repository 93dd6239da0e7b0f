import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  findFreePort,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../src/local-neo4j/local-neo4j.ts';
import { applySchema } from '../../src/store/apply-schema.ts';
import { connectNeo4j, type Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { WRITE_STATEMENTS } from '../../src/store/write-papers.ts';

// Neo4j keeps a plan until the graph has changed a lot and 10 s have passed. Early in a first
// ingest the index statistics still say "empty" while the count store says hundreds of papers,
// and plans made then scanned the whole id index once per row, so that every batch cost more than
// the last (found with `npm run bench:ingest -- --profile`).
const SCANS = ['AllNodesScan', 'NodeByLabelScan', 'NodeIndexScan', 'DirectedRelationshipTypeScan'];

interface PlanNode {
  operatorType: string;
  children: PlanNode[];
}
const operators = (plan: PlanNode): string[] => [
  plan.operatorType.replace(/@.*/, ''),
  ...plan.children.flatMap(operators),
];

// A first batch's worth of rows for every parameter the statements take.
const ROWS = Array.from({ length: 500 }, (_, i) => ({
  id: `paper-${i}`,
  paperId: `paper-${i}`,
  conceptId: `concept:concept-${i}`,
  hardwareId: null,
  type: 'USES',
  label: 'Method',
  kind: 'method',
  name: `concept ${i}`,
  aliases: [],
  keys: [],
  props: {},
  evidence: {},
  collection: 'papers.jsonl',
}));
const PARAMS = {
  ids: ROWS.map((row) => row.id),
  conceptIds: ROWS.map((row) => row.conceptId),
  papers: ROWS,
  concepts: ROWS,
  links: ROWS,
  claims: ROWS,
  authors: ROWS,
  authorIds: ROWS.map((row) => `author:${row.id}`),
  rows: ROWS,
  maxProposers: 3,
};

// A Neo4j of its own: the shared test database's index statistics have seen other tests' graphs.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-plans-'));
let connection: Neo4jConnection;
const run = (query: string, params: Record<string, unknown> = {}) =>
  connection.driver.executeQuery(query, params, { database: connection.database });

beforeAll(async () => {
  const { boltUrl } = await startLocalNeo4j({
    dataDir,
    port: await findFreePort(),
    heapMb: 512,
    pageCacheMb: 128,
    tiedToParent: true,
  });
  connection = await connectNeo4j({ uri: boltUrl });
  await applySchema(connection);
  // A first batch, which the index statistics have not sampled yet.
  await run(`UNWIND $ids AS id CREATE (:Paper {id: id})`, PARAMS);
  await run(`UNWIND $conceptIds AS id CREATE (:Concept:Method {id: id})`, PARAMS);
  await run('CALL db.clearQueryCaches()');
});
afterAll(async () => {
  await connection?.close();
  await stopLocalNeo4j(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
});

test.each(Object.entries(WRITE_STATEMENTS))(
  '%s, planned early in a first ingest, seeks what it reads by id',
  async (_name, statement) => {
    const { summary } = await run(`EXPLAIN ${statement}`, PARAMS);
    const used = operators(summary.plan as unknown as PlanNode);
    expect(used.filter((operator) => SCANS.includes(operator))).toEqual([]);
  },
);
