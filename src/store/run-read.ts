import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt, toNumber } from './neo4j-values.ts';
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
      // Reads need no causal chaining to earlier writes here; bookmarks cost ~2 ms a query.
      bookmarkManager: null,
    });
    return result.records.map((record) => record.toObject());
  } catch (error) {
    throw toStoreError(error);
  }
}

/** One page of a longer answer, with what a cursor connection needs. */
export interface Page<T> {
  totalCount: number;
  items: T[];
  offset: number;
  hasNextPage: boolean;
}

/**
 * Runs a count query (returning `n`) and a page query side by side, with `$offset` and `$first`
 * added to the parameters, and maps the page's rows.
 */
export async function readPage<T>(
  connection: Neo4jConnection,
  queries: { count: string; page: string },
  params: Record<string, unknown>,
  window: { offset: number; first: number },
  toItem: (row: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const paged = { ...params, offset: toInt(window.offset), first: toInt(window.first) };
  const [countRows, rows] = await Promise.all([
    runRead(connection, queries.count, params),
    runRead(connection, queries.page, paged),
  ]);
  const totalCount = toNumber(countRows[0]?.n);
  return {
    totalCount,
    items: rows.map(toItem),
    offset: window.offset,
    hasNextPage: window.offset + window.first < totalCount,
  };
}
