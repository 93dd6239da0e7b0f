// The Neo4j every benchmark runs against: the same size everywhere (heap 2 GB, page cache 1 GB),
// on a free port, stopped with the benchmark if it dies.
import { findFreePort, startLocalNeo4j } from '../src/local-neo4j/local-neo4j.ts';

export async function startBenchNeo4j(dataDir: string) {
  return startLocalNeo4j({
    dataDir,
    port: await findFreePort(),
    heapMb: 2048,
    pageCacheMb: 1024,
    tiedToParent: true,
  });
}
