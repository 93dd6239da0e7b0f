// Per-paper relations loaded in batches (one query per DataLoader batch): claims, authors, lineage.
import type { Claim, ClaimKind } from '../domain.ts';
import { resolveConceptIds } from '../extract/concept-id.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';

import { toClaim } from './records.ts';
import { readPage, runRead, type Page } from './run-read.ts';

const groupBy = <T>(ids: readonly string[], rows: [string, T][]): Map<string, T[]> => {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const [id, value] of rows) map.get(id)?.push(value);
  return map;
};

const CLAIMS_OF_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:CLAIMS]->(c:Claim)
RETURN p.id AS paperId, properties(c) AS c, properties(r) AS r
ORDER BY c.id`;

export async function loadClaimsOfPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, Claim[]>> {
  const rows = await runRead(connection, CLAIMS_OF_PAPERS, { ids: [...ids] });
  return groupBy(
    ids,
    rows.map((row) => [
      row.paperId as string,
      toClaim(
        row.c as Record<string, unknown>,
        row.paperId as string,
        row.r as Record<string, unknown>,
      ),
    ]),
  );
}

const AUTHORS_OF_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})<-[:WROTE]-(a:Author)
RETURN p.id AS paperId, a.id AS id, a.name AS name`;

export async function loadAuthorsOfPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await runRead(connection, AUTHORS_OF_PAPERS, { ids: [...ids] });
  return groupBy(
    ids,
    rows.map((row) => [row.paperId as string, { id: row.id as string, name: row.name as string }]),
  );
}

const COLLECTIONS_OF_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[:IN_COLLECTION]->(k:Collection)
RETURN p.id AS paperId, k.name AS name
ORDER BY name`;

export async function loadCollectionsOfPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await runRead(connection, COLLECTIONS_OF_PAPERS, { ids: [...ids] });
  return groupBy(
    ids,
    rows.map((row) => [row.paperId as string, row.name as string]),
  );
}

export interface LineageLink {
  paperId: string;
  viaConceptId: string;
}

const BUILDS_ON = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:BUILDS_ON]->(other:Paper)
RETURN p.id AS paperId, other.id AS otherId, r.via AS via ORDER BY other.title`;
const BUILT_ON_BY = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})<-[r:BUILDS_ON]-(other:Paper)
RETURN p.id AS paperId, other.id AS otherId, r.via AS via ORDER BY other.title`;

export async function loadLineage(
  connection: Neo4jConnection,
  ids: readonly string[],
  direction: 'buildsOn' | 'builtOnBy',
): Promise<Map<string, LineageLink[]>> {
  const rows = await runRead(connection, direction === 'buildsOn' ? BUILDS_ON : BUILT_ON_BY, {
    ids: [...ids],
  });
  return groupBy(
    ids,
    rows.map((row) => [
      row.paperId as string,
      { paperId: row.otherId as string, viaConceptId: row.via as string },
    ]),
  );
}

export interface ClaimFilter {
  kind?: ClaimKind | null;
  hardware?: string | null;
  concept?: string | null;
}

const CLAIMS_QUERY = `
MATCH (p:Paper)-[r:CLAIMS]->(c:Claim)
WHERE ($kind IS NULL OR c.kind = $kind)
  AND ($hardwareIds IS NULL OR EXISTS { MATCH (c)-[:ON]->(h:Concept) WHERE h.id IN $hardwareIds }
       OR toLower(c.hardware) CONTAINS $hardwareText)
  AND ($conceptIds IS NULL OR EXISTS { MATCH (p)-->(k:Concept) WHERE k.id IN $conceptIds })`;

export async function findClaims(
  connection: Neo4jConnection,
  filter: ClaimFilter,
  first: number,
  offset: number,
): Promise<Page<Claim>> {
  const params = {
    kind: filter.kind ?? null,
    hardwareIds: filter.hardware ? resolveConceptIds(filter.hardware, ['hardware']) : null,
    hardwareText: filter.hardware ? filter.hardware.toLowerCase() : null,
    conceptIds: filter.concept ? resolveConceptIds(filter.concept) : null,
  };
  return readPage(
    connection,
    {
      count: `${CLAIMS_QUERY}\nRETURN count(c) AS n`,
      page: `${CLAIMS_QUERY}
WITH p, r, c ORDER BY c.kind, c.high DESC, c.id SKIP $offset LIMIT $first
RETURN p.id AS paperId, properties(c) AS c, properties(r) AS r`,
    },
    params,
    { offset, first },
    (row) =>
      toClaim(
        row.c as Record<string, unknown>,
        row.paperId as string,
        row.r as Record<string, unknown>,
      ),
  );
}
