// The graph, or a filtered part of it, page by page for export: each read is one keyset page
// (the next ids after the last one seen, in id order, from the uniqueness constraint's index),
// so memory and each query's work stay bounded however large the graph is.
import { CONCEPT_KINDS, type ConceptKind, type Evidence } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { EDGE_FIELDS, linkId, toEdgeFields } from './graph-slices.ts';
import { CONCEPT_LINK_TYPES, CONCEPT_LINKS, DIRECT_LINKS, type LinkType } from './link-types.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import { toEvidence } from './records.ts';
import { readValue, Row, type Props } from './row.ts';
import { readRows, runRead } from './run-read.ts';

/** What a node is in an export: a paper, a concept by its kind, a claim or an author. */
export type ExportNodeKind = 'paper' | ConceptKind | 'claim' | 'author';

export interface ExportNode {
  id: string;
  kind: ExportNodeKind;
  label: string;
  /** Papers. */
  year: number | null;
  published: string | null;
  venue: string | null;
  url: string | null;
  externalIds: string[];
  /** A paper known only as the target of a citation. */
  stub: boolean;
  /** Papers: the collections that brought them. */
  collections: string[];
  /** Concepts: every surface form seen. */
  aliases: string[];
  /** Concepts: the exported papers that link them directly (background mentions do not count). */
  papers: number | null;
  /** Claims: what the claim measures (speedup, memory...), its value, unit and sentence. */
  claimKind: string | null;
  value: string | null;
  unit: string | null;
  text: string | null;
}

/** A link between two exported nodes, or a link of the concept projection. */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  relation: LinkType | 'CO_USE';
  role: string | null;
  confidence: number | null;
  /** Lineage: the concept a BUILDS_ON link runs through. */
  via: string | null;
  /** 1 for a link of the graph; papers behind a link of the concept projection. */
  weight: number;
  /** Co-use is symmetric: one edge per pair of concepts, the smaller id first. */
  directed: boolean;
  evidence: Evidence[];
}

export interface ExportFilter {
  /** Concept kinds exported; links to other concepts are left out. */
  kinds: readonly ConceptKind[];
  /** Only concepts that at least this many exported papers link directly. */
  minPapers: number | null;
  /** Only papers with `year >= since`. */
  since: number | null;
  /** Only papers in the collection of this name: `(:Paper)-[:IN_COLLECTION]->(:Collection)`. */
  collection: string | null;
}

/** True when the filter leaves papers out: concepts are then those the exported papers link. */
export const filtersPapers = (filter: ExportFilter) =>
  filter.since !== null || filter.collection !== null;

/** Export reads run longer than the API's: a page of hub concepts expands many links. */
const EXPORT_READ_TIMEOUT_MS = 120_000;

// Whether paper `p` is exported; a Cypher predicate over $since and $collection.
const PAPER_OK = (p: string) =>
  `(($since IS NULL OR coalesce(${p}.year >= $since, false)) AND
    ($collection IS NULL OR EXISTS { (${p})-[:IN_COLLECTION]->(col:Collection) WHERE col.name = $collection }))`;

const NODE_PROPS = (n: string, extra = '') =>
  `${n} {.id, .title, .year, .published, .venue, .url, .externalIds, .stub, .name, .kind,
     .aliases, .value, .unit, .text,
     collections: [(${n})-[:IN_COLLECTION]->(k:Collection) | k.name]${extra}}`;

const PAPERS_PAGE = `
MATCH (p:Paper) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $page
RETURN p.id AS id, CASE WHEN ${PAPER_OK('p')} THEN ${NODE_PROPS('p')} END AS node`;

