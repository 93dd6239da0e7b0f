/** A whole input cannot be read (missing, unreadable, binary, unknown format): told to the user. */
export class InputError extends Error {
  override name = 'InputError';
}
