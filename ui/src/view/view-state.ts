// The explorer's one view state: what the graph shows, what is selected, how it is filtered and
// laid out, and which papers count. The URL holds it (url-state.ts); actions change it
// (next-view.ts).
import type { LinkType, NodeKind, Role } from '../gql/graphql.ts';

export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface ViewState {
  /**
   * What the graph shows before expansions: the start view, one node's neighbourhood, or a
   * whoUses answer for the given roles (normalised by `normalizeRoles`, never empty).
   */
  base:
    | { kind: 'overview' }
    | { kind: 'node'; id: string }
    | { kind: 'who'; technique: string; roles: Role[] };
  /** Nodes whose neighbourhoods were added, in order. */
  expanded: string[];
  /** The selected node or edge, whose details the side panel shows. */
  selected: { kind: 'node' | 'edge'; id: string } | null;
  hiddenKinds: NodeKind[];
  hiddenLinks: LinkType[];
  minConfidence: number;
  layout: LayoutName;
  /** Which papers count: one collection and a range of years (null: all). */
  scope: PaperScope;
}

export interface PaperScope {
  collection: string | null;
  /** First year, as `YYYY`. */
  from: string | null;
  /** Last year, as `YYYY`, inclusive. */
  to: string | null;
}

export const ALL_PAPERS: PaperScope = { collection: null, from: null, to: null };

/** A four-digit year, or null. */
export function yearOrNull(value: string | null): string | null {
  const year = value?.trim() ?? '';
  return /^\d{4}$/.test(year) ? year : null;
}

/** The scope as GraphQL variables: a collection and partial dates. */
export function scopeVariables(scope: PaperScope) {
  return {
    collection: scope.collection,
    publishedFrom: scope.from,
    publishedTo: scope.to,
  };
}

export const DEFAULT_VIEW: ViewState = {
  base: { kind: 'overview' },
  expanded: [],
  selected: null,
  hiddenKinds: [],
  hiddenLinks: [],
  minConfidence: 0,
  layout: 'fcose',
  scope: ALL_PAPERS,
};

/** True when the two states need different data from the server (not only a new look). */
export function sameData(a: ViewState, b: ViewState): boolean {
  return (
    JSON.stringify([a.base, a.expanded, a.scope]) === JSON.stringify([b.base, b.expanded, b.scope])
  );
}