// Under a paper filter a concept is exported when an exported paper (or one of its claims)
// links it; its paper count counts the exported papers only.
const CONCEPTS_PAGE = `
MATCH (c:Concept) WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $page
WITH c, c.kind IN $kinds AS keep
CALL (c, keep) {
  WITH c WHERE keep AND NOT $paperFiltered
  RETURN COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers, true AS linked
  UNION
  WITH c WHERE keep AND $paperFiltered
  RETURN COUNT { (c)<-[:${DIRECT_LINKS}]-(q:Paper) WHERE ${PAPER_OK('q')} } AS papers,
         EXISTS { (c)<-[:${CONCEPT_LINKS}]-(q:Paper) WHERE ${PAPER_OK('q')} } OR
         EXISTS { (c)<-[:ON|AGAINST]-(:Claim)<-[:CLAIMS]-(q:Paper) WHERE ${PAPER_OK('q')} } AS linked
  UNION
  WITH c WHERE NOT keep
  RETURN 0 AS papers, false AS linked
}
RETURN c.id AS id,
       CASE WHEN linked AND ($minPapers IS NULL OR papers >= $minPapers)
       THEN ${NODE_PROPS('c', ', papers: papers')} END AS node`;

const CLAIMS_PAGE = `
MATCH (c:Claim) WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $page
RETURN c.id AS id,
       CASE WHEN EXISTS { (p:Paper)-[:CLAIMS]->(c) WHERE ${PAPER_OK('p')} }
       THEN ${NODE_PROPS('c')} END AS node`;

const AUTHORS_PAGE = `
MATCH (a:Author) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
RETURN a.id AS id,
       CASE WHEN NOT $paperFiltered OR EXISTS { (a)-[:WROTE]->(p:Paper) WHERE ${PAPER_OK('p')} }
       THEN ${NODE_PROPS('a')} END AS node`;

const EDGE = (r: string) =>
  `{edge: ${EDGE_FIELDS(r)}, evidence: CASE WHEN ${r}.mentions IS NULL THEN properties(${r})
     ELSE ${r} {.confidence, .rule, .mentions} END}`;

// Every link that starts or ends at an exported paper: its concept links, claims, lineage and
// citations (to exported papers), its authors, and its claims' hardware and baselines. Links to
// concepts are kept or left out by the caller, who knows which concepts are exported.
const PAPER_EDGES_PAGE = `
MATCH (p:Paper) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $page
RETURN p.id AS id, CASE WHEN ${PAPER_OK('p')} THEN
  COLLECT { MATCH (p)-[r:${CONCEPT_LINKS}|CLAIMS]->() RETURN ${EDGE('r')} } +
  COLLECT { MATCH (p)-[r:BUILDS_ON|CITES]->(t:Paper) WHERE ${PAPER_OK('t')} RETURN ${EDGE('r')} } +
  COLLECT { MATCH (p)<-[r:WROTE]-(:Author) RETURN ${EDGE('r')} } +
  COLLECT { MATCH (p)-[:CLAIMS]->(:Claim)-[r:ON|AGAINST]->() RETURN ${EDGE('r')} }
END AS edges`;

const VARIANT_EDGES_PAGE = `
MATCH (c:Concept) WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $page
RETURN c.id AS id, COLLECT { MATCH (c)-[r:VARIANT_OF]->() RETURN ${EDGE('r')} } AS edges`;

// The concept projection, concept by concept: co-use with every concept of a larger id that the
// same exported papers link directly, and lineage to the concepts that papers proposing this one
// build on (BUILDS_ON runs from a paper to the paper proposing what it uses, `via` that concept).
// NOTE: one concept's co-use reads its papers' links once each, so a page costs the sum of its
// concepts' papers times their links: never the pairs of all papers.
const PROJECTION_PAGE = `
MATCH (a:Concept) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
CALL (a) {
  OPTIONAL MATCH (a)<-[:${DIRECT_LINKS}]-(p:Paper)-[:${DIRECT_LINKS}]->(b:Concept)
  WHERE a.kind IN $kinds AND b.id > a.id AND b.kind IN $kinds AND ${PAPER_OK('p')}
  WITH b, count(DISTINCT p) AS n WHERE b IS NOT NULL
  RETURN collect([b.id, n]) AS coUse
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:PROPOSES]-(b:Paper)-[r:BUILDS_ON]->(t:Paper)
  WHERE a.kind IN $kinds AND r.via <> a.id AND ${PAPER_OK('b')} AND ${PAPER_OK('t')}
  WITH r.via AS via, count(r) AS n WHERE via IS NOT NULL
  RETURN collect([via, n]) AS buildsOn
}
RETURN a.id AS id, coUse, buildsOn`;

