import type { Neo4jConnection } from '../store/connect-neo4j.ts';

export interface GraphQLContext {
  connection: Neo4jConnection;
}
