import type { Neo4jConnection } from './connect-neo4j.ts';
import { toStoreError } from './store-error.ts';

/** Server-side limit on any read, so one heavy query cannot hold the database. @default 10000 */
export const READ_TIMEOUT_MS = 10_000;

/**
 * Runs a parameterised read and returns plain row objects; driver errors become StoreErrors.
 * NOTE: executeQuery pipelines BEGIN, RUN and COMMIT: one round trip where a session's
 * executeRead takes two or more, which halves the latency of small API reads.
 */
export async function runRead(
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  try {
    const result = await connection.driver.executeQuery(query, params, {
      database: connection.database,
      routing: 'READ',
      transactionConfig: { timeout: READ_TIMEOUT_MS },
    });
    return result.records.map((record) => record.toObject());
  } catch (error) {
    throw toStoreError(error);
  }
}
