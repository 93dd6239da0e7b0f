import {
  createInMemoryCache,
  hashSHA256,
  useResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface SharedResponseCacheOptions {
  /** How long a query's result is served from memory, in ms. */
  ttlMs: number;
  /** Most results kept (a large neighbourhood is ~0.5 MB). @default 256 */
  maxEntries?: number;
}

/**
 * Query results shared by every client for `ttlMs`: the graph is public (no per-user answers) and
 * read far more than written, and the explorer's start view, a shared link or a GraphiQL example
 * is the same query for everyone. A mutation through this server empties the cache: cache keys
 * carry a generation that every mutation bumps. Writes by another process (`papergraph ingest`
 * beside a running server) show after at most `ttlMs`.
 */
export function useSharedResponseCache(options: SharedResponseCacheOptions): Plugin {
  let generation = 0;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useResponseCache({
          session: () => null,
          ttl: options.ttlMs,
          cache: createInMemoryCache({ max: options.maxEntries ?? 256 }),
          // Entity tracking is for invalidating by id; a whole-cache generation replaces it.
          invalidateViaMutation: false,
          buildResponseCacheKey: ({ documentString, variableValues, operationName }) =>
            hashSHA256(
              [
                generation,
                operationName ?? '',
                JSON.stringify(variableValues ?? {}),
                documentString,
              ].join('\n'),
            ),
        }),
      );
    },
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') {
        return {
          onExecuteDone() {
            generation += 1;
          },
        };
      }
      return undefined;
    },
  };
}
