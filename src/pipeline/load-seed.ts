import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import { countPapersInGraph } from '../store/count-papers-in-graph.ts';
import { ingestPapers, type IngestSummary } from './ingest-papers.ts';
import { readSources } from './read-sources.ts';

const CORPUS_FILE = /\.(txt|jsonl|xml|atom)$/i;

/** The corpus files of a seed path: the file itself, or a folder's corpus files (not its README). */
export function seedFiles(seedPath: string): string[] {
  if (!statSync(seedPath).isDirectory()) return [seedPath];
  return readdirSync(seedPath)
    .filter((name) => CORPUS_FILE.test(name))
    .sort()
    .map((name) => path.join(seedPath, name));
}

/** The collection the seed's papers join. */
export const SEED_COLLECTION = 'seed';

/** Loads the seed corpus into an empty graph; a graph that holds papers is left alone. */
export async function loadSeedIfEmpty(
  connection: Neo4jConnection,
  seedPath: string,
): Promise<IngestSummary | null> {
  if ((await countPapersInGraph(connection)) > 0) return null;
  return ingestPapers(connection, readSources(seedFiles(seedPath), undefined, SEED_COLLECTION));
}
