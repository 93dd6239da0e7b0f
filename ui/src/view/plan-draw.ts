// What it takes to bring the drawn graph to a new view: new data, one more neighbourhood, a new
// layout, or nothing but filters and selection.
import { sameData, type ViewState } from './view-state.ts';

export type DrawPlan =
  /** Ask the server for the view's data and draw it anew. */
  | { kind: 'load' }
  /** Add one node's neighbourhood to what is drawn, growing the layout from it. */
  | { kind: 'grow'; from: string }
  /** Same data, another layout. */
  | { kind: 'relayout' }
  /** Same data and layout: only filters and selection change. */
  | { kind: 'keep' };

/** The plan from the view on screen (null before the first draw) to the next one. */
export function planDraw(drawn: ViewState | null, next: ViewState): DrawPlan {
  if (!drawn) return { kind: 'load' };
  if (!sameData(drawn, next)) {
    const grows =
      JSON.stringify(drawn.base) === JSON.stringify(next.base) &&
      JSON.stringify(drawn.scope) === JSON.stringify(next.scope) &&
      next.expanded.length === drawn.expanded.length + 1 &&
      drawn.expanded.every((id, i) => next.expanded[i] === id);
    return grows
      ? { kind: 'grow', from: next.expanded[next.expanded.length - 1] }
      : { kind: 'load' };
  }
  return drawn.layout === next.layout ? { kind: 'keep' } : { kind: 'relayout' };
}

/** Where a breadth-first layout starts: the selected node, else the node the view is about. */
export function layoutRoot(view: ViewState): string | undefined {
  if (view.selected?.kind === 'node') return view.selected.id;
  return view.base.kind === 'node' ? view.base.id : undefined;
}
