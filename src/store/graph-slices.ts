// Graph slices for drawing: the neighbourhood of a node and the overview of the whole graph.
import type { Evidence } from '../domain.ts';
import type { Neo4jConnection } from './connect-neo4j.ts';
import { toInt, toNumber } from './neo4j-values.ts';
import type { LinkType } from './link-types.ts';
import { toEvidence } from './records.ts';
import { runRead } from './run-read.ts';

export type NodeKind =
  'PAPER' | 'METHOD' | 'MODEL' | 'DATASET' | 'TASK' | 'METRIC' | 'HARDWARE' | 'CLAIM' | 'AUTHOR';

export interface SliceNode {
  id: string;
  kind: NodeKind;
  label: string;
  degree: number;
}

export interface SliceEdge {
  id: string;
  source: string;
  target: string;
  type: LinkType;
  role: string | null;
  confidence: number | null;
  evidence: Evidence[];
}

export interface GraphSlice {
  nodes: SliceNode[];
  edges: SliceEdge[];
  truncated: boolean;
}

const KIND_OF = (n: string) =>
  `CASE WHEN ${n}:Paper THEN 'PAPER' WHEN ${n}:Claim THEN 'CLAIM' WHEN ${n}:Author THEN 'AUTHOR' ELSE toUpper(${n}.kind) END`;

// A node as a row: its id, kind, label and degree, computed in Cypher from fixed expressions.
const NODE_FIELDS = (n: string) => `{
  id: ${n}.id,
  kind: ${KIND_OF(n)},
  label: CASE WHEN ${n}:Paper THEN ${n}.title WHEN ${n}:Claim THEN ${n}.value + ' ' + replace(${n}.kind, '_', ' ') ELSE ${n}.name END,
  degree: COUNT { (${n})--() }
}`;
const EDGE_FIELDS = (r: string) =>
  `{ source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}), props: properties(${r}) }`;

interface EdgeRow {
  source: string;
  target: string;
  type: LinkType;
  props: Record<string, unknown>;
}

function toNode(row: Record<string, unknown>): SliceNode {
  return {
    id: row.id as string,
    kind: row.kind as NodeKind,
    label: (row.label as string | null) || (row.id as string),
    degree: toNumber(row.degree),
  };
}

function toEdge(row: EdgeRow): SliceEdge {
  const via = typeof row.props.via === 'string' ? `|${row.props.via}` : '';
  const hasEvidence = typeof row.props.sentence === 'string';
  return {
    id: `${row.source}|${row.type}|${row.target}${via}`,
    source: row.source,
    target: row.target,
    type: row.type,
    role: (row.props.role as string | null | undefined) ?? null,
    confidence: typeof row.props.confidence === 'number' ? row.props.confidence : null,
    evidence: hasEvidence ? toEvidence(row.props) : [],
  };
}

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

// One ring of the neighbourhood: edges from the frontier, best evidence first, cut at $limit.
// NOTE: labels and degrees are computed after the cut, for the rows kept only.
const RING = `
UNWIND $frontier AS id
${FIND_NODE}
MATCH (n)-[r]-(m)
WHERE ($types IS NULL OR type(r) IN $types)
  AND (r.confidence IS NULL OR r.confidence >= $minConfidence)
  AND (m:Paper OR m:Concept OR m:Claim OR m:Author)
  AND ($kinds IS NULL OR ${KIND_OF('m')} IN $kinds)
WITH r, m ORDER BY coalesce(r.confidence, 1.0) DESC
LIMIT $limit
RETURN ${EDGE_FIELDS('r')} AS edge, ${NODE_FIELDS('m')} AS node`;

export interface NeighborhoodOptions {
  depth: number;
  kinds: NodeKind[] | null;
  types: LinkType[] | null;
  minConfidence: number;
  /** Most nodes in the slice. */
  limit: number;
}

/** The nodes within `depth` links of a node, breadth first, cut at `limit` nodes. */
export async function loadNeighborhood(
  connection: Neo4jConnection,
  id: string,
  options: NeighborhoodOptions,
): Promise<GraphSlice | null> {
  const start = await runRead(connection, START, { id });
  if (start.length === 0) return null;
  const nodes = new Map<string, SliceNode>([
    [id, toNode(start[0].node as Record<string, unknown>)],
  ]);
  const edges = new Map<string, SliceEdge>();
  let frontier = [id];
  let truncated = false;
  for (let ring = 0; ring < options.depth && frontier.length > 0 && !truncated; ring += 1) {
    // Asking for one edge more than fits tells a full ring from a cut one.
    const room = options.limit - nodes.size;
    const rows = await runRead(connection, RING, {
      frontier,
      types: options.types,
      kinds: options.kinds,
      minConfidence: options.minConfidence,
      limit: toInt(Math.max(room, 0) * 2 + 1),
    });
    const next: string[] = [];
    for (const row of rows) {
      const node = toNode(row.node as Record<string, unknown>);
      if (!nodes.has(node.id)) {
        if (nodes.size >= options.limit) {
          truncated = true;
          continue;
        }
        nodes.set(node.id, node);
        next.push(node.id);
      }
      const edge = toEdge(row.edge as EdgeRow);
      edges.set(edge.id, edge);
    }
    if (rows.length > Math.max(room, 0) * 2) truncated = true;
    frontier = next;
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)),
    truncated,
  };
}

const OVERVIEW = `
MATCH (c:Concept)
WITH c, COUNT { (c)<-[:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-() } AS papers
ORDER BY papers DESC, c.id
LIMIT $concepts
WITH collect(c) AS top
UNWIND top AS c
CALL (c) {
  MATCH (c)<-[r:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES]-(p:Paper)
  RETURN p ORDER BY r.confidence DESC, p.id LIMIT $perConcept
}
WITH top, collect(DISTINCT p) AS papers
UNWIND papers AS p
MATCH (p)-[r:PROPOSES|USES|COMPARES|EVALUATES_ON|ADDRESSES|MEASURES|BUILDS_ON]->(t)
WHERE t IN top OR t IN papers
RETURN ${EDGE_FIELDS('r')} AS edge, ${NODE_FIELDS('p')} AS source, ${NODE_FIELDS('t')} AS target`;

/** The most connected concepts and their best-evidenced papers, with the links among them. */
export async function loadOverview(
  connection: Neo4jConnection,
  concepts: number,
  limit: number,
): Promise<GraphSlice> {
  const perConcept = Math.max(1, Math.floor((limit - concepts) / Math.max(concepts, 1)));
  const rows = await runRead(connection, OVERVIEW, {
    concepts: toInt(concepts),
    perConcept: toInt(perConcept),
  });
  const nodes = new Map<string, SliceNode>();
  const edges = new Map<string, SliceEdge>();
  for (const row of rows) {
    for (const end of [row.source, row.target]) {
      const node = toNode(end as Record<string, unknown>);
      nodes.set(node.id, node);
    }
    const edge = toEdge(row.edge as EdgeRow);
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
