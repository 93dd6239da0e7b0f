/** A problem with the local Neo4j that the user can act on; printed without a stack trace. */
export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}
