import type { Plugin } from 'graphql-yoga';
import { type Neo4jConnection, pingNeo4j } from '../../store/connect-neo4j.ts';

/** `/health`: 200 when Neo4j answers, 503 when it does not; the server itself stays up. */
export function useHealth(connection: Neo4jConnection): Plugin {
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
