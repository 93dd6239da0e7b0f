/**
 * Errors whose message is meant for the user: printed as one line, no stack trace.
 * Anything else is a bug and keeps its stack.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

const USER_FACING = new Set([
  'UserFacingError',
  'ConfigError',
  'LocalNeo4jError',
  'InputError',
  'StoreError',
]);

export function reportFailure(error: unknown): void {
  if (error instanceof Error && USER_FACING.has(error.name)) {
    console.error(`papergraph: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
