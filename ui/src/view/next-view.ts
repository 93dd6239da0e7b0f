// How the view changes: every action of the reader is a pure step from one view state to the next,
// so the controller (explorer.ts) only runs effects and each step is tested without a browser.
import type { LinkType, NodeKind, Role } from '../gql/graphql.ts';
import { DEFAULT_ROLES } from '../who-uses/who-uses-roles.ts';
import type { LayoutName, PaperScope, ViewState } from './view-state.ts';

export type ViewAction =
  /** A node or link picked on the canvas or in a panel. */
  | { type: 'select'; target: NonNullable<ViewState['selected']> }
  /** The background tapped or the panel closed. */
  | { type: 'deselect' }
  /** A node asked for from a panel: selected when it is drawn, else drawn with its neighbourhood. */
  | { type: 'open'; id: string; drawn: boolean }
  /** A node's neighbourhood as the whole view, with all its links (a search hit). */
  | { type: 'focus'; id: string }
  /** A node's neighbourhood added to what is drawn (a double-click). */
  | { type: 'expand'; id: string }
  /** A "Who uses" question; without roles, those of the question on screen are kept. */
  | { type: 'ask'; technique: string; roles?: Role[] }
  /** Back to the concept map. */
  | { type: 'start' }
  | { type: 'scope'; scope: PaperScope }
  | { type: 'layout'; layout: LayoutName }
  | { type: 'minConfidence'; value: number }
  | { type: 'hideKinds'; kinds: NodeKind[] }
  | { type: 'hideLinks'; links: LinkType[] };

/** The view after an action; the same object when the action changes nothing. */
export function nextView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'select':
      return { ...view, selected: action.target };
    case 'deselect':
      return view.selected ? { ...view, selected: null } : view;
    case 'open':
      return action.drawn ? selectNode(view, action.id) : focus(view, action.id);
    case 'focus':
      return focus(view, action.id);
    case 'expand':
      return expand(view, action.id);
    case 'ask': {
      const roles =
        action.roles ?? (view.base.kind === 'who' ? view.base.roles : [...DEFAULT_ROLES]);
      const base = { kind: 'who', technique: action.technique, roles } as const;
      return { ...view, base, expanded: [], selected: null };
    }
    case 'start':
      return { ...view, base: { kind: 'overview' }, expanded: [], selected: null };
    case 'scope':
      return { ...view, scope: action.scope, expanded: [], selected: null };
    case 'layout':
      return { ...view, layout: action.layout };
    case 'minConfidence':
      return { ...view, minConfidence: action.value };
    case 'hideKinds':
      return { ...view, hiddenKinds: action.kinds };
    case 'hideLinks':
      return { ...view, hiddenLinks: action.links };
  }
}

const selectNode = (view: ViewState, id: string): ViewState => ({
  ...view,
  selected: { kind: 'node', id },
});

const focus = (view: ViewState, id: string): ViewState => ({
  ...view,
  base: { kind: 'node', id },
  expanded: [],
  selected: { kind: 'node', id },
});

function expand(view: ViewState, id: string): ViewState {
  // The concept map holds no paper: opening a concept there shows its papers, in a view of its own.
  if (view.base.kind === 'overview' && view.expanded.length === 0) return focus(view, id);
  const already = view.expanded.includes(id) || (view.base.kind === 'node' && view.base.id === id);
  if (already) return selectNode(view, id);
  return { ...selectNode(view, id), expanded: [...view.expanded, id] };
}
