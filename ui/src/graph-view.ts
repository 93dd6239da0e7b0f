// The Cytoscape canvas: draws slices, runs layouts, filters, selects and exports. No Cytoscape
// object leaves this module; callers speak in ids and plain data.
import cytoscape, {
  type Core,
  type EdgeSingular,
  type LayoutOptions,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LinkType, NodeKind, Role } from './gql/graphql.ts';
import { createStylesheet } from './graph-style.ts';
import { sliceToElements, type Evidence, type GraphSlice } from './slice-to-elements.ts';
import type { LayoutName } from './url-state.ts';

cytoscape.use(fcose);

/** Above this many elements, fcose skips its force refinement (spectral placement only). */
export const BIG_GRAPH = 1200;

/** Focusing a node never zooms in further than this, so its surroundings stay in view. */
const MAX_FOCUS_ZOOM = 1.6;

export interface GraphFilters {
  hiddenKinds: readonly NodeKind[];
  hiddenLinks: readonly LinkType[];
  minConfidence: number;
}

export interface GraphEvents {
  onNodeTap(id: string): void;
  onNodeDoubleTap(id: string): void;
  onEdgeTap(id: string): void;
  onBackgroundTap(): void;
}

export interface NodeInfo {
  id: string;
  kind: NodeKind;
  label: string;
  degree: number;
}

export interface EdgeInfo {
  id: string;
  source: NodeInfo;
  target: NodeInfo;
  type: LinkType;
  role: Role | null;
  confidence: number;
  /** Null while it is still on the server (links of a neighbourhood or the overview). */
  evidence: Evidence[] | null;
}

export interface DrawOptions {
  layout: LayoutName;
  /** Keep drawn nodes where they are and place new ones around this node (an expansion). */
  growFrom?: string;
  /** The node a breadth-first layout starts from (default: the selection, else the hub). */
  root?: string;
}

export interface GraphView {
  draw(slice: GraphSlice, options: DrawOptions): Promise<void>;
  layout(name: LayoutName, root?: string): Promise<void>;
  filter(filters: GraphFilters): void;
  select(selection: { kind: 'node' | 'edge'; id: string } | null, center?: boolean): void;
  node(id: string): NodeInfo | null;
  edge(id: string): EdgeInfo | null;
  findEdge(source: string, target: string, type: LinkType): string | null;
  fit(): void;
  count(): { nodes: number; edges: number; visible: number };
  png(): Blob;
  json(): { elements: unknown[] };
  /** Page coordinates of a node or an edge's midpoint, for tests that click the canvas. */
  pagePoint(id: string): { x: number; y: number } | null;
  panBy(dx: number, dy: number): void;
}

