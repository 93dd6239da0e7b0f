import neo4j from 'neo4j-driver';

/** A database problem translated once, at the store boundary, into a sentence and a code. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    /**
     * `DB_UNAVAILABLE` when Neo4j does not answer, `DB_CONFLICT` when a concurrent write deleted
     * what the operation had found (trying again works), `DB_ERROR` otherwise.
     */
    readonly code: 'DB_UNAVAILABLE' | 'DB_CONFLICT' | 'DB_ERROR',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Maps a neo4j-driver error to a StoreError; anything else passes through unchanged. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (error instanceof neo4j.Neo4jError) {
    // `retryable` also covers a server going away mid-transaction.
    if (
      error.code === neo4j.error.SERVICE_UNAVAILABLE ||
      error.code === neo4j.error.SESSION_EXPIRED ||
      error.retryable
    ) {
      return new StoreError('Neo4j is not answering; try again shortly', 'DB_UNAVAILABLE', {
        cause: error,
      });
    }
    // E.g. a concept removed as an orphan by a rewrite that committed while this write waited
    // for its lock: the transaction rolled back whole, and a new one finds the graph as it is now.
    if (error.code === 'Neo.ClientError.Statement.EntityNotFound') {
      return new StoreError(
        'a concurrent write deleted what this operation was working on; try again',
        'DB_CONFLICT',
        { cause: error },
      );
    }
    return new StoreError(`Neo4j refused the operation (${error.code})`, 'DB_ERROR', {
      cause: error,
    });
  }
  return error;
}
