// What some resolvers' parents really are, where no store type says it (codegen mappers).
import type { WhoUsesAnswer } from '../store/who-uses.ts';

/** A whoUses connection edge: the cursor and the store's answer for one paper. */
export interface WhoUsesEdgeModel {
  cursor: string;
  node: WhoUsesAnswer;
}
