import { clientError } from './errors.ts';

/** Largest page a client may ask for. */
export const MAX_PAGE = 100;

/** Cursors are opaque: base64url of the offset after the item. */
export const cursorAt = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

export function pageArgs(first: number | null | undefined, after: string | null | undefined) {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) {
    throw clientError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE}, got ${size}`);
  }
  let offset = 0;
  if (after) {
    const match = /^o:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
    if (!match)
      throw clientError(
        'BAD_USER_INPUT',
        `after is not a cursor this API gave out: "${after.slice(0, 40)}"`,
      );
    offset = Number(match[1]);
  }
  return { first: size, offset };
}

/** A Relay connection from a page of items starting at `offset`. */
export function toConnection<T>(page: {
  totalCount: number;
  items: T[];
  offset: number;
  hasNextPage: boolean;
}) {
  const edges = page.items.map((node, i) => ({ cursor: cursorAt(page.offset + i + 1), node }));
  return {
    totalCount: page.totalCount,
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
