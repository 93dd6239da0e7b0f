// The Cytoscape canvas: draws slices, runs layouts, filters, selects and exports. No Cytoscape
// object leaves this module; callers speak in ids and plain data.
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LinkType, NodeKind, Role } from '../gql/graphql.ts';
import { chooseLabels, labelBox, type LabelBox } from './choose-labels.ts';
import { AXIS_FONT, createStylesheet } from './graph-style.ts';
import { clusterOffThread } from './cluster-off-thread.ts';
import { BIG_GRAPH, layoutOptions } from './layout-options.ts';
import type { Arrangement } from './map-layouts.ts';
import { sliceToElements, type Evidence, type GraphSlice } from './slice-to-elements.ts';
import type { LayoutName } from '../view/view-state.ts';

cytoscape.use(fcose);

/**
 * Above this many elements the force layout gives way to a clustering computed in a worker: the
 * page stays responsive and the picture is ready in a fraction of the time.
 */
export const HUGE_GRAPH = 4000;

/** Which Cytoscape renderer draws: `webgl` only when asked for and a WebGL context exists. */
export type RendererName = 'canvas' | 'webgl';

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
  /** For a concept map's CO_OCCURS link: papers naming both ends. */
  papers: number | null;
}

export interface DrawOptions {
  layout: LayoutName;
  /** Keep drawn nodes where they are and place new ones around this node (an expansion). */
  growFrom?: string;
  /** The node a breadth-first layout starts from (default: the selection, else the hub). */
  root?: string;
  /** Positions computed from the data (concept map, time axis), used instead of `layout`. */
  arrangement?: Arrangement;
}

/** How long the last draw took: computing positions, and drawing them until painted. */
export interface DrawTiming {
  layoutMs: number;
  renderMs: number;
  layout: string;
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
  nodes(): { id: string; kind: string }[];
  /** The renderer in use and the timing of the last draw. */
  renderer(): RendererName;
  timing(): DrawTiming | null;
  /** The labels printed now, each with its box in page coordinates (Cytoscape's own measure). */
  labels(): { id: string; text: string; x1: number; y1: number; x2: number; y2: number }[];
}

