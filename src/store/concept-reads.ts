// Concept reads: by id in batches, by name or alias, pages, and the papers linked to a concept.
import {
  CONCEPT_KINDS,
  type Concept,
  type ConceptKind,
  type Evidence,
  type Paper,
} from '../domain.ts';
import { nameKey, resolveConceptIds } from '../extract/concept-id.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import {
  CONCEPT_LINKS,
  DIRECT_LINKS,
  LINK_TYPES,
  roleOfLink,
  type LinkType,
} from './link-types.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import type { Row } from './row.ts';
import { toLuceneQuery } from './paper-reads.ts';
import { toConcept, toEvidence, toPaper } from './records.ts';
import { readPage, readRows, type Page } from './run-read.ts';

const CONCEPTS_BY_ID = `
UNWIND $ids AS id
MATCH (c:Concept {id: id})
RETURN properties(c) AS c, COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers`;

export interface ConceptWithCount extends Concept {
  paperCount: number;
}

/** Columns `c` (the concept's properties) and `papers`. */
const toConceptWithCount = (row: Row): ConceptWithCount => ({
  ...toConcept(row.props('c')),
  paperCount: row.number('papers'),
});

export async function loadConcepts(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<Map<string, ConceptWithCount>> {
  const concepts = await readRows(
    connection,
    CONCEPTS_BY_ID,
    { ids: [...ids] },
    toConceptWithCount,
  );
  return new Map(concepts.map((concept) => [concept.id, concept]));
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
  const ids = resolveConceptIds(name, kinds);
  let found = await readRows(connection, CONCEPT_BY_ID, { ids }, toConceptWithCount);
  if (found.length === 0) {
    found = await readRows(connection, CONCEPT_BY_KEY, { key: nameKey(name) }, toConceptWithCount);
  }
  return found.filter((concept) => !kinds || kinds.includes(concept.kind));
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
    toConceptWithCount,
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

/** Columns `kind` (the concept's), `type` (the link's) and `r` (the link's properties). */
function toLinkOfKind(row: Row) {
  const props = row.props('r');
  return {
    conceptKind: row.oneOf('kind', CONCEPT_KINDS),
    type: row.oneOf('type', LINK_TYPES),
    role: roleOfLink(row.string('type'), props.role),
    confidence: toNumber(props.confidence),
    evidence: toEvidence(props),
  };
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
  const links = await readRows(connection, LINKS_OF_PAPERS, { ids: [...ids] }, (row) => ({
    paperId: row.string('paperId'),
    conceptId: row.string('conceptId'),
    ...toLinkOfKind(row),
  }));
  const byPaper = new Map<string, PaperConceptLink[]>(ids.map((id) => [id, []]));
  for (const link of links) byPaper.get(link.paperId)?.push(link);
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
  return readRows(
    connection,
    PAPERS_OF_CONCEPT,
    { id: conceptId, types, first: toInt(first) },
    (row) => ({ paper: toPaper(row.props('p')), conceptId, ...toLinkOfKind(row) }),
  );
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
  return readRows(connection, RELATED, { id: conceptId, first: toInt(first) }, (row) => ({
    concept: toConceptWithCount(row),
    count: row.number('together'),
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
  const rows = await readRows(connection, FAMILIES, { ids: [...ids] }, (row) => ({
    id: row.string('id'),
    familyId: row.optionalString('familyId'),
    variantIds: row.strings('variantIds'),
    familyPaperCount: row.number('familyPapers'),
  }));
  return new Map(rows.map(({ id, ...family }) => [id, family]));
}
