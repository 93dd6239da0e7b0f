// API graph slices -> Cytoscape elements: the one place the API's shape meets Cytoscape's.
import type { ElementDefinition } from 'cytoscape';
import { LINK_LOOKS, NODE_LOOKS } from './graph-style.ts';
import type { EvidenceFieldsFragment, SliceFieldsFragment } from '../gql/graphql.ts';

export type Evidence = EvidenceFieldsFragment;
/** A link; the server's come without evidence (fetched when opened), a whoUses answer's with it. */
export type SliceEdge = Omit<SliceFieldsFragment['edges'][number], 'papers'> & {
  evidence?: Evidence[];
  /** For a concept map's CO_OCCURS: papers naming both ends. */
  papers?: number | null;
};
export type SliceNode = Omit<SliceFieldsFragment['nodes'][number], 'paperCount'> & {
  /** Set on a concept map: what sizes its concepts. */
  paperCount?: number | null;
};
export type GraphSlice = Omit<SliceFieldsFragment, 'edges' | 'nodes'> & {
  nodes: SliceNode[];
  edges: SliceEdge[];
};

/** Display labels are cut here; the full text stays in `data.title` for panels and tooltips. */
export const MAX_LABEL = 48;

/** Node diameter in pixels: grows with the square root of the degree, so hubs stand out. */
export function nodeSize(degree: number): number {
  return Math.round(Math.min(84, 18 + 7 * Math.sqrt(Math.max(0, degree))));
}

/**
 * A concept-map node's diameter and font size, by its share of the map's largest paper count
 * (square root: areas, not diameters, follow the counts).
 */
export function mapNodeLook(paperCount: number, maxPaperCount: number) {
  const share = Math.sqrt(Math.max(0, paperCount) / Math.max(1, maxPaperCount));
  return { size: Math.round(22 + 62 * share), fontSize: Math.round(19 + 9 * share) };
}

export function shortLabel(label: string, max = MAX_LABEL): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s:,;.-]+$/, '')}…`;
}

/**
 * Turns a slice into Cytoscape elements, nodes first. Duplicate ids keep their first occurrence
 * and edges whose ends are not in the slice are dropped: Cytoscape refuses both, and a slice cut
 * short by a limit can contain either.
 */
export function sliceToElements(slice: GraphSlice): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const nodeKinds = new Map<string, SliceNode['kind']>();
  const maxPapers = Math.max(1, ...slice.nodes.map((n) => n.paperCount ?? 0));
  for (const node of slice.nodes) {
    if (nodeKinds.has(node.id)) continue;
    nodeKinds.set(node.id, node.kind);
    const mapped = node.paperCount != null ? mapNodeLook(node.paperCount, maxPapers) : null;
    const size = mapped?.size ?? nodeSize(node.degree);
    elements.push({
      group: 'nodes',
      classes: node.kind.toLowerCase(),
      data: {
        id: node.id,
        kind: node.kind,
        label: shortLabel(node.label),
        title: node.label,
        degree: node.degree,
        size,
        ...(mapped ? { paperCount: node.paperCount, fontSize: mapped.fontSize } : {}),
        // Papers are drawn as low cards, so they read as documents and leave the eye to concepts.
        ...(node.kind === 'PAPER'
          ? { paperWidth: Math.round(size * 1.25), paperHeight: Math.round(size * 0.75) }
          : {}),
      },
    });
  }
  const edgeIds = new Set<string>();
  for (const edge of slice.edges) {
    const targetKind = nodeKinds.get(edge.target);
    if (edgeIds.has(edge.id) || !nodeKinds.has(edge.source) || !targetKind) continue;
    edgeIds.add(edge.id);
    elements.push({
      group: 'edges',
      classes: edge.type.toLowerCase(),
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        role: edge.role,
        // Links without a confidence (citations, authorship) are facts, not guesses.
        confidence: edge.confidence ?? 1,
        ...(edge.papers != null ? { papers: edge.papers } : {}),
        // Absent, not empty, when it is still on the server.
        ...(edge.evidence ? { evidence: edge.evidence } : {}),
        width: edgeWidth(edge),
        // A variant's link to its family is drawn in the family's colour.
        ...(LINK_LOOKS[edge.type].colorOfTarget ? { lineColor: NODE_LOOKS[targetKind].color } : {}),
      },
    });
  }
  return elements;
}

/** The link type's width, thinner for less confident links (down to 60%). */
export function edgeWidth(edge: Pick<SliceEdge, 'type' | 'confidence'>): number {
  const factor = 0.6 + 0.4 * (edge.confidence ?? 1);
  return Math.round(LINK_LOOKS[edge.type].width * factor * 10) / 10;
}

/** The union of two slices: `b`'s new nodes and edges appended to `a`'s. */
export function mergeSlices(a: GraphSlice, b: GraphSlice): GraphSlice {
  const nodes = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const edges = new Map(a.edges.map((e) => [e.id, e]));
  for (const e of b.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: a.truncated || b.truncated,
  };
}

export const EMPTY_SLICE: GraphSlice = { nodes: [], edges: [], truncated: false };
