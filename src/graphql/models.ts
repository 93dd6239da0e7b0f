// What some resolvers' parents really are, where no store type says it (codegen mappers).
import type { Paper } from '../domain.ts';
import type { MapEdge } from '../store/concept-map.ts';
import type { SliceEdge } from '../store/graph-slices.ts';
import type { LinkWithEvidence } from '../store/load-links.ts';
import type { PaperSummary } from '../store/records.ts';
import type { WhoUsesAnswer } from '../store/who-uses.ts';

/** A paper, whole or as a list read it (without its abstract, loaded when asked for). */
export type PaperModel = Paper | PaperSummary;

/** A link, from a slice (without its evidence, loaded when asked for), a concept map, or read by id with it. */
export type GraphEdgeModel = SliceEdge | LinkWithEvidence | MapEdge;

/** A whoUses connection edge: the cursor and the store's answer for one paper. */
export interface WhoUsesEdgeModel {
  cursor: string;
  node: WhoUsesAnswer;
}
