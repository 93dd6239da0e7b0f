// Graph slices for drawing: the neighbourhood of a node and the overview of the whole graph.
// Links come without their evidence, which load-links.ts reads by link id when a client asks.
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt } from './neo4j-values.ts';
import {
  CONCEPT_LINK_TYPES,
  CONCEPT_LINKS,
  DIRECT_LINKS,
  LINK_TYPES,
  type LinkType,
} from './link-types.ts';
import { readValue } from './row.ts';
import { readOne, readRows } from './run-read.ts';

export const NODE_KINDS = [
  'PAPER',
  'METHOD',
  'MODEL',
  'DATASET',
  'TASK',
  'METRIC',
  'HARDWARE',
  'CLAIM',
  'AUTHOR',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface SliceNode {
  id: string;
  kind: NodeKind;
  label: string;
  degree: number;
}

export interface SliceEdge {
  /** `source|TYPE|target`, or `source|TYPE|target|via` for lineage (see linkId). */
  id: string;
  source: string;
  target: string;
  type: LinkType;
  role: string | null;
  confidence: number | null;
}

export interface GraphSlice {
  nodes: SliceNode[];
  edges: SliceEdge[];
  truncated: boolean;
}

const KIND_OF = (n: string) =>
  `CASE WHEN ${n}:Paper THEN 'PAPER' WHEN ${n}:Claim THEN 'CLAIM' WHEN ${n}:Author THEN 'AUTHOR' ELSE toUpper(${n}.kind) END`;

// NOTE: nodes and links come as lists, not maps: the driver decodes a map's keys again in every
// row, a cost that shows in the driver's CPU per slice.
// A node as a row: [id, kind, label, degree, element id], computed from fixed expressions.
const NODE_FIELDS = (n: string) => `[
  ${n}.id,
  ${KIND_OF(n)},
  CASE WHEN ${n}:Paper THEN ${n}.title WHEN ${n}:Claim THEN ${n}.value + ' ' + replace(${n}.kind, '_', ' ') ELSE ${n}.name END,
  COUNT { (${n})--() },
  elementId(${n})
]`;

/**
 * A NODE_FIELDS list, read from column `column`: the node (labelled by its id when unnamed) and
 * its element id.
 */
function toNode(fields: readonly unknown[], column: string): { node: SliceNode; element: string } {
  const [id, kind, label, degree, element] = fields;
  const nodeId = readValue.string(id, column, 'id');
  return {
    node: {
      id: nodeId,
      kind: readValue.oneOf(NODE_KINDS, kind, column, 'kind'),
      label: readValue.optionalString(label, column, 'label') || nodeId,
      degree: readValue.number(degree, column, 'degree'),
    },
    element: readValue.string(element, column, 'element'),
  };
}

// A link as a row, without its evidence (sentence, mentions): that is most of a slice's bytes.
export const EDGE_FIELDS = (r: string) =>
  `[startNode(${r}).id, type(${r}), endNode(${r}).id, ${r}.role, ${r}.confidence, ${r}.via]`;

/**
 * An EDGE_FIELDS list, read from column `column`, by name. Role, confidence and via are null
 * unless a string, a number and a string.
 */
export function toEdgeFields(fields: readonly unknown[], column: string) {
  const [source, type, target, role, confidence, via] = fields;
  return {
    source: readValue.string(source, column, 'source'),
    type: readValue.oneOf(LINK_TYPES, type, column, 'type'),
    target: readValue.string(target, column, 'target'),
    role: typeof role === 'string' ? role : null,
    confidence: typeof confidence === 'number' ? confidence : null,
    via: typeof via === 'string' ? via : null,
  };
}

/** An EDGE_FIELDS list, read from column `column`, as a slice link. */
export function toEdge(fields: readonly unknown[], column: string): SliceEdge {
  const link = toEdgeFields(fields, column);
  return {
    id: linkId(link.source, link.type, link.target, link.via),
    source: link.source,
    target: link.target,
    type: link.type,
    role: link.role,
    confidence: link.confidence,
  };
}

/** A link's id: its ends and type, and for lineage the concept it runs through. */
export const linkId = (source: string, type: LinkType, target: string, via: string | null) =>
  `${source}|${type}|${target}${via === null ? '' : `|${via}`}`;

// NOTE: one seek per label (a label-less `{id: $id}` match would scan every node).
const FIND_NODE = `
CALL (id) {
  MATCH (n:Paper {id: id}) RETURN n
  UNION MATCH (n:Concept {id: id}) RETURN n
  UNION MATCH (n:Claim {id: id}) RETURN n
  UNION MATCH (n:Author {id: id}) RETURN n
}`;

const START = `
WITH $id AS id
${FIND_NODE}
RETURN ${NODE_FIELDS('n')} AS node`;

// One ring of the neighbourhood: the frontier's neighbours, best evidence first, with all their
// links to the frontier; new neighbours are cut at $limit, links to nodes already in the slice
// (a paper building on another of the ring) are all kept.
// NOTE: a concept's links are read in rank-key order, one ordered index scan per link type that
// stops at $limit, so a hub concept (Adam, with thousands of links in a large graph) is not
// sorted whole to keep a few hundred; papers, claims and authors have few links and are expanded.
// Labels and degrees are computed after the cut, for the rows kept only.
const RING = `
UNWIND $frontier AS id
CALL (id) {
  MATCH (n:Concept {id: id})
  CALL (n) {
${CONCEPT_LINK_TYPES.map(
  (type) => `    MATCH (m:Paper)-[r:${type}]->(:Concept)
    WHERE r.rankKey STARTS WITH n.id + '|' AND ($types IS NULL OR '${type}' IN $types)
    RETURN r, m ORDER BY r.rankKey LIMIT $limit`,
).join('\n    UNION ALL\n')}
    UNION ALL
    MATCH (n)<-[r:ON|AGAINST]-(m:Claim) WHERE $types IS NULL OR type(r) IN $types
    RETURN r, m LIMIT $limit
    UNION ALL
    MATCH (n)-[r:VARIANT_OF]-(m:Concept) WHERE $types IS NULL OR 'VARIANT_OF' IN $types
    RETURN r, m LIMIT $limit
  }
  RETURN r, m
  UNION ALL
  CALL (id) {
    MATCH (n:Paper {id: id}) RETURN n
    UNION MATCH (n:Claim {id: id}) RETURN n
    UNION MATCH (n:Author {id: id}) RETURN n
  }
  MATCH (n)-[r]-(m)
  WHERE $types IS NULL OR type(r) IN $types
  RETURN r, m
}
WITH r, m
WHERE (r.confidence IS NULL OR r.confidence >= $minConfidence)
  AND (m:Paper OR m:Concept OR m:Claim OR m:Author)
  AND ($kinds IS NULL OR ${KIND_OF('m')} IN $kinds)
WITH m, collect(r) AS links, max(coalesce(r.confidence, 1.0)) AS best,
     min(coalesce(r.rankKey, '')) AS key, m.id IN $known AS known
ORDER BY best DESC, key, m.id
WITH collect({m: m, links: links, known: known}) AS rows
UNWIND [row IN rows WHERE row.known] + [row IN rows WHERE NOT row.known][0..$limit] AS row
WITH row.m AS m, row.links AS links, row.known AS known
RETURN [r IN links | ${EDGE_FIELDS('r')}] AS edges, known,
       CASE WHEN known THEN [m.id] ELSE ${NODE_FIELDS('m')} END AS node`;

// Links among the slice's nodes that the rings did not read: those between nodes of the last ring,
// or of a ring cut short. Read from papers, claims and authors (few links each); concepts have
// only incoming links, so theirs are found from the other end. Links already in the slice are
// skipped by id (the format of linkId).
// NOTE: slice nodes are found and recognised by element id, which Neo4j reads without the
// property store: most links read here lead out of the slice (a paper of Adam's neighbourhood
// has ~18 links, about one of them to another node of the slice).
const CLOSE = `
UNWIND $starts AS start
MATCH (n) WHERE elementId(n) = start
MATCH (n)-[r]->(m)
WHERE $inSlice[elementId(m)] IS NOT NULL
  AND ($types IS NULL OR type(r) IN $types)
  AND (r.confidence IS NULL OR r.confidence >= $minConfidence)
  AND $known[n.id + '|' + type(r) + '|' + m.id + coalesce('|' + r.via, '')] IS NULL
RETURN ${EDGE_FIELDS('r')} AS edge`;

export interface NeighborhoodOptions {
  depth: number;
  kinds: NodeKind[] | null;
  types: LinkType[] | null;
  minConfidence: number;
  /** Most nodes in the slice. */
  limit: number;
}

/**
 * One ring's Cypher and parameters: the neighbours of `frontier` not in `known`, at most `room`
 * of them (one more is asked for, to tell a full ring from a cut one).
 */
export function ringStatement(
  frontier: string[],
  known: string[],
  room: number,
  options: Omit<NeighborhoodOptions, 'depth' | 'limit'>,
): { query: string; params: Record<string, unknown> } {
  return {
    query: RING,
    params: {
      frontier,
      known,
      types: options.types,
      kinds: options.kinds,
      minConfidence: options.minConfidence,
      limit: toInt(room + 1),
    },
  };
}

/** The nodes within `depth` links of a node, breadth first, cut at `limit` nodes. */
export async function loadNeighborhood(
  connection: Neo4jConnection,
  id: string,
  options: NeighborhoodOptions,
): Promise<GraphSlice | null> {
  const start = await readOne(connection, START, { id }, (row) => toNode(row.list('node'), 'node'));
  if (!start) return null;
  const nodes = new Map<string, SliceNode>([[id, start.node]]);
  /** Element ids of the slice's nodes, for the closing query. */
  const elements = new Map<string, string>([[id, start.element]]);
  const edges = new Map<string, SliceEdge>();
  let frontier = [id];
  let truncated = false;
  for (let ring = 0; ring < options.depth && frontier.length > 0 && !truncated; ring += 1) {
    // Asking for one neighbour more than fits tells a full ring from a cut one.
    const room = Math.max(options.limit - nodes.size, 0);
    const ring = ringStatement(frontier, [...nodes.keys()], room, options);
    const rows = await readRows(connection, ring.query, ring.params, (row) => row);
    const next: string[] = [];
    for (const row of rows) {
      if (!row.boolean('known')) {
        if (nodes.size >= options.limit) {
          truncated = true;
          continue;
        }
        const { node, element } = toNode(row.list('node'), 'node');
        nodes.set(node.id, node);
        elements.set(node.id, element);
        next.push(node.id);
      }
      for (const link of row.list('edges')) {
        const edge = toEdge(readValue.list(link, 'edges'), 'edges');
        edges.set(edge.id, edge);
      }
    }
    frontier = next;
  }
  const closing = await readRows(
    connection,
    CLOSE,
    {
      starts: [...nodes.values()]
        .filter((node) => node.kind === 'PAPER' || node.kind === 'CLAIM' || node.kind === 'AUTHOR')
        .map((node) => elements.get(node.id)),
      // Maps, not lists: a key lookup per link instead of a scan of the list.
      inSlice: Object.fromEntries([...elements.values()].map((element) => [element, true])),
      known: Object.fromEntries([...edges.keys()].map((key) => [key, true])),
      types: options.types,
      minConfidence: options.minConfidence,
    },
    (row) => toEdge(row.list('edge'), 'edge'),
  );
  for (const edge of closing) if (!edges.has(edge.id)) edges.set(edge.id, edge);
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)),
    truncated,
  };
}

