// Re-resolves a whole graph: every stored paper extracted and written again, so concepts,
// families, kinds and roles follow the current extractor and lexicon, whatever order the
// papers first arrived in. Also how a graph with `kind:slug` concept ids is migrated.
import type { ReadResult } from '../ingest/read-result.ts';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import {
  deleteKindedConcepts,
  hasKindedConceptIds,
  readStoredPapers,
} from '../store/paper-reads.ts';
import { ingestPapers, type IngestOptions, type IngestSummary } from './ingest-papers.ts';

async function* storedPapers(connection: Neo4jConnection): AsyncGenerator<ReadResult> {
  for await (const paper of readStoredPapers(connection)) {
    yield { kind: 'paper', paper, where: `graph:${paper.id}` };
  }
}

/** Extracts and rewrites every paper of the graph (`force`: even those the extractor would skip). */
export async function resolveGraph(
  connection: Neo4jConnection,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  return ingestPapers(connection, storedPapers(connection), { force: true, ...options });
}

/** Rewrites a graph written with concept ids of the `kind:slug` form; null when none is. */
export async function migrateConceptIds(
  connection: Neo4jConnection,
  log: (line: string) => void,
): Promise<IngestSummary | null> {
  if (!(await hasKindedConceptIds(connection))) return null;
  log('papergraph: concept ids no longer carry their kind; re-resolving the graph once');
  const summary = await resolveGraph(connection);
  // Concepts no paper linked any more (nothing rewrote them) go with the old ids.
  await deleteKindedConcepts(connection);
  return summary;
}
