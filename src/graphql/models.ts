// What some resolvers' parents really are, where no store type says it (codegen mappers).
import type { Paper } from '../domain.ts';
import type { PaperSummary } from '../store/records.ts';
import type { WhoUsesAnswer } from '../store/who-uses.ts';

/** A paper, whole or as a list read it (without its abstract, loaded when asked for). */
export type PaperModel = Paper | PaperSummary;

/** A whoUses connection edge: the cursor and the store's answer for one paper. */
export interface WhoUsesEdgeModel {
  cursor: string;
  node: WhoUsesAnswer;
}
