import type { Neo4jConnection } from './connect-neo4j.ts';
import { toNumber } from './neo4j-values.ts';
import { toStoreError } from './store-error.ts';

const COUNT_PAPERS = 'MATCH (p:Paper) WHERE p.stub = false RETURN count(p) AS n';

export async function countPapersInGraph(connection: Neo4jConnection): Promise<number> {
  try {
    const { records } = await connection.driver.executeQuery(
      COUNT_PAPERS,
      {},
      { database: connection.database, routing: 'READ' },
    );
    return toNumber(records[0].get('n'));
  } catch (error) {
    throw toStoreError(error);
  }
}
