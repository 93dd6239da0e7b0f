// Concept reads: by id in batches, by name or alias, pages, and the papers linked to a concept.
import type { Concept, ConceptKind, Evidence, Paper } from '../domain.ts';
import { nameKey, resolveConceptIds } from '../extract/concept-id.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { CONCEPT_LINKS, DIRECT_LINKS, roleOfLink, type LinkType } from './link-types.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import { toLuceneQuery } from './paper-reads.ts';
import { toConcept, toEvidence, toPaper } from './records.ts';
import { readPage, runRead, type Page } from './run-read.ts';

const CONCEPTS_BY_ID = `
UNWIND $ids AS id
MATCH (c:Concept {id: id})
RETURN properties(c) AS c, COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers`;

export interface ConceptWithCount extends Concept {
  paperCount: number;
}

export async function loadConcepts(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, ConceptWithCount>> {
  const rows = await runRead(connection, CONCEPTS_BY_ID, { ids: [...ids] });
  return new Map(
    rows.map((row) => {
      const concept = toConcept(row.c as Record<string, unknown>);
      return [concept.id, { ...concept, paperCount: toNumber(row.papers) }];
    }),
  );
}

// NOTE: the lexicon resolves known aliases to ids; `keys` (normalised surface forms) catches the
// aliases only the graph has seen, e.g. an acronym a paper defined. The id lookup is an index
// seek; the alias scan runs only when it finds nothing.
const CONCEPT_BY_ID_OR_KEY = (clause: string) => `
MATCH (c:Concept)
WHERE ${clause}
WITH c, COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers
ORDER BY papers DESC, c.id
RETURN properties(c) AS c, papers`;
const CONCEPT_BY_ID = CONCEPT_BY_ID_OR_KEY('c.id IN $ids');
const CONCEPT_BY_KEY = CONCEPT_BY_ID_OR_KEY('$key IN c.keys');

/** The concepts a name or alias may mean, best first (exact id, then most connected). */
export async function findConceptsByName(
  connection: Neo4jConnection,
  name: string,
  kinds?: readonly ConceptKind[],
): Promise<ConceptWithCount[]> {
  let rows = await runRead(connection, CONCEPT_BY_ID, { ids: resolveConceptIds(name, kinds) });
  if (rows.length === 0) rows = await runRead(connection, CONCEPT_BY_KEY, { key: nameKey(name) });
  return rows
    .map((row) => ({
      ...toConcept(row.c as Record<string, unknown>),
      paperCount: toNumber(row.papers),
    }))
    .filter((concept) => !kinds || kinds.includes(concept.kind));
}

export async function findConcepts(
  connection: Neo4jConnection,
  kind: ConceptKind | null,
  search: string | null,
  first: number,
  offset: number,
): Promise<Page<ConceptWithCount>> {
  const params = {
    kind,
    search: search ? toLuceneQuery(search) : null,
    offset: toInt(offset),
    first: toInt(first),
  };
  const source = search
    ? 'CALL db.index.fulltext.queryNodes("concept_names", $search) YIELD node AS c WHERE $kind IS NULL OR c.kind = $kind'
    : 'MATCH (c:Concept) WHERE $kind IS NULL OR c.kind = $kind';
  return readPage(
    connection,
    {
      count: `${source}\nRETURN count(c) AS n`,
      page: `${source}
WITH c, COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers
ORDER BY papers DESC, c.name, c.id SKIP $offset LIMIT $first
RETURN properties(c) AS c, papers`,
    },
    params,
    { offset, first },
    (row) => ({ ...toConcept(row.c as Record<string, unknown>), paperCount: toNumber(row.papers) }),
  );
}

export interface PaperConceptLink {
  paperId: string;
  conceptId: string;
  conceptKind: ConceptKind;
  type: LinkType;
  role: string | null;
  confidence: number;
  evidence: Evidence[];
}

const LINKS_OF_PAPERS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:${CONCEPT_LINKS}]->(c:Concept)
RETURN p.id AS paperId, c.id AS conceptId, c.kind AS kind, type(r) AS type, properties(r) AS r
ORDER BY r.confidence DESC, c.name`;

/** Every concept link of the given papers, in one query (a DataLoader batch). */
export async function loadLinksOfPapers(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, PaperConceptLink[]>> {
  const rows = await runRead(connection, LINKS_OF_PAPERS, { ids: [...ids] });
  const byPaper = new Map<string, PaperConceptLink[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    const props = row.r as Record<string, unknown>;
    byPaper.get(row.paperId as string)?.push({
      paperId: row.paperId as string,
      conceptId: row.conceptId as string,
      conceptKind: row.kind as ConceptKind,
      type: row.type as LinkType,
      role: roleOfLink(row.type as string, props.role),
      confidence: toNumber(props.confidence),
      evidence: toEvidence(props),
    });
  }
  return byPaper;
}

const PAPERS_OF_CONCEPT = `
MATCH (c:Concept {id: $id})<-[r:${CONCEPT_LINKS}]-(p:Paper)
WHERE $types IS NULL OR type(r) IN $types
WITH c, p, r ORDER BY CASE type(r) WHEN 'PROPOSES' THEN 0 WHEN 'USES' THEN 1 ELSE 2 END, r.confidence DESC, p.title
LIMIT $first
RETURN properties(p) AS p, c.kind AS kind, type(r) AS type, properties(r) AS r`;

export interface ConceptPaperLink extends Omit<PaperConceptLink, 'paperId'> {
  paper: Paper;
}

export async function loadPapersOfConcept(
  connection: Neo4jConnection,
  conceptId: string,
  types: readonly LinkType[] | null,
  first: number,
): Promise<ConceptPaperLink[]> {
  const rows = await runRead(connection, PAPERS_OF_CONCEPT, {
    id: conceptId,
    types,
    first: toInt(first),
  });
  return rows.map((row) => {
    const props = row.r as Record<string, unknown>;
    return {
      paper: toPaper(row.p as Record<string, unknown>),
      conceptId,
      conceptKind: row.kind as ConceptKind,
      type: row.type as LinkType,
      role: roleOfLink(row.type as string, props.role),
      confidence: toNumber(props.confidence),
      evidence: toEvidence(props),
    };
  });
}

const RELATED = `
MATCH (c:Concept {id: $id})<-[:${CONCEPT_LINKS}]-(p:Paper)-[:${CONCEPT_LINKS}]->(other:Concept)
WHERE other <> c
WITH other, count(DISTINCT p) AS together
ORDER BY together DESC, other.name
LIMIT $first
RETURN properties(other) AS c, together, COUNT { (other)<-[:${DIRECT_LINKS}]-() } AS papers`;

export async function findRelatedConcepts(
  connection: Neo4jConnection,
  conceptId: string,
  first: number,
): Promise<{ concept: ConceptWithCount; count: number }[]> {
  const rows = await runRead(connection, RELATED, { id: conceptId, first: toInt(first) });
  return rows.map((row) => ({
    concept: { ...toConcept(row.c as Record<string, unknown>), paperCount: toNumber(row.papers) },
    count: toNumber(row.together),
  }));
}

/** A concept's family and variants, and the papers of the whole family. */
export interface ConceptFamily {
  familyId: string | null;
  variantIds: string[];
  familyPaperCount: number;
}

const FAMILIES = `
UNWIND $ids AS id
MATCH (c:Concept {id: id})
CALL (c) {
  OPTIONAL MATCH (c)-[:VARIANT_OF]->(f:Concept)
  RETURN f.id AS familyId LIMIT 1
}
CALL (c) {
  OPTIONAL MATCH (v:Concept)-[:VARIANT_OF*1..2]->(c)
  WITH DISTINCT v
  WITH v, COUNT { (v)<-[:${DIRECT_LINKS}]-() } AS papers ORDER BY papers DESC, v.id
  RETURN collect(v.id) AS variantIds, sum(papers) AS variantPapers
}
RETURN c.id AS id, familyId, variantIds,
       COUNT { (c)<-[:${DIRECT_LINKS}]-() } + variantPapers AS familyPapers`;

/** Families of the given concepts, in one query (a DataLoader batch). */
export async function loadFamilies(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, ConceptFamily>> {
  const rows = await runRead(connection, FAMILIES, { ids: [...ids] });
  return new Map(
    rows.map((row) => [
      row.id as string,
      {
        familyId: (row.familyId as string | null) ?? null,
        variantIds: row.variantIds as string[],
        familyPaperCount: toNumber(row.familyPapers),
      },
    ]),
  );
}
