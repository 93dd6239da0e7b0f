// A whoUses answer drawn as a graph slice: the technique in the middle, each paper linked to it
// (or to the variant it names, itself linked to the technique) by its roles, and papers that
// build on or cite its proposer linked through that paper.
import type { ConceptKind, LinkType, Role, WhoUsesQuery } from '../gql/graphql.ts';
import {
  EMPTY_SLICE,
  type Evidence,
  type GraphSlice,
  type SliceEdge,
  type SliceNode,
} from '../graph/slice-to-elements.ts';
import { roleLinkType } from './who-uses-roles.ts';

/** One question's answer, its pages joined (so without a page's cursor). */
export type WhoUsesAnswer = Omit<WhoUsesQuery['whoUses'], 'pageInfo'>;

/** What was asked: the name as typed and the roles it was asked for. */
export interface WhoUsesQuestion {
  technique: string;
  roles: Role[];
}

/** A concept whose name is near one the graph does not hold: a way on from an empty answer. */
export interface NearName {
  name: string;
  kind: ConceptKind;
  paperCount: number | null;
}

/** A whoUses answer's links bring their evidence: the explorer asks nothing more when one opens. */
type EvidencedEdge = SliceEdge & { evidence: Evidence[] };
export type WhoUsesSlice = Omit<GraphSlice, 'edges'> & { edges: EvidencedEdge[] };

export function whoUsesToSlice(answer: WhoUsesAnswer): WhoUsesSlice {
  const technique = answer.technique;
  if (!technique) return { ...EMPTY_SLICE, edges: [] };
  const nodes = new Map<string, SliceNode>();
  const edges = new Map<string, EvidencedEdge>();
  const addPaper = (paper: { id: string; title: string }) => {
    if (!nodes.has(paper.id))
      nodes.set(paper.id, { id: paper.id, kind: 'PAPER', label: paper.title, degree: 0 });
  };
  const addEdge = (edge: Omit<EvidencedEdge, 'id'>) => {
    const id = `who:${edge.source}:${edge.type}:${edge.target}`;
    if (!edges.has(id)) edges.set(id, { id, ...edge });
  };
  // Concepts keep their degree in the whole graph; the family's papers size the technique, since
  // the answer is about all of them.
  nodes.set(technique.id, {
    id: technique.id,
    kind: technique.kind,
    label: technique.name,
    degree: Math.max(technique.paperCount, technique.familyPaperCount),
  });
  const concepts = new Set([technique.id]);
  for (const edge of answer.edges) {
    addPaper(edge.node);
    const link = {
      source: edge.node.id,
      confidence: edge.confidence,
      evidence: edge.evidence,
    };
    if (edge.relation === 'DIRECT') {
      // NOTE: the server links a variant to its family two levels deep at most (ResNet-50 ->
      // ResNet); the answer names only the variant, so it is drawn one step from the technique.
      const named = edge.variant ?? technique;
      if (edge.variant) {
        concepts.add(named.id);
        if (!nodes.has(named.id))
          nodes.set(named.id, {
            id: named.id,
            kind: named.kind,
            label: named.name,
            degree: edge.variant.paperCount,
          });
        addEdge({
          source: named.id,
          target: technique.id,
          type: 'VARIANT_OF',
          role: null,
          confidence: null,
          evidence: [],
        });
      }
      for (const role of edge.roles.length ? edge.roles : (['USES'] as const)) {
        addEdge({ ...link, target: named.id, type: roleLinkType(named.kind, role), role });
      }
    } else if (edge.through) {
      addPaper(edge.through);
      const type: LinkType = edge.relation === 'CITES' ? 'CITES' : 'BUILDS_ON';
      addEdge({ ...link, target: edge.through.id, type, role: null });
      addEdge({
        source: edge.through.id,
        target: technique.id,
        type: 'PROPOSES',
        role: 'PROPOSES',
        confidence: null,
        evidence: [],
      });
    }
  }
  // Papers' degrees within the answer, so papers answering in several ways draw larger.
  for (const edge of edges.values()) {
    for (const id of [edge.source, edge.target]) {
      const node = nodes.get(id);
      if (node && !concepts.has(id)) node.degree += 1;
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    truncated: answer.totalCount > answer.edges.length,
  };
}
