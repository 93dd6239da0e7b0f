import { GraphQLError } from 'graphql';

export type ErrorCode =
  'BAD_USER_INPUT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND' | 'DB_UNAVAILABLE' | 'TIMEOUT';

/** An error meant for the client: a clear sentence and a code; yoga does not mask it. */
export function clientError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
