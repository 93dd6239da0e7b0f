// The start view's map of concepts: the most used concepts of each kind, linked by how often
// papers name them together and by family, with no paper drawn. It reads at any graph size because
// its size is capped by kind, not by the graph.
import type { Neo4jConnection } from './connect-neo4j.ts';
import {
  linkId,
  NODE_KINDS,
  type GraphSlice,
  type SliceEdge,
  type SliceNode,
} from './graph-slices.ts';
import { DIRECT_LINKS } from './link-types.ts';
import { toInt } from './neo4j-values.ts';
import { IN_SCOPE, isScoped, scopeParams, type PaperScope } from './paper-scope.ts';
import type { Row } from './row.ts';
import { readRows } from './run-read.ts';

/** A node of the map: a concept with the papers that link it directly. */
export interface MapNode extends SliceNode {
  paperCount: number;
}

/** A link of the map: two concepts named together (`CO_OCCURS`) or a variant and its family. */
export interface MapEdge extends Omit<SliceEdge, 'type'> {
  type: SliceEdge['type'] | 'CO_OCCURS';
  /** For CO_OCCURS: papers naming both, estimated from a sample when the smaller end is a hub. */
  papers: number | null;
}

export interface ConceptMap extends Omit<GraphSlice, 'nodes' | 'edges'> {
  nodes: MapNode[];
  edges: MapEdge[];
}

export interface ConceptMapOptions {
  /** Most concepts of each kind. */
  perKind: number;
  /** Most links of the map. */
  links: number;
  /** Papers read per concept to count co-occurrences: what bounds the map's cost on a hub. */
  sample: number;
  /** Only papers of a collection and a date range count. */
  scope?: PaperScope;
}

// NOTE: every concept's direct paper count is read (as the overview and paperCount do), then the
// top of each kind kept. Co-occurrence is counted from the end with fewer papers, over at most
// $sample of its papers, so a pair of hubs costs $sample link reads, not their full overlap; the
// count is scaled up when the sample was short of that end's papers.
// With a scope, the counts read each concept's links instead of the degree store.
const TOP_CONCEPTS = (scoped: boolean) => `
MATCH (c:Concept)
WITH c, ${
  scoped
    ? `COUNT { MATCH (c)<-[:${DIRECT_LINKS}]-(p:Paper) WHERE ${IN_SCOPE} }`
    : `COUNT { (c)<-[:${DIRECT_LINKS}]-(:Paper) }`
} AS papers
WHERE papers > 0
ORDER BY papers DESC, c.id
WITH c.kind AS kind, collect({c: c, papers: papers})[0..$perKind] AS top
UNWIND top AS t
WITH t.c AS c, t.papers AS papers
RETURN c.id AS id, toUpper(c.kind) AS kind, c.name AS name, papers,
       COUNT { (c)--() } AS degree,
       [(c)-[:VARIANT_OF]->(f:Concept) | f.id] AS families`;

/** A row of TOP_CONCEPTS: the map's node (labelled by its id when unnamed) and its families. */
const toTopConcept = (row: Row): { node: MapNode; families: string[] } => {
  const id = row.string('id');
  return {
    node: {
      id,
      kind: row.oneOf('kind', NODE_KINDS),
      label: row.optionalString('name') ?? id,
      degree: row.number('degree'),
      paperCount: row.number('papers'),
    },
    families: row.strings('families'),
  };
};

const CO_OCCURRENCE = (scoped: boolean) => `
UNWIND $top AS t
MATCH (c:Concept {id: t.id})
CALL (c) {
  MATCH (c)<-[:${DIRECT_LINKS}]-(p:Paper)${
    scoped
      ? `
  WHERE ${IN_SCOPE}`
      : ''
  }
  WITH DISTINCT p LIMIT $sample
  RETURN collect(p) AS sampled
}
UNWIND sampled AS p
MATCH (p)-[:${DIRECT_LINKS}]->(d:Concept)
WHERE $rank[d.id] IS NOT NULL AND $rank[d.id] > t.rank
RETURN c.id AS source, d.id AS target, count(DISTINCT p) AS papers, size(sampled) AS sampled`;

