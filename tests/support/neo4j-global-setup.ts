// Starts a throwaway Neo4j on a free port with a temporary data directory for the integration
// tests (or uses NEO4J_URI when set), and stops it afterwards: tests never touch a developer's
// database and never collide with a running `npm start`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  findFreePort,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../src/local-neo4j/local-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user?: string; password?: string; database?: string };
  }
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER,
      password: process.env.NEO4J_PASSWORD,
      database: process.env.NEO4J_DATABASE,
    });
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-test-neo4j-'));
  const port = await findFreePort();
  const { boltUrl } = await startLocalNeo4j({
    dataDir,
    port,
    heapMb: 1024,
    pageCacheMb: 256,
    tiedToParent: true,
    log: (line) => console.log(`[test neo4j] ${line}`),
  });
  project.provide('neo4j', { uri: boltUrl });
  return async () => {
    await stopLocalNeo4j(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
