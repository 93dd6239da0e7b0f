// `dbTest`: vitest's `test` with the integration tests' shared resources as file-scoped
// fixtures. A file asks for what it uses (`async ({ connection }) => ...`, or
// `dbTest.beforeAll(async ({ connection, pool }) => ...)` to seed), gets one of each for all its
// tests, and has them closed after its last test. Fixtures start lazily: a test that names
// `connection` fails when the database is off, one that names nothing never touches it.
/* eslint-disable no-empty-pattern -- vitest reads what a fixture needs from its destructured
   first parameter: `{}` is how a fixture says it needs no other. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'vitest';
import { createExtractPool } from '../../src/extract/extract-pool.ts';
import { dumpGraph, graphFingerprint, openTestDatabase } from './test-database.ts';

export const dbTest = test
  /** The throwaway Neo4j, schema applied and graph emptied when the file first asks for it. */
  .extend('connection', { scope: 'file' }, async ({}, { onCleanup }) => {
    const connection = await openTestDatabase();
    onCleanup(() => connection.close());
    return connection;
  })
  /** Two extraction workers, as a small `papergraph ingest` run would have. */
  .extend('pool', { scope: 'file' }, async ({}, { onCleanup }) => {
    const pool = createExtractPool({ workers: 2 });
    onCleanup(() => pool.close());
    return pool;
  })
  /** Cypher's rows as plain objects. */
  .extend(
    'query',
    { scope: 'file' },
    async ({ connection }) =>
      async (cypher: string, params: Record<string, unknown> = {}) =>
        (
          await connection.driver.executeQuery(cypher, params, { database: connection.database })
        ).records.map((r) => r.toObject()),
  )
  /** The graph, whole: every node and relationship, and the readable lines of what they say. */
  .extend('snapshotGraph', { scope: 'file' }, async ({ connection }) => async () => ({
    fingerprint: await graphFingerprint(connection),
    dump: await dumpGraph(connection),
  }))
  /** A temporary folder for the file's inputs and outputs, removed after its last test. */
  .extend('dir', { scope: 'file' }, async ({}, { onCleanup }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-'));
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
