// The line above the graph when a view is cut short or empty, so a reader never mistakes a
// partial or empty picture for the whole answer.
import type { GraphSlice } from '../graph/slice-to-elements.ts';
import type { ViewState } from './view-state.ts';

/** `answer`: the drawn whoUses answer's count of papers shown and in all, when there is one. */
export function noticeText(
  data: Pick<GraphSlice, 'truncated'> & { nodes: readonly unknown[] },
  view: ViewState,
  answer: { shown: number; total: number } | null,
): string {
  const parts: string[] = [];
  if (data.truncated) {
    parts.push(
      answer
        ? `Showing ${answer.shown} of ${answer.total} papers.`
        : 'This view is cut short: the server’s limit left out some nodes and links. Double-click a node to expand around it.',
    );
  }
  if (data.nodes.length === 0) {
    parts.push(
      view.base.kind === 'who'
        ? `Nothing to draw: no concept is called “${view.base.technique}”. The panel lists near names.`
        : 'The graph is empty. Load papers with `papergraph ingest` (npm start loads the seed).',
    );
  }
  return parts.join(' ');
}