/** PROJECTION_PAGE's lists of `[id, n]` pairs, and the link each pair is. */
const PROJECTION_LINKS = [
  ['coUse', 'CO_USE'],
  ['buildsOn', 'BUILDS_ON'],
] as const;

const NODES_BY_ID = `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Paper {id: id}) RETURN n
  UNION MATCH (n:Concept {id: id}) RETURN n
  UNION MATCH (n:Claim {id: id}) RETURN n
  UNION MATCH (n:Author {id: id}) RETURN n
}
RETURN ${NODE_PROPS(
  'n',
  `, label: [l IN labels(n) WHERE l IN ['Paper', 'Claim', 'Author']][0],
     papers: CASE WHEN n:Concept THEN COUNT { (n)<-[:${DIRECT_LINKS}]-() } END`,
)} AS node`;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const intOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : toNumber(value);

/** The labels nodes are exported by, and the kind of a node of each label but Concept. */
const EXPORT_LABELS = ['Paper', 'Concept', 'Claim', 'Author'] as const;
type ExportLabel = (typeof EXPORT_LABELS)[number];
const KIND_OF_LABEL = { Paper: 'paper', Claim: 'claim', Author: 'author' } as const;

/** A node's properties (a NODE_PROPS map) as an ExportNode; its kind from the label it was read by. */
export function toExportNode(props: Props, label: ExportLabel) {
  const kind: ExportNodeKind =
    label === 'Concept'
      ? readValue.oneOf(CONCEPT_KINDS, props.kind, 'node', 'kind')
      : KIND_OF_LABEL[label];
  const id = str(props.id) ?? '';
  const claim = label === 'Claim';
  return {
    id,
    kind,
    label:
      (claim
        ? `${str(props.value) ?? ''} ${(str(props.kind) ?? '').replace(/_/g, ' ')}`.trim()
        : (str(props.title) ?? str(props.name))) || id,
    year: intOrNull(props.year),
    published: str(props.published),
    venue: str(props.venue),
    url: str(props.url),
    externalIds: strings(props.externalIds),
    stub: props.stub === true,
    collections: strings(props.collections).sort(),
    aliases: strings(props.aliases),
    papers: intOrNull(props.papers),
    claimKind: claim ? str(props.kind) : null,
    value: str(props.value),
    unit: str(props.unit),
    text: str(props.text),
  } satisfies ExportNode;
}

/** An EDGE map (`edge`, the link's EDGE_FIELDS, and its `evidence`) as an ExportEdge. */
function toExportEdge(value: unknown): ExportEdge {
  const link = readValue.props(value, 'edges');
  const fields = readValue.list(link.edge, 'edges', 'edge');
  const { source, type, target, role, confidence, via } = toEdgeFields(fields, 'edge');
  return {
    id: linkId(source, type, target, via),
    source,
    target,
    relation: type,
    role,
    confidence,
    via,
    weight: 1,
    directed: true,
    evidence: toEvidence(readValue.props(link.evidence, 'edges', 'evidence')),
  };
}

/** Rows of one keyset page: the id read, and what it yields (null when filtered out). */
async function* keysetPages(
  connection: Neo4jConnection,
  query: string,
  params: Record<string, unknown>,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const rows = (
      await runRead(
        connection,
        query,
        { ...params, after, page: toInt(pageSize) },
        EXPORT_READ_TIMEOUT_MS,
      )
    ).map((values) => new Row(values));
    const last = rows.at(-1);
    if (!last) return;
    after = last.string('id');
    yield rows;
    if (rows.length < pageSize) return;
  }
}

