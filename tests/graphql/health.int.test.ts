import neo4j from 'neo4j-driver';
import { describe, expect } from 'vitest';
import { createApp } from '../../src/app.ts';
import { findFreePort } from '../../src/local-neo4j/local-neo4j.ts';
import type { Neo4jConnection } from '../../src/store/connect-neo4j.ts';
import { dbTest as test } from '../support/db-test.ts';

describe('/health', () => {
  test('reports Neo4j up when it answers', async ({ connection }) => {
    const response = await createApp({ connection }).fetch('http://papergraph/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });

  test('answers 503 with neo4j down when nothing listens on the Bolt port', async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${await findFreePort()}`, undefined, {
      connectionTimeout: 1000,
    });
    const down: Neo4jConnection = {
      driver,
      database: 'neo4j',
      retryMs: 0,
      close: () => driver.close(),
    };
    const response = await createApp({ connection: down }).fetch('http://papergraph/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', neo4j: 'down' });
    await down.close();
  });
});
