// Per-paper relations loaded in batches (one query per DataLoader batch): claims, authors, lineage.
import type { Claim, ClaimKind } from '../domain.ts';
import { resolveConceptIds } from '../extract/concept-id.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toClaim } from './records.ts';
import type { Row } from './row.ts';
import { readPage, readRows, type Page } from './run-read.ts';

/** The values of each paper of `ids`, in the order the read returned them. */
const groupBy = <T>(
  ids: readonly string[],
  rows: { paperId: string; value: T }[],
): Map<string, T[]> => {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const { paperId, value } of rows) map.get(paperId)?.push(value);
  return map;
};

/** Reads `paperId` and a value from each row of a DataLoader batch and groups them by paper. */
async function readByPaper<T>(
  connection: Neo4jConnection,
  query: string,
  ids: readonly string[],
  decode: (row: Row) => T,
): Promise<Map<string, T[]>> {
  const rows = await readRows(connection, query, { ids: [...ids] }, (row) => ({
    paperId: row.string('paperId'),
    value: decode(row),
  }));
  return groupBy(ids, rows);
}

/** Columns `paperId`, `c` (the claim's properties) and `r` (its evidence). */
const toClaimOfPaper = (row: Row): Claim =>
  toClaim(row.props('c'), row.string('paperId'), row.props('r'));

const CLAIMS_OF_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:CLAIMS]->(c:Claim)
RETURN p.id AS paperId, properties(c) AS c, properties(r) AS r
ORDER BY c.id`;

export async function loadClaimsOfPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, Claim[]>> {
  return readByPaper(connection, CLAIMS_OF_PAPERS, ids, toClaimOfPaper);
}

const AUTHORS_OF_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})<-[:WROTE]-(a:Author)
RETURN p.id AS paperId, a.id AS id, a.name AS name`;

export async function loadAuthorsOfPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  return readByPaper(connection, AUTHORS_OF_PAPERS, ids, (row) => ({
    id: row.string('id'),
    name: row.string('name'),
  }));
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
  return readByPaper(connection, COLLECTIONS_OF_PAPERS, ids, (row) => row.string('name'));
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
  return readByPaper(
    connection,
    direction === 'buildsOn' ? BUILDS_ON : BUILT_ON_BY,
    ids,
    (row) => ({
      paperId: row.string('otherId'),
      viaConceptId: row.string('via'),
    }),
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
    toClaimOfPaper,
  );
}
