// The composition root: builds the HTTP app (GraphQL, health, explorer) from its dependencies.
// main.ts only listens; tests call `app.fetch` in-process.
import { timingSafeEqual } from 'node:crypto';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { ExtractPool } from './extract/extract-pool.ts';
import { createLoaders, type GraphQLContext } from './graphql/context.ts';
import { EXAMPLE_QUERIES } from './graphql/example-queries.ts';
import { loadTypeDefs } from './graphql/load-type-defs.ts';
import { renderOfflineGraphiQL, useGraphiqlAssets } from './graphql/offline-graphiql.ts';
import { useHealth } from './graphql/plugins/use-health.ts';
import { useHttpGuards } from './graphql/plugins/use-http-guards.ts';
import { useRequestLog } from './graphql/plugins/use-request-log.ts';
import { useRequestTimeout } from './graphql/plugins/use-request-timeout.ts';
import { useSharedResponseCache } from './graphql/plugins/use-shared-response-cache.ts';
import { resolvers } from './graphql/resolvers/index.ts';
import type { Neo4jConnection } from './store/connect-neo4j.ts';
import { StoreError } from './store/store-error.ts';

export interface AppDeps {
  connection: Neo4jConnection;
  /** Bearer token that enables mutations; null turns them off. @default null */
  token?: string | null;
  /** Extraction workers for the ingestPapers mutation; without it, mutations extract in-thread. */
  pool?: ExtractPool | null;
  /** Extra plugins, e.g. the explorer's static files. */
  plugins?: Plugin[];
  /** Where request lines and unexpected errors go. @default nothing */
  log?: (line: string) => void;
  /** @default 15000 */
  requestTimeoutMs?: number;
  /**
   * Origins allowed to call the API from a browser; the explorer is same-origin and needs none.
   * @default []
   */
  corsOrigins?: string[];
  /** How long repeated queries are answered from memory, in ms; 0 = no cache. @default 0 */
  responseCacheMs?: number;
}

/** Query limits against abusive documents (depth, cost, aliases, tokens, directives). */
export const QUERY_LIMITS = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: 20_000 },
  maxAliases: { n: 15 },
  maxTokens: { n: 2_000 },
  maxDirectives: { n: 20 },
  blockFieldSuggestion: { enabled: true },
};

function bearerMatches(header: string | null, token: string | null): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length).trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createApp(deps: AppDeps) {
  const log = deps.log ?? (() => {});
  const token = deps.token ?? null;
  return createYoga({
    schema: createSchema<GraphQLContext>({ typeDefs: loadTypeDefs(), resolvers }),
    context: ({ request }): GraphQLContext => ({
      connection: deps.connection,
      authorized: bearerMatches(request.headers.get('authorization'), token),
      mutationsEnabled: token !== null,
      pool: deps.pool ?? null,
      loaders: createLoaders(deps.connection),
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/live',
    landingPage: false,
    // NOTE: an empty origin list means "allow all" to yoga, so no configured origin = CORS off.
    cors:
      deps.corsOrigins && deps.corsOrigins.length > 0
        ? {
            origin: deps.corsOrigins,
            methods: ['GET', 'POST'],
            allowedHeaders: ['content-type', 'authorization'],
            credentials: false,
          }
        : false,
    graphiql: { title: 'papergraph GraphQL', defaultTabs: EXAMPLE_QUERIES },
    renderGraphiQL: renderOfflineGraphiQL,
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof StoreError) {
          return new GraphQLError(original.message, { extensions: { code: original.code } });
        }
        // Errors written for the client (clientError) come back unchanged; the rest are masked.
        const masked = maskError(error, message, isDev);
        if (masked !== error) {
          log(
            `unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
          );
        }
        return masked;
      },
    },
    plugins: [
      useRequestLog(log),
      useHttpGuards(),
      useGraphiqlAssets(),
      useHealth(deps.connection),
      EnvelopArmorPlugin(QUERY_LIMITS),
      // Compiled execution: an eighth to a third less API-server CPU per answer (bench:api).
      useGraphQlJit(),
      useRequestTimeout(deps.requestTimeoutMs ?? 15_000),
      ...(deps.responseCacheMs ? [useSharedResponseCache({ ttlMs: deps.responseCacheMs })] : []),
      ...(deps.plugins ?? []),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
