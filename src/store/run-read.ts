import { setTimeout as sleep } from 'node:timers/promises';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt } from './neo4j-values.ts';
import { Row } from './row.ts';
import { StoreError, toStoreError } from './store-error.ts';

/** Server-side limit on any read, so one heavy query cannot hold the database. @default 10000 */
export const READ_TIMEOUT_MS = 10_000;

/**
 * Runs a parameterised read and returns plain row objects; driver errors become StoreErrors.
 * NOTE: an auto-commit query sends RUN and PULL in one round trip and no BEGIN / COMMIT: about
 * half the server CPU of a managed transaction (executeQuery) for the small reads of the API.
 * Reads are idempotent, so transient failures are retried here, within the connection's retry
 * budget.
 */
export async function runRead(
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown> = {},
  /** Longer for the pages of an export than for an API request. */
  timeoutMs = READ_TIMEOUT_MS,
): Promise<Record<string, unknown>[]> {
  const giveUpAt = Date.now() + connection.retryMs;
  for (let attempt = 0; ; attempt += 1) {
    // A plain session carries no bookmarks: reads need no causal chaining to earlier writes.
    const session = connection.driver.session({
      database: connection.database,
      defaultAccessMode: 'READ',
    });
    try {
      const result = await session.run(query, params, { timeout: timeoutMs });
      return result.records.map((record) => record.toObject());
    } catch (error) {
      const failure = toStoreError(error);
      const transient = failure instanceof StoreError && failure.code === 'DB_UNAVAILABLE';
      if (!transient || Date.now() + retryDelay(attempt) > giveUpAt) throw failure;
      await sleep(retryDelay(attempt));
    } finally {
      await session.close().catch(() => {});
    }
  }
}

/** Runs a read and decodes every row, by column name and type, into a domain object. */
export async function readRows<T>(
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown>,
  decode: (row: Row) => T,
): Promise<T[]> {
  return (await runRead(connection, query, params)).map((values) => decode(new Row(values)));
}

/** Runs a read of one row (an aggregate, a lookup) and decodes it; undefined when none came. */
export async function readOne<T>(
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown>,
  decode: (row: Row) => T,
): Promise<T | undefined> {
  const [values] = await runRead(connection, query, params);
  return values === undefined ? undefined : decode(new Row(values));
}

/** 100 ms, doubling, at most 1 s. */
const retryDelay = (attempt: number) => Math.min(1000, 100 * 2 ** attempt);

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
  decode: (row: Row) => T,
): Promise<Page<T>> {
  const paged = { ...params, offset: toInt(window.offset), first: toInt(window.first) };
  const [counted, items] = await Promise.all([
    readOne(connection, queries.count, params, (row) => row.number('n')),
    readRows(connection, queries.page, paged, decode),
  ]);
  const totalCount = counted ?? 0;
  return {
    totalCount,
    items,
    offset: window.offset,
    hasNextPage: window.offset + window.first < totalCount,
  };
}