/** True when the browser can make a WebGL2 context (Cytoscape's WebGL renderer needs one). */
function canWebgl(): boolean {
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function createGraphView(
  container: HTMLElement,
  events: GraphEvents,
  wanted: RendererName = 'canvas',
): GraphView {
  const rendererName: RendererName = wanted === 'webgl' && canWebgl() ? 'webgl' : 'canvas';
  const cy: Core = cytoscape({
    container,
    style: createStylesheet(),
    ...(rendererName === 'webgl'
      ? { renderer: { name: 'canvas', webgl: true } as { name: string } }
      : {}),
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
    // While panning or zooming, move a snapshot instead of redrawing every element: what keeps
    // a 3,000-element graph at frame rate (the snapshot is only blurred while zooming).
    textureOnViewport: true,
  });

  cy.on('tap', 'node[kind]', (e) => events.onNodeTap((e.target as NodeSingular).id()));
  cy.on('dbltap', 'node[kind]', (e) => events.onNodeDoubleTap((e.target as NodeSingular).id()));
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
  let lastTiming: DrawTiming | null = null;
  let labelledIds: string[] = [];
  let labelZoom = -1;

  /**
   * Prints only labels that overlap no more important one (bigger nodes first, the selection and
   * group titles always). Hidden labels come back as the user zooms in and room appears.
   */
  function placeLabels(): void {
    const zoom = cy.zoom();
    labelZoom = zoom;
    const boxes: LabelBox[] = [];
    const candidates: NodeSingular[] = [];
    cy.nodes().forEach((n) => {
      if (n.hasClass('filtered')) return;
      const text = String(n.data('label') ?? '');
      if (!text) return;
      const axis = n.hasClass('axis');
      const isPaper = n.data('kind') === 'PAPER';
      // Group titles are drawn at the stylesheet's `node.axis` size.
      const font = Number(n.data('fontSize') ?? (axis ? AXIS_FONT : isPaper ? 11 : 13)) * zoom;
      // Under Cytoscape's own legibility floor the label is not drawn at all: nothing to decide.
      if (font < (isPaper ? 9 : 6) && !axis) return;
      candidates.push(n);
      const priority = axis
        ? 1e9
        : n.selected()
          ? 1e8
          : Number(n.data('paperCount') ?? n.data('size') ?? 0) + (isPaper ? 0 : 1e6);
      const p = n.renderedPosition();
      const wrap = n.data('fontSize') !== undefined;
      const box = labelBox(
        n.id(),
        text,
        p,
        n.renderedHeight(),
        font,
        (wrap ? 180 : 170) * zoom,
        priority,
        wrap,
      );
      if (axis) box.y -= n.renderedHeight() / 2 + box.height / 2;
      boxes.push(box);
    });
    const shown = chooseLabels(boxes);
    // Only changed classes are touched: restyling thousands of nodes is what costs.
    cy.batch(() => {
      for (const n of candidates) {
        const hide = !shown.has(n.id());
        if (n.hasClass('no-label') !== hide) n.toggleClass('no-label', hide);
      }
    });
    labelledIds = [...shown];
  }
  /**
   * Fits the view to the nodes' positions alone. `cy.fit` measures every label to find the
   * bounding box, which on a large slice costs more than drawing it.
   */
  function fitToPositions(padding = 40): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    cy.nodes().forEach((n) => {
      const p = n.position();
      x1 = Math.min(x1, p.x);
      y1 = Math.min(y1, p.y);
      x2 = Math.max(x2, p.x);
      y2 = Math.max(y2, p.y);
    });
    if (!Number.isFinite(x1)) return;
    const w = container.clientWidth;
    const h = container.clientHeight;
    const zoom = Math.min(
      cy.maxZoom(),
      Math.max(
        cy.minZoom(),
        Math.min(
          (w - 2 * padding) / Math.max(1, x2 - x1),
          (h - 2 * padding) / Math.max(1, y2 - y1),
        ),
      ),
    );
    cy.viewport({
      zoom,
      pan: { x: w / 2 - ((x1 + x2) / 2) * zoom, y: h / 2 - ((y1 + y2) / 2) * zoom },
    });
  }

  let labelTimer: ReturnType<typeof setTimeout> | undefined;
  cy.on('zoom', () => {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(() => {
      if (Math.abs(cy.zoom() - labelZoom) > 1e-3) placeLabels();
    }, 120);
  });

  function replaceAll(elements: ElementDefinition[]): void {
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
  }

  /** Once positions are set: labels chosen, a frame painted, and the time of each part kept. */
  async function paint(started: number, laid: number, layout: string): Promise<void> {
    placeLabels();
    await nextFrame();
    lastTiming = {
      layoutMs: Math.round(laid - started),
      renderMs: Math.round(performance.now() - laid),
      layout,
    };
  }

  /** A picture whose positions come with it, and its group or axis titles. */
  async function drawArranged(
    elements: ElementDefinition[],
    arrangement: Arrangement,
    started: number,
  ): Promise<void> {
    for (const e of elements) {
      if (e.group === 'nodes') e.position = arrangement.positions[String(e.data.id)];
    }
    const titles = arrangement.axis.map((a) => ({
      group: 'nodes' as const,
      classes: 'axis',
      data: { id: a.id, label: a.label, size: 1 },
      position: { x: a.x, y: a.y },
      selectable: false,
      grabbable: false,
    }));
    replaceAll([...elements, ...titles]);
    if (arrangement.faintEdges) cy.edges().addClass('faint');
    const laid = performance.now();
    cy.fit(undefined, 30);
    await paint(started, laid, 'arranged');
  }

  /** A very large slice, placed by the clustering in the worker. */
  async function drawClustered(
    slice: GraphSlice,
    elements: ElementDefinition[],
    started: number,
  ): Promise<void> {
    const positions = await clusterOffThread({
      nodes: slice.nodes.map((n) => ({ id: n.id, kind: n.kind, degree: n.degree })),
      edges: slice.edges.map((e) => ({ source: e.source, target: e.target })),
    });
    const laid = performance.now();
    for (const e of elements) {
      if (e.group === 'nodes') e.position = positions[String(e.data.id)];
      // Straight lines without arrowheads: the cheapest edges to draw, at a size where
      // arrowheads are too small to read anyway.
      else e.classes = `${e.classes ?? ''} bulk`;
    }
    replaceAll(elements);
    fitToPositions();
    await paint(started, laid, 'clusters (worker)');
  }

  /** An expansion: what is drawn stays put, the new nodes start in a spiral around `origin`. */
  function growFrom(origin: { x: number; y: number }, elements: ElementDefinition[]): void {
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
  }

  function runLayout(name: LayoutName, incremental = false, root?: string): Promise<void> {
    currentLayout?.stop();
    if (cy.elements().empty()) return Promise.resolve();
    const layout = cy.layout(layoutOptions(cy, name, incremental, root));
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
      const started = performance.now();
      const elements = sliceToElements(slice);
      if (options.arrangement) return drawArranged(elements, options.arrangement, started);
      if (elements.length > HUGE_GRAPH && options.layout === 'fcose' && !options.growFrom)
        return drawClustered(slice, elements, started);
      const grow = options.growFrom ? cy.getElementById(options.growFrom) : null;
      if (grow && grow.nonempty()) {
        growFrom(grow.position(), elements);
        await runLayout(options.layout, options.layout === 'fcose', options.root);
      } else {
        replaceAll(elements);
        await runLayout(options.layout, false, options.root);
      }
      await paint(started, performance.now(), options.layout);
    },
    async layout(name, root) {
      // Group titles belong to the arranged picture only.
      cy.nodes('.axis').remove();
      await runLayout(name, false, root);
      placeLabels();
    },
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
      placeLabels();
    },
    select(selection, center = false) {
      cy.batch(() => {
        cy.elements(':selected').unselect();
        cy.elements('.faded').removeClass('faded');
        cy.elements('.lit').removeClass('lit');
        if (!selection) return;
        const element = cy.getElementById(selection.id);
        if (element.empty()) return;
        element.select();
        // Everything but the selection and what touches it steps back.
        const kept = element.isEdge()
          ? element.union((element as EdgeSingular).connectedNodes())
          : (element as NodeSingular).closedNeighborhood();
        cy.elements().difference(kept).not('.axis').addClass('faded');
        kept.addClass('lit');
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
      placeLabels();
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
        papers: e.data('papers') ?? null,
      };
    },
    findEdge(source, target, type) {
      const found = cy
        .getElementById(source)
        .edgesTo(cy.getElementById(target))
        .filter((e) => e.data('type') === type);
      return found.nonempty() ? found.first().id() : null;
    },
    fit() {
      if (cy.elements().length > BIG_GRAPH) fitToPositions();
      else cy.fit(cy.elements(':visible'), 30);
      placeLabels();
    },
    count: () => ({
      nodes: cy.nodes('[kind]').length,
      edges: cy.edges().length,
      visible: cy.elements(':visible').not('.axis').length,
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
    json: () => ({ elements: cy.elements(':visible').not('.axis').jsons() }),
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
    renderer: () => rendererName,
    nodes: () => cy.nodes('[kind]').map((n) => ({ id: n.id(), kind: String(n.data('kind')) })),
    timing: () => lastTiming,
    labels() {
      const box = container.getBoundingClientRect();
      const pan = cy.pan();
      const zoom = cy.zoom();
      return labelledIds.flatMap((id) => {
        const n = cy.getElementById(id);
        if (n.empty() || n.hasClass('axis')) return [];
        const b = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        if (!Number.isFinite(b.x1) || b.w === 0) return [];
        const at = (x: number, y: number) => ({
          x: box.left + pan.x + x * zoom,
          y: box.top + pan.y + y * zoom,
        });
        const p1 = at(b.x1, b.y1);
        const p2 = at(b.x2, b.y2);
        return [{ id, text: String(n.data('label')), x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y }];
      });
    },
  };
}
