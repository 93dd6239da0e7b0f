import neo4j from 'neo4j-driver';

/** A database problem translated once, at the store boundary, into a sentence and a code. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    /** `DB_UNAVAILABLE` when Neo4j does not answer, `DB_ERROR` otherwise. */
    readonly code: 'DB_UNAVAILABLE' | 'DB_ERROR',
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
    return new StoreError(`Neo4j refused the operation (${error.code})`, 'DB_ERROR', {
      cause: error,
    });
  }
  return error;
}
