import type { Neo4jConnection } from './connect-neo4j.ts';
import { toNumber } from './neo4j-values.ts';
import { runRead } from './run-read.ts';

const COUNT_PAPERS = 'MATCH (p:Paper) WHERE p.stub = false RETURN count(p) AS n';

/** Papers in the graph, not counting stubs known only as citation targets. */
export async function countPapersInGraph(connection: Neo4jConnection): Promise<number> {
  const [row] = await runRead(connection, COUNT_PAPERS);
  return toNumber(row?.n);
}
