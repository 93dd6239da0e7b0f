import type { Neo4jConnection } from './connect-neo4j.ts';
import { readOne } from './run-read.ts';

const COUNT_PAPERS = 'MATCH (p:Paper) WHERE p.stub = false RETURN count(p) AS n';

/** Papers in the graph, not counting stubs known only as citation targets. */
export async function countPapersInGraph(connection: Neo4jConnection): Promise<number> {
  return (await readOne(connection, COUNT_PAPERS, {}, (row) => row.number('n'))) ?? 0;
}
