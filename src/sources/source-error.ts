/** A service refused, failed or answered with something unreadable: one sentence for the user. */
export class SourceError extends Error {
  override name = 'SourceError';
}
