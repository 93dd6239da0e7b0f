// The view as a URL query, so a view can be shared and back/forward walk through views.
import type { LinkType, NodeKind } from '../gql/graphql.ts';
import { LINK_TYPES, NODE_KINDS } from '../graph/graph-style.ts';
import { DEFAULT_ROLES, isDefaultRoles, normalizeRoles } from '../who-uses/who-uses-roles.ts';
import { LAYOUTS, yearOrNull, type LayoutName, type ViewState } from './view-state.ts';

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

function list(value: string | null): string[] {
  return value ? value.split(',').filter(Boolean) : [];
}
