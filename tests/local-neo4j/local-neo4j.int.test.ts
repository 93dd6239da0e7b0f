import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  findFreePort,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../src/local-neo4j/local-neo4j.ts';
import { connectNeo4j } from '../../src/store/connect-neo4j.ts';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the local Neo4j lifecycle', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-lifecycle-'));
  afterAll(async () => {
    await stopLocalNeo4j(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('starts, answers Bolt, starts twice harmlessly, survives kill -9 detection, stops with no orphan', async () => {
    const port = await findFreePort();
    const first = await startLocalNeo4j({
      dataDir,
      port,
      heapMb: 512,
      pageCacheMb: 64,
      tiedToParent: true,
    });
    expect(first.started).toBe(true);

    const again = await startLocalNeo4j({
      dataDir,
      port,
      heapMb: 512,
      pageCacheMb: 64,
      tiedToParent: true,
    });
    expect(again).toEqual({ pid: first.pid, boltUrl: first.boltUrl, started: false });

    const connection = await connectNeo4j({ uri: first.boltUrl });
    const { records } = await connection.driver.executeQuery(
      'CREATE (n:Probe {x: 41}) RETURN n.x + 1 AS y',
    );
    expect(records[0].get('y').toNumber()).toBe(42);
    await connection.close();

    process.kill(first.pid, 'SIGKILL');
    await expect.poll(() => isAlive(first.pid)).toBe(false);
    const stale = await localNeo4jStatus(dataDir);
    expect(stale).toMatchObject({ state: 'stale', pid: first.pid });

    const restarted = await startLocalNeo4j({
      dataDir,
      port,
      heapMb: 512,
      pageCacheMb: 64,
      tiedToParent: true,
    });
    expect(restarted.started).toBe(true);
    expect(await localNeo4jStatus(dataDir)).toMatchObject({ state: 'running', pid: restarted.pid });

    // The data written before the kill -9 survived it.
    const reopened = await connectNeo4j({ uri: restarted.boltUrl });
    const probe = await reopened.driver.executeQuery('MATCH (n:Probe) RETURN count(n) AS c');
    expect(probe.records[0].get('c').toNumber()).toBe(1);
    await reopened.close();

    expect(await stopLocalNeo4j(dataDir)).toBe(true);
    await expect.poll(() => isAlive(restarted.pid)).toBe(false);
    expect(await localNeo4jStatus(dataDir)).toEqual({ state: 'stopped' });
  });

  test('without Java, `db start` names both ways out and exits non-zero without a stack trace', () => {
    const bin = path.resolve('bin/papergraph');
    const result = spawnSync(process.execPath, [bin, 'db', 'start'], {
      env: { PATH: '/nonexistent', PAPERGRAPH_DATA_DIR: dataDir, PAPERGRAPH_BOLT_PORT: '1' },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Java (JDK 17+) was not found');
    expect(result.stderr).toContain('NEO4J_URI');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