export function createGraphView(container: HTMLElement, events: GraphEvents): GraphView {
  const cy: Core = cytoscape({
    container,
    style: createStylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
    // While panning or zooming, move a snapshot instead of redrawing every element: what keeps
    // a 3,000-element graph at frame rate (the snapshot is only blurred while zooming).
    textureOnViewport: true,
  });

  cy.on('tap', 'node', (e) => events.onNodeTap((e.target as NodeSingular).id()));
  cy.on('dbltap', 'node', (e) => events.onNodeDoubleTap((e.target as NodeSingular).id()));
  cy.on('tap', 'edge', (e) => events.onEdgeTap((e.target as EdgeSingular).id()));
  cy.on('tap', (e) => {
    if (e.target === cy) events.onBackgroundTap();
  });
  cy.on('mouseover', 'node', (e) => {
    container.title = String((e.target as NodeSingular).data('title'));
  });
  cy.on('mouseout', 'node', () => container.removeAttribute('title'));

  // The canvas itself is keyboard-operable: arrows pan, +/- zoom, 0 fits.
  container.tabIndex = 0;
  container.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 200 : 60;
    const center = { x: container.clientWidth / 2, y: container.clientHeight / 2 };
    const moves: Record<string, () => void> = {
      ArrowLeft: () => cy.panBy({ x: step, y: 0 }),
      ArrowRight: () => cy.panBy({ x: -step, y: 0 }),
      ArrowUp: () => cy.panBy({ x: 0, y: step }),
      ArrowDown: () => cy.panBy({ x: 0, y: -step }),
      '+': () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: center }),
      '=': () => cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: center }),
      '-': () => cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: center }),
      '0': () => cy.fit(undefined, 30),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  });

  let currentLayout: cytoscape.Layouts | null = null;

  function layoutOptions(name: LayoutName, incremental: boolean, rootId?: string): LayoutOptions {
    const size = cy.elements().length;
    const big = size > BIG_GRAPH;
    if (name === 'concentric') {
      const maxDegree = Math.max(1, ...cy.nodes().map((n) => Number(n.data('degree'))));
      return {
        name: 'concentric',
        animate: false,
        concentric: (n: NodeSingular) => Number(n.data('degree')),
        levelWidth: () => maxDegree / 6,
        minNodeSpacing: big ? 4 : 12,
        avoidOverlap: !big,
        nodeDimensionsIncludeLabels: !big,
        padding: 30,
      } as LayoutOptions;
    }
    if (name === 'breadthfirst') {
      const wanted = rootId ? cy.getElementById(rootId) : cy.collection();
      const selected = cy.nodes(':selected');
      const root = wanted.nonempty()
        ? wanted
        : selected.nonempty()
          ? selected
          : cy.nodes().max((n) => Number(n.data('degree'))).ele;
      return {
        name: 'breadthfirst',
        animate: false,
        directed: false,
        roots: root ? root : undefined,
        spacingFactor: big ? 0.6 : 1,
        avoidOverlap: !big,
        nodeDimensionsIncludeLabels: !big,
        padding: 30,
      } as LayoutOptions;
    }
    return {
      name: 'fcose',
      quality: big ? 'draft' : 'default',
      randomize: !incremental,
      animate: false,
      fit: true,
      padding: 30,
      packComponents: false,
      idealEdgeLength: () => 80,
      nodeRepulsion: () => 12000,
      nodeDimensionsIncludeLabels: false,
      nodeSeparation: big ? 140 : 75,
      numIter: size > 400 ? 600 : 2500,
      // Nodes on their own (no drawn links) are tiled in a block instead of scattered.
      tile: true,
    } as LayoutOptions;
  }

  function runLayout(name: LayoutName, incremental = false, root?: string): Promise<void> {
    currentLayout?.stop();
    if (cy.elements().empty()) return Promise.resolve();
    const layout = cy.layout(layoutOptions(name, incremental, root));
    currentLayout = layout;
    const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    return done;
  }

  function nodeInfo(n: NodeSingular): NodeInfo {
    return { id: n.id(), kind: n.data('kind'), label: n.data('title'), degree: n.data('degree') };
  }

  return {
    async draw(slice, options) {
      const elements = sliceToElements(slice);
      const grow = options.growFrom ? cy.getElementById(options.growFrom) : null;
      if (grow && grow.nonempty()) {
        const origin = grow.position();
        const fresh = elements.filter((e) => cy.getElementById(String(e.data.id)).empty());
        let i = 0;
        for (const e of fresh) {
          if (e.group === 'nodes') {
            const angle = (i++ * 2.4) % (2 * Math.PI);
            e.position = { x: origin.x + 60 * Math.cos(angle), y: origin.y + 60 * Math.sin(angle) };
          }
        }
        cy.add(fresh);
        // Nodes gone from the slice (none, for an expansion) would linger; remove to be exact.
        const keep = new Set(elements.map((e) => String(e.data.id)));
        cy.elements()
          .filter((e) => !keep.has(e.id()))
          .remove();
        await runLayout(options.layout, options.layout === 'fcose', options.root);
      } else {
        cy.batch(() => {
          cy.elements().remove();
          cy.add(elements);
        });
        await runLayout(options.layout, false, options.root);
      }
    },
    layout: (name, root) => runLayout(name, false, root),
    filter({ hiddenKinds, hiddenLinks, minConfidence }) {
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          n.toggleClass('filtered', hiddenKinds.includes(n.data('kind')));
        });
        cy.edges().forEach((e) => {
          const hidden =
            hiddenLinks.includes(e.data('type')) || Number(e.data('confidence')) < minConfidence;
          e.toggleClass('filtered', hidden);
        });
      });
    },
    select(selection, center = false) {
      cy.batch(() => {
        cy.elements(':selected').unselect();
        cy.elements('.faded').removeClass('faded');
        if (!selection) return;
        const element = cy.getElementById(selection.id);
        if (element.empty()) return;
        element.select();
        // Everything but the selection and what touches it steps back.
        const kept = element.isEdge()
          ? element.union((element as EdgeSingular).connectedNodes())
          : (element as NodeSingular).closedNeighborhood();
        cy.elements().difference(kept).addClass('faded');
      });
      if (selection && center) {
        const element = cy.getElementById(selection.id);
        if (element.nonempty()) {
          // No animation: the view is where it will stay as soon as this returns.
          const ends = element.isEdge()
            ? (element as EdgeSingular).connectedNodes()
            : (element as NodeSingular);
          const around = ends.closedNeighborhood();
          cy.fit(around.filter(':visible'), 60);
          if (cy.zoom() > MAX_FOCUS_ZOOM) {
            cy.zoom(MAX_FOCUS_ZOOM);
            cy.center(element);
          }
        }
      }
    },
    node(id) {
      const n = cy.getElementById(id);
      return n.nonempty() && n.isNode() ? nodeInfo(n) : null;
    },
    edge(id) {
      const e = cy.getElementById(id);
      if (e.empty() || !e.isEdge()) return null;
      return {
        id,
        source: nodeInfo(e.source()),
        target: nodeInfo(e.target()),
        type: e.data('type'),
        role: e.data('role'),
        confidence: e.data('confidence'),
        evidence: e.data('evidence') ?? null,
      };
    },
    findEdge(source, target, type) {
      const found = cy
        .getElementById(source)
        .edgesTo(cy.getElementById(target))
        .filter((e) => e.data('type') === type);
      return found.nonempty() ? found.first().id() : null;
    },
    fit: () => cy.fit(cy.elements(':visible'), 30),
    count: () => ({
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      visible: cy.elements(':visible').length,
    }),
    png: () =>
      cy.png({
        output: 'blob',
        bg: '#ffffff',
        full: true,
        scale: 2,
        maxWidth: 6000,
        maxHeight: 6000,
      }),
    json: () => ({ elements: cy.elements(':visible').jsons() }),
    pagePoint(id) {
      const element = cy.getElementById(id);
      if (element.empty()) return null;
      const p = element.isEdge()
        ? (element as EdgeSingular).renderedMidpoint()
        : (element as NodeSingular).renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    panBy: (dx, dy) => cy.panBy({ x: dx, y: dy }),
  };
}
