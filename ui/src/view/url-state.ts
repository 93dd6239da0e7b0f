// The view as a URL query, so a view can be shared and back/forward walk through views.
import type { LinkType, NodeKind, Role } from '../gql/graphql.ts';
import { LINK_TYPES, NODE_KINDS } from '../graph/graph-style.ts';
import { DEFAULT_ROLES, isDefaultRoles, normalizeRoles } from '../who-uses/who-uses-roles.ts';

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

/** Reads a query string; unknown or malformed values fall back to the defaults. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const at = q.get('at');
  const who = q.get('who');
  const node = q.get('node');
  const edge = q.get('edge');
  const conf = Number(q.get('conf') ?? 0);
  const layout = q.get('layout');
  const roles = normalizeRoles(list(q.get('roles')));
  return {
    base: who
      ? { kind: 'who', technique: who, roles: roles.length ? roles : [...DEFAULT_ROLES] }
      : at
        ? { kind: 'node', id: at }
        : { kind: 'overview' },
    expanded: q.getAll('expand').filter(Boolean),
    selected: node ? { kind: 'node', id: node } : edge ? { kind: 'edge', id: edge } : null,
    hiddenKinds: list(q.get('hide')).filter((k): k is NodeKind =>
      NODE_KINDS.includes(k as NodeKind),
    ),
    hiddenLinks: list(q.get('hideLinks')).filter((t): t is LinkType =>
      LINK_TYPES.includes(t as LinkType),
    ),
    minConfidence: Number.isFinite(conf) ? Math.min(1, Math.max(0, conf)) : 0,
    layout: LAYOUTS.includes(layout as LayoutName) ? (layout as LayoutName) : 'fcose',
    scope: {
      collection: q.get('collection') || null,
      from: yearOrNull(q.get('from')),
      to: yearOrNull(q.get('to')),
    },
  };
}

/** Writes only what differs from the defaults, so the start view's URL is bare. */
export function formatViewState(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.base.kind === 'who') {
    q.set('who', state.base.technique);
    if (!isDefaultRoles(state.base.roles)) q.set('roles', state.base.roles.join(','));
  }
  if (state.base.kind === 'node') q.set('at', state.base.id);
  for (const id of state.expanded) q.append('expand', id);
  if (state.selected) q.set(state.selected.kind, state.selected.id);
  if (state.hiddenKinds.length) q.set('hide', state.hiddenKinds.join(','));
  if (state.hiddenLinks.length) q.set('hideLinks', state.hiddenLinks.join(','));
  if (state.minConfidence > 0) q.set('conf', String(state.minConfidence));
  if (state.layout !== 'fcose') q.set('layout', state.layout);
  if (state.scope.collection) q.set('collection', state.scope.collection);
  if (state.scope.from) q.set('from', state.scope.from);
  if (state.scope.to) q.set('to', state.scope.to);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** True when the two states need different data from the server (not only a new look). */
export function sameData(a: ViewState, b: ViewState): boolean {
  return (
    JSON.stringify([a.base, a.expanded, a.scope]) === JSON.stringify([b.base, b.expanded, b.scope])
  );
}

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