function filterParams(filter: ExportFilter) {
  return {
    kinds: [...filter.kinds],
    minPapers: filter.minPapers === null ? null : toInt(filter.minPapers),
    since: filter.since === null ? null : toInt(filter.since),
    collection: filter.collection,
    paperFiltered: filtersPapers(filter),
  };
}

/** Links that end at a concept. */
const TO_CONCEPT = new Set<string>([...CONCEPT_LINK_TYPES, 'ON', 'AGAINST', 'VARIANT_OF']);

/** Page sizes: nodes are small rows; a paper's links carry their evidence. */
const NODE_PAGE = 2000;
const PAPER_EDGE_PAGE = 500;
const PROJECTION_PAGE_SIZE = 200;

const NODE_READS = [
  { label: 'Paper', query: PAPERS_PAGE },
  { label: 'Concept', query: CONCEPTS_PAGE },
  { label: 'Claim', query: CLAIMS_PAGE },
  { label: 'Author', query: AUTHORS_PAGE },
] as const;

/**
 * The exported nodes, page by page: papers, then concepts, claims and authors. With `concepts`
 * only, concepts alone (the projection).
 */
export async function* readExportNodes(
  connection: Neo4jConnection,
  filter: ExportFilter,
  { conceptsOnly = false } = {},
): AsyncGenerator<ExportNode[]> {
  const params = filterParams(filter);
  for (const { label, query } of NODE_READS) {
    if (conceptsOnly && label !== 'Concept') continue;
    for await (const rows of keysetPages(connection, query, params, NODE_PAGE)) {
      const page: ExportNode[] = [];
      for (const row of rows) {
        const node = row.optionalProps('node');
        if (node) page.push(toExportNode(node, label));
      }
      yield page;
    }
  }
}

/**
 * The links among exported nodes, page by page. `concepts` holds the exported concept ids (read
 * with the nodes): links to any other concept are left out.
 */
export async function* readExportEdges(
  connection: Neo4jConnection,
  filter: ExportFilter,
  concepts: ReadonlySet<string>,
): AsyncGenerator<ExportEdge[]> {
  const params = filterParams(filter);
  const keep = (edge: ExportEdge) =>
    (!TO_CONCEPT.has(edge.relation) || concepts.has(edge.target)) &&
    (edge.relation !== 'VARIANT_OF' || concepts.has(edge.source));
  for (const query of [PAPER_EDGES_PAGE, VARIANT_EDGES_PAGE]) {
    const size = query === PAPER_EDGES_PAGE ? PAPER_EDGE_PAGE : NODE_PAGE;
    for await (const rows of keysetPages(connection, query, params, size)) {
      const page: ExportEdge[] = [];
      for (const row of rows) {
        for (const link of row.optionalList('edges') ?? []) {
          const edge = toExportEdge(link);
          if (keep(edge)) page.push(edge);
        }
      }
      yield page;
    }
  }
}

/**
 * The concept projection's links among the exported concepts: CO_USE weighted by the exported
 * papers that link both directly, and BUILDS_ON from a concept to one its proposers' papers build
 * on, weighted by those paper-level BUILDS_ON links.
 */