/** A row of CO_OCCURRENCE: papers of a pair among those sampled from its smaller end. */
const toSampledPair = (row: Row) => ({
  source: row.string('source'),
  target: row.string('target'),
  papers: row.number('papers'),
  sampled: row.number('sampled'),
});

/** Pairs of concepts scored for the map: `strength` is their papers over the geometric mean. */
export interface ScoredPair {
  source: string;
  target: string;
  papers: number;
  strength: number;
}

/**
 * The links worth drawing: each concept's strongest few (so no concept is left alone when it has
 * any), then the strongest others, up to `max`. Pairs seen in a single paper are left out.
 */
export function pickMapLinks(pairs: readonly ScoredPair[], max: number, perNode = 3): ScoredPair[] {
  const strong = pairs
    .filter((p) => p.papers >= 2)
    .sort(
      (a, b) => b.strength - a.strength || b.papers - a.papers || a.source.localeCompare(b.source),
    );
  const kept = new Set<ScoredPair>();
  const count = new Map<string, number>();
  for (const pair of strong) {
    if (kept.size >= max) break;
    const a = count.get(pair.source) ?? 0;
    const b = count.get(pair.target) ?? 0;
    if (a < perNode || b < perNode) {
      kept.add(pair);
      count.set(pair.source, a + 1);
      count.set(pair.target, b + 1);
    }
  }
  for (const pair of strong) {
    if (kept.size >= max) break;
    kept.add(pair);
  }
  return strong.filter((pair) => kept.has(pair));
}

export async function loadConceptMap(
  connection: Neo4jConnection,
  options: ConceptMapOptions,
): Promise<ConceptMap> {
  const scope = options.scope ?? {};
  const top = await readRows(
    connection,
    TOP_CONCEPTS(isScoped(scope)),
    { perKind: toInt(options.perKind), ...scopeParams(scope) },
    toTopConcept,
  );
  const nodes = top.map(({ node }) => node);
  const papersOf = new Map(nodes.map((n) => [n.id, n.paperCount]));
  // Rank 0 has the fewest papers: each pair is counted once, from its smaller end.
  const ordered = [...nodes].sort(
    (a, b) => a.paperCount - b.paperCount || a.id.localeCompare(b.id),
  );
  const rank = Object.fromEntries(ordered.map((n, i) => [n.id, i]));
  const pairs = await readRows(
    connection,
    CO_OCCURRENCE(isScoped(scope)),
    {
      top: ordered.map((n, i) => ({ id: n.id, rank: i })),
      rank,
      sample: toInt(options.sample),
      ...scopeParams(scope),
    },
    toSampledPair,
  );
  const scored: ScoredPair[] = pairs.map((pair) => {
    const { source, target } = pair;
    const sampled = Math.max(1, pair.sampled);
    const total = papersOf.get(source) ?? sampled;
    const papers = Math.round((pair.papers * Math.max(total, sampled)) / sampled);
    const strength = papers / Math.sqrt(total * (papersOf.get(target) ?? 1));
    return { source, target, papers, strength };
  });
  const edges: MapEdge[] = pickMapLinks(scored, options.links).map((pair) => ({
    id: linkId(pair.source, 'CO_OCCURS' as SliceEdge['type'], pair.target, null),
    source: pair.source,
    target: pair.target,
    type: 'CO_OCCURS',
    role: null,
    confidence: Math.min(1, pair.strength),
    papers: pair.papers,
  }));
  for (const { node, families } of top) {
    for (const family of families) {
      if (!papersOf.has(family)) continue;
      edges.push({
        id: linkId(node.id, 'VARIANT_OF', family, null),
        source: node.id,
        target: family,
        type: 'VARIANT_OF',
        role: null,
        confidence: null,
        papers: null,
      });
    }
  }
  return { nodes, edges, truncated: false };
}
