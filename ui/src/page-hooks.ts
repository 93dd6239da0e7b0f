// What the page exposes as `window.papergraph` for the browser tests and the benchmark. Nothing
// in the page depends on it; it lives apart from explorer.ts so tests can import the type alone.
import type { LinkType } from './gql/graphql.ts';
import type { GraphSlice } from './graph/slice-to-elements.ts';
import type { LayoutName } from './view/view-state.ts';

export interface PageHooks {
  /** Resolves once the current view is loaded, laid out and painted. */
  settled(): Promise<void>;
  /** Draws a slice directly, no server involved (the benchmark's synthetic graphs). */
  renderSlice(slice: GraphSlice, layout?: LayoutName): Promise<void>;
  /** Page coordinates of a drawn node or of an edge's midpoint, to click the canvas there. */
  pagePoint(id: string): { x: number; y: number } | null;
  findEdge(source: string, target: string, type: LinkType): string | null;
  count(): { nodes: number; edges: number; visible: number };
  panBy(dx: number, dy: number): void;
  /** Goes to a view as a link would (`?at=...`), and resolves when it is drawn. */
  navigate(search: string): Promise<void>;
  /** The drawn nodes (not group titles), with their kinds. */
  nodes(): { id: string; kind: string }[];
  /** The renderer drawing the graph, `canvas` or `webgl`. */
  renderer(): 'canvas' | 'webgl';
  /** How the last draw split between computing positions and drawing them. */
  timing(): { layoutMs: number; renderMs: number; layout: string } | null;
  /** Nodes whose labels are printed now, with their label boxes on the page. */
  labels(): { id: string; text: string; x1: number; y1: number; x2: number; y2: number }[];
}

declare global {
  interface Window {
    papergraph: PageHooks;
  }
}