export async function* readConceptProjection(
  connection: Neo4jConnection,
  filter: ExportFilter,
  concepts: ReadonlySet<string>,
): AsyncGenerator<ExportEdge[]> {
  const params = filterParams(filter);
  const edge = (source: string, relation: 'CO_USE' | 'BUILDS_ON', target: string, n: number) =>
    ({
      id: `${source}|${relation}|${target}`,
      source,
      target,
      relation,
      role: null,
      confidence: null,
      via: null,
      weight: n,
      directed: relation !== 'CO_USE',
      evidence: [],
    }) satisfies ExportEdge;
  for await (const rows of keysetPages(connection, PROJECTION_PAGE, params, PROJECTION_PAGE_SIZE)) {
    const page: ExportEdge[] = [];
    for (const row of rows) {
      const a = row.string('id');
      if (!concepts.has(a)) continue;
      for (const [column, relation] of PROJECTION_LINKS) {
        for (const pair of row.list(column)) {
          const [id, n] = readValue.list(pair, column);
          const b = readValue.string(id, column, 'id');
          if (concepts.has(b)) page.push(edge(a, relation, b, readValue.number(n, column, 'n')));
        }
      }
    }
    yield page;
  }
}

/** The nodes with these ids (any label), in no particular order; unknown ids are absent. */
export async function readExportNodesById(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<ExportNode[]> {
  return readRows(connection, NODES_BY_ID, { ids: [...new Set(ids)] }, (row) => {
    const node = row.props('node');
    return toExportNode(
      node,
      readValue.oneOf(EXPORT_LABELS, node.label ?? 'Concept', 'node', 'label'),
    );
  });
}

/** What a reference manager needs of a paper. */
export interface BibRecord {
  id: string;
  title: string;
  /** As stored: the graph keeps no author order, so sorted by name. */
  authors: string[];
  year: number | null;
  venue: string | null;
  url: string | null;
  /** Every id the paper is known by (`arxiv:…`, `doi:…`), its own first. */
  ids: string[];
}

const BIB_RECORDS = `
UNWIND $ids AS id
MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id)
RETURN p.id AS id, p.title AS title, p.year AS year, p.venue AS venue, p.url AS url,
       coalesce(p.externalIds, []) AS externalIds,
       COLLECT { MATCH (a:Author)-[:WROTE]->(p) RETURN a.name ORDER BY a.name } AS authors`;

/** A row of BIB_RECORDS; a paper without a title is named by its id. */
function toBibRecord(row: Row): BibRecord {
  const id = row.string('id');
  return {
    id,
    title: row.optionalString('title') ?? id,
    authors: row.strings('authors'),
    year: row.optionalNumber('year'),
    venue: row.optionalString('venue'),
    url: row.optionalString('url'),
    ids: [id, ...row.strings('externalIds').filter((other) => other !== id)],
  };
}

/** The papers with these ids, in the order asked; unknown ids are left out. */
export async function readBibRecords(
  connection: Neo4jConnection,
  ids: readonly string[],
): Promise<BibRecord[]> {
  const records = await readRows(connection, BIB_RECORDS, { ids: [...new Set(ids)] }, toBibRecord);
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// NOTE: a paper has at most one direct link to a concept, so the paths count papers.
const CO_USE_OF_PAIRS = `
UNWIND $pairs AS pair
MATCH (a:Concept {id: pair[0]})
MATCH (b:Concept {id: pair[1]})
RETURN a.id AS source, b.id AS target,
       COUNT { MATCH (a)<-[:${DIRECT_LINKS}]-(:Paper)-[:${DIRECT_LINKS}]->(b) } AS papers`;

/**
 * Co-use links of a drawn concept map (its `CO_OCCURS` links, estimated when drawn): the papers
 * that link both concepts directly, counted exactly, as the concept projection counts them.
 */
export async function readCoUse(
  connection: Neo4jConnection,
  pairs: readonly [string, string][],
): Promise<ExportEdge[]> {
  if (pairs.length === 0) return [];
  return readRows(connection, CO_USE_OF_PAIRS, { pairs }, (row) => {
    const [source, target] = [row.string('source'), row.string('target')];
    return {
      id: `${source}|CO_USE|${target}`,
      source,
      target,
      relation: 'CO_USE',
      role: null,
      confidence: null,
      via: null,
      weight: row.number('papers'),
      directed: false,
      evidence: [],
    } satisfies ExportEdge;
  });
}
