// Per-request context: the connection, who is asking, and DataLoaders so that no field is
// N+1 against Neo4j (each loader turns a tick's worth of keys into one Cypher query).
import DataLoader from 'dataloader';
import type { Claim, Paper } from '../domain.ts';
import type { Neo4jConnection } from '../store/connect-neo4j.ts';
import {
  loadConcepts,
  loadFamilies,
  loadLinksOfPapers,
  type ConceptFamily,
  type ConceptWithCount,
  type PaperConceptLink,
} from '../store/concept-reads.ts';
import { loadLinks, type LinkWithEvidence } from '../store/load-links.ts';
import { loadPapers } from '../store/paper-reads.ts';
import {
  loadAuthorsOfPapers,
  loadCollectionsOfPapers,
  loadClaimsOfPapers,
  loadLineage,
  type LineageLink,
} from '../store/paper-relations.ts';
import type { ExtractPool } from '../extract/extract-pool.ts';

export interface GraphQLContext {
  connection: Neo4jConnection;
  /** True when the request carried the configured bearer token. */
  authorized: boolean;
  /** False when no token is configured: mutations are off. */
  mutationsEnabled: boolean;
  pool: ExtractPool | null;
  loaders: Loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

function byKey<V>(
  load: (keys: readonly string[]) => Promise<Map<string, V>>,
  fallback: () => V | null,
) {
  return new DataLoader<string, V | null>(async (keys) => {
    const found = await load(keys);
    return keys.map((key) => found.get(key) ?? fallback());
  });
}

export function createLoaders(connection: Neo4jConnection) {
  return {
    paper: byKey<Paper>(
      (ids) => loadPapers(connection, ids),
      () => null,
    ),
    concept: byKey<ConceptWithCount>(
      (ids) => loadConcepts(connection, ids),
      () => null,
    ),
    family: byKey<ConceptFamily>(
      (ids) => loadFamilies(connection, ids),
      () => null,
    ),
    links: byKey<PaperConceptLink[]>(
      (ids) => loadLinksOfPapers(connection, ids),
      () => [],
    ),
    claims: byKey<Claim[]>(
      (ids) => loadClaimsOfPapers(connection, ids),
      () => [],
    ),
    authors: byKey<{ id: string; name: string }[]>(
      (ids) => loadAuthorsOfPapers(connection, ids),
      () => [],
    ),
    collections: byKey<string[]>(
      (ids) => loadCollectionsOfPapers(connection, ids),
      () => [],
    ),
    buildsOn: byKey<LineageLink[]>(
      (ids) => loadLineage(connection, ids, 'buildsOn'),
      () => [],
    ),
    builtOnBy: byKey<LineageLink[]>(
      (ids) => loadLineage(connection, ids, 'builtOnBy'),
      () => [],
    ),
    /** Slice links by id, with their evidence: one query for all the links of a slice. */
    link: byKey<LinkWithEvidence>(
      (ids) => loadLinks(connection, ids),
      () => null,
    ),
  };
}
