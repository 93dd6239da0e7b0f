// The composition root: builds the HTTP app (GraphQL, health, explorer) from its dependencies.
// main.ts only listens; tests call `app.fetch` in-process.
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './graphql/context.ts';
import { loadTypeDefs } from './graphql/load-type-defs.ts';
import { resolvers } from './graphql/resolvers.ts';
import { type Neo4jConnection, pingNeo4j } from './store/connect-neo4j.ts';

export interface AppDeps {
  connection: Neo4jConnection;
}

function healthPlugin(connection: Neo4jConnection): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/health') return;
      const up = await pingNeo4j(connection);
      endResponse(
        fetchAPI.Response.json(
          { status: up ? 'ok' : 'degraded', neo4j: up ? 'up' : 'down' },
          { status: up ? 200 : 503 },
        ),
      );
    },
  };
}

export function createApp(deps: AppDeps) {
  return createYoga({
    schema: createSchema<GraphQLContext>({ typeDefs: loadTypeDefs(), resolvers }),
    context: () => ({ connection: deps.connection }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/live',
    landingPage: false,
    plugins: [healthPlugin(deps.connection)],
  });
}

export type App = ReturnType<typeof createApp>;