const OVERVIEW = `
MATCH (c:Concept)
WITH c, COUNT { (c)<-[:${DIRECT_LINKS}]-() } AS papers
ORDER BY papers DESC, c.id
LIMIT $concepts
WITH collect(c) AS top
UNWIND top AS c
CALL (c) {
  MATCH (c)<-[r:${CONCEPT_LINKS}]-(p:Paper)
  RETURN p ORDER BY r.confidence DESC, p.id LIMIT $perConcept
}
WITH top, collect(DISTINCT p) AS papers
UNWIND papers AS p
MATCH (p)-[r:${CONCEPT_LINKS}|BUILDS_ON]->(t)
WHERE t IN top OR t IN papers
RETURN ${EDGE_FIELDS('r')} AS edge, ${NODE_FIELDS('p')} AS source, ${NODE_FIELDS('t')} AS target`;

/** The most connected concepts and their best-evidenced papers, with the links among them. */
export async function loadOverview(
  connection: Neo4jConnection,
  concepts: number,
  limit: number,
): Promise<GraphSlice> {
  const perConcept = Math.max(1, Math.floor((limit - concepts) / Math.max(concepts, 1)));
  const rows = await readRows(
    connection,
    OVERVIEW,
    { concepts: toInt(concepts), perConcept: toInt(perConcept) },
    (row) => ({
      source: toNode(row.list('source'), 'source').node,
      target: toNode(row.list('target'), 'target').node,
      edge: toEdge(row.list('edge'), 'edge'),
    }),
  );
  const nodes = new Map<string, SliceNode>();
  const edges = new Map<string, SliceEdge>();
  for (const { source, target, edge } of rows) {
    nodes.set(source.id, source);
    nodes.set(target.id, target);
    edges.set(edge.id, edge);
  }
  const kept = [...nodes.values()].slice(0, limit);
  const keptIds = new Set(kept.map((node) => node.id));
  return {
    nodes: kept,
    edges: [...edges.values()].filter((e) => keptIds.has(e.source) && keptIds.has(e.target)),
    truncated: nodes.size > limit,
  };
}
