// The synthetic benchmark graph of a given size, built once under .papergraph/ and kept, on the
// benchmark Neo4j (bench-neo4j.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ReadResult } from '../src/ingest/read-result.ts';
import { stopLocalNeo4j } from '../src/local-neo4j/local-neo4j.ts';
import { ingestPapers } from '../src/pipeline/ingest-papers.ts';
import { applySchema } from '../src/store/apply-schema.ts';
import { connectNeo4j, type Neo4jConnection } from '../src/store/connect-neo4j.ts';
import { countPapersInGraph } from '../src/store/count-papers-in-graph.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';

export interface BenchGraph {
  connection: Neo4jConnection;
  boltUrl: string;
  /** The Neo4j's process id, to read its CPU time. */
  pid: number;
  dataDir: string;
  /** Papers in the graph: `papers`, unless it was opened without building. */
  present: number;
  /** Closes the connection and stops the Neo4j. */
  close(): Promise<void>;
}

function* results(count: number): Generator<ReadResult> {
  for (const paper of syntheticCorpus(count)) yield { kind: 'paper', paper, where: paper.id };
}

/** Starts the benchmark Neo4j on `.papergraph/bench-graph-<papers>`, ingesting what is missing. */
export async function openBenchGraph(
  papers: number,
  log: (line: string) => void,
  { build = true } = {},
): Promise<BenchGraph> {
  const dataDir = path.resolve('.papergraph', `bench-graph-${papers}`);
  mkdirSync(dataDir, { recursive: true });
  const { boltUrl, pid } = await startBenchNeo4j(dataDir);
  const connection = await connectNeo4j({ uri: boltUrl });
  await applySchema(connection);
  let present = await countPapersInGraph(connection);
  if (build && present < papers) {
    log(`building the ${papers}-paper benchmark graph (${present} present; kept in ${dataDir})...`);
    await ingestPapers(connection, results(papers), {
      onProgress: (p) => {
        if ((p.written + p.unchanged) % 10_000 === 0) log(`  ${p.written + p.unchanged} papers`);
      },
    });
    present = await countPapersInGraph(connection);
  }
  return {
    connection,
    boltUrl,
    pid,
    dataDir,
    present,
    async close() {
      await connection.close();
      await stopLocalNeo4j(dataDir);
    },
  };
}
