// The explorer's controller. The URL holds the view: every action of the reader is a pure step
// (`nextView`) written to the history, and `show` brings the page to a view: its data from the
// server, then filters, layout and the selected node's or link's panel. All that changes lives in
// this one closure, so the page can be built, driven and thrown away by tests.
import { download, exportViewAs } from './data/export-view.ts';
import { ApiError } from './data/api.ts';
import { createExplorerData } from './data/explorer-data.ts';
import { createToolbar, type ToolbarHandlers } from './controls/toolbar.ts';
import { arrangeMapSlice } from './graph/arrange-map-slice.ts';
import { createGraphView, type RendererName } from './graph/graph-view.ts';
import type { Arrangement } from './graph/map-layouts.ts';
import { isConceptId } from './graph/node-ids.ts';
import { NODE_LOOKS } from './graph/graph-style.ts';
import {
  EMPTY_SLICE,
  mergeSlices,
  type Evidence,
  type GraphSlice,
} from './graph/slice-to-elements.ts';
import type { PageHooks } from './page-hooks.ts';
import { renderCoOccurrence } from './panels/co-occurs-panel.ts';
import { renderConcept } from './panels/concept-panel.ts';
import { renderLink } from './panels/link-panel.ts';
import { renderMessage, type PanelActions } from './panels/panel-parts.ts';
import { renderPaper } from './panels/paper-panel.ts';
import { renderWelcome, type StartingPoint } from './panels/welcome-panel.ts';
import { renderWhoUses, type WhoUsesActions } from './panels/who-uses-panel.ts';
import { nextView, type ViewAction } from './view/next-view.ts';
import { noticeText } from './view/notice-text.ts';
import { layoutRoot, planDraw } from './view/plan-draw.ts';
import { formatViewState, parseViewState } from './view/url-state.ts';
import { DEFAULT_VIEW, type PaperScope, type ViewState } from './view/view-state.ts';
import { arrangeAnswer } from './who-uses/arrange-answer.ts';
import {
  whoUsesToSlice,
  type NearName,
  type WhoUsesAnswer,
  type WhoUsesQuestion,
} from './who-uses/who-uses-to-slice.ts';

/** The elements of the page the explorer draws into. */
export interface ExplorerPage {
  graph: HTMLElement;
  details: HTMLElement;
  notice: HTMLElement;
  status: HTMLElement;
  renderer: RendererName;
}

/** A drawn "Who uses" answer, for its panel and its notice. */
interface ShownAnswer {
  question: WhoUsesQuestion;
  answer: WhoUsesAnswer;
  nearNames: NearName[];
}

/** A view's data, ready to draw. */
interface LoadedView {
  slice: GraphSlice;
  answer: ShownAnswer | null;
  arrangement?: Arrangement;
}

/** What went wrong, for the status line or a panel: an API error's own sentence. */
const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function createExplorer(page: ExplorerPage): { start(): void; hooks: PageHooks } {
  const { details } = page;
  const data = createExplorerData();
  let view: ViewState = DEFAULT_VIEW;
  /** The view whose data is drawn, or null before the first draw. */
  let drawn: ViewState | null = null;
  let slice: GraphSlice = EMPTY_SLICE;
  let shown: ShownAnswer | null = null;
  /** Counts shows: a show that is not the latest stops before touching the page. */
  let generation = 0;
  let pending: Promise<void> = Promise.resolve();
  /** A selection made on the canvas is already in view: moving the camera then would disorient. */
  let fromCanvas = false;

  const graph = createGraphView(
    page.graph,
    {
      onNodeTap: (id) => pickOnCanvas({ kind: 'node', id }),
      onNodeDoubleTap: (id) => dispatch({ type: 'expand', id }),
      onEdgeTap: (id) => pickOnCanvas({ kind: 'edge', id }),
      onBackgroundTap: () => dispatch({ type: 'deselect' }),
    },
    page.renderer,
  );
  const toolbar = createToolbar({
    dispatch,
    previewConfidence(value) {
      graph.filter({ ...view, minConfidence: value });
      updateStatus();
    },
    fit: () => graph.fit(),
    exportAs,
  });
  const ask = (technique: string) => dispatch({ type: 'ask', technique });
  const close = () => dispatch({ type: 'deselect' });
  const actions: PanelActions = {
    openNode: (id) => dispatch({ type: 'open', id, drawn: graph.node(id) !== null }),
    expand: (id) => dispatch({ type: 'expand', id }),
    highlightLink(source, target, type) {
      const id = graph.findEdge(source, target, type);
      if (id) graph.select({ kind: 'edge', id }, true);
    },
  };
  const whoActions: WhoUsesActions = {
    ...actions,
    ask: (technique, roles) => dispatch({ type: 'ask', technique, roles }),
  };

  function pickOnCanvas(target: NonNullable<ViewState['selected']>): void {
    fromCanvas = true;
    dispatch({ type: 'select', target });
  }

  function dispatch(action: ViewAction): void {
    const next = nextView(view, action);
    if (next === view) return;
    const search = formatViewState(next);
    // The same view twice (a double-click taps twice) is one history entry.
    if (search === location.search) history.replaceState(null, '', search || location.pathname);
    else history.pushState(null, '', search || location.pathname);
    void show(next);
  }

  function show(next: ViewState): Promise<void> {
    view = next;
    const run = (async () => {
      const mine = ++generation;
      toolbar.show(next);
      try {
        const plan = planDraw(drawn, next);
        if (plan.kind === 'load' || plan.kind === 'grow') {
          setStatus('Loading…');
          const loaded =
            plan.kind === 'grow'
              ? { slice: mergeSlices(slice, await data.neighborhood(plan.from)), answer: shown }
              : await loadView(next);
          if (mine !== generation) return;
          await draw(next, loaded, plan.kind === 'grow' ? plan.from : undefined);
        } else if (plan.kind === 'relayout') {
          await graph.layout(next.layout, layoutRoot(next));
          drawn = next;
        }
        graph.filter(next);
        updateStatus();
        await showSelection(next, mine);
      } catch (error) {
        if (mine !== generation) return;
        setStatus(`Could not load this view: ${messageOf(error)}`, true);
      }
    })();
    pending = run;
    return run;
  }

  async function loadView(next: ViewState): Promise<LoadedView> {
    // Arranged pictures (the map by kind, an answer on a time axis) only for a view as it opens.
    const arranged = next.expanded.length === 0 && next.layout === 'fcose';
    const base = next.base;
    let loaded: LoadedView;
    if (base.kind === 'overview') {
      const map = await data.conceptMap(next.scope);
      const wide = page.graph.clientWidth > page.graph.clientHeight * 1.3;
      loaded = {
        slice: map,
        answer: null,
        arrangement: arranged ? arrangeMapSlice(map, wide ? 3 : 2) : undefined,
      };
    } else if (base.kind === 'node') {
      loaded = { slice: await data.neighborhood(base.id), answer: null };
    } else {
      loaded = await loadAnswer(base, next.scope, arranged);
    }
    const expansions = await Promise.all(next.expanded.map(data.neighborhood));
    return { ...loaded, slice: expansions.reduce(mergeSlices, loaded.slice) };
  }

  async function loadAnswer(
    question: WhoUsesQuestion,
    scope: PaperScope,
    arranged: boolean,
  ): Promise<LoadedView> {
    const answer = await data.whoUses(question, scope);
    const nearNames = answer.technique ? [] : await data.nearNames(question.technique);
    const arrangement = arranged ? arrangeAnswer(answer) : undefined;
    const answerSlice: GraphSlice = whoUsesToSlice(answer);
    return {
      // On a time axis concepts are sized as on the concept map, so the concept's name reads on
      // a picture of many papers.
      slice: arrangement
        ? {
            ...answerSlice,
            nodes: answerSlice.nodes.map((n) =>
              n.kind === 'PAPER' ? n : { ...n, paperCount: n.degree },
            ),
          }
        : answerSlice,
      answer: { question, answer, nearNames },
      arrangement,
    };
  }

  async function draw(next: ViewState, loaded: LoadedView, growFrom?: string): Promise<void> {
    slice = loaded.slice;
    shown = loaded.answer;
    await graph.draw(loaded.slice, {
      layout: next.layout,
      growFrom,
      root: layoutRoot(next),
      arrangement: loaded.arrangement,
    });
    drawn = next;
    showNotice(loaded.slice, next);
  }

  function showNotice(drawnSlice: GraphSlice, shownView: ViewState): void {
    const text = noticeText(
      drawnSlice,
      shownView,
      shown ? { shown: shown.answer.edges.length, total: shown.answer.totalCount } : null,
    );
    page.notice.hidden = text === '';
    page.notice.textContent = text;
    page.notice.dataset.truncated = String(drawnSlice.truncated);
  }

  async function showSelection(next: ViewState, mine: number): Promise<void> {
    const selected = next.selected;
    graph.select(selected, selected !== null && !fromCanvas);
    fromCanvas = false;
    if (!selected) return showUnselected(mine);
    if (selected.kind === 'edge') return showLink(selected.id, mine);
    return showNode(selected.id, mine);
  }

  /** With nothing selected the panel holds the drawn answer, or the welcome. */
  async function showUnselected(mine: number): Promise<void> {
    if (shown) {
      const { question, answer, nearNames } = shown;
      const backToStart = () => dispatch({ type: 'start' });
      renderWhoUses(details, question, answer, whoActions, backToStart, nearNames);
      return;
    }
    let starts: readonly StartingPoint[] = [];
    try {
      starts = await data.startingPoints();
    } catch {
      // The welcome still reads without examples; the status line says what failed elsewhere.
    }
    if (mine !== generation) return;
    renderWelcome(details, starts, ask);
  }

  async function showLink(id: string, mine: number): Promise<void> {
    const edge = graph.edge(id);
    if (!edge)
      return renderMessage(details, 'Link not in view', 'This link is not in the graph any more.');
    if (edge.type === 'CO_OCCURS')
      return renderCoOccurrence(details, [edge.source, edge.target], edge.papers ?? 0, ask);
    if (edge.evidence) return renderLink(details, { ...edge, evidence: edge.evidence }, close);
    renderLink(details, { ...edge, evidence: { loading: true } }, close);
    details.setAttribute('aria-busy', 'true');
    try {
      const evidence = await data.linkEvidence(edge.id);
      if (mine !== generation) return;
      renderLink(details, { ...edge, evidence }, close);
    } catch (error) {
      if (mine !== generation) return;
      renderLink(details, { ...edge, evidence: { error: messageOf(error) } }, close);
    } finally {
      details.removeAttribute('aria-busy');
    }
  }

  async function showNode(id: string, mine: number): Promise<void> {
    const node = graph.node(id);
    if (node?.kind === 'CLAIM' || node?.kind === 'AUTHOR') {
      const text = `${NODE_LOOKS[node.kind].label} with ${node.degree} link(s). Click its links to see their evidence.`;
      return renderMessage(details, node.label, text);
    }
    details.setAttribute('aria-busy', 'true');
    if (node) renderMessage(details, node.label, 'Loading details…');
    try {
      const isPaper = node ? node.kind === 'PAPER' : !isConceptId(id);
      if (isPaper) {
        const paper = await data.paper(id);
        if (mine !== generation) return;
        if (paper) renderPaper(details, paper, actions, close);
        else renderMessage(details, 'Not found', `No paper has the id ${id}.`);
      } else {
        const concept = await data.concept(id);
        if (mine !== generation) return;
        if (concept) renderConcept(details, concept, actions, close);
        else renderMessage(details, 'Not found', `No concept has the id ${id}.`);
      }
    } finally {
      details.removeAttribute('aria-busy');
    }
  }

  function exportAs(format: Parameters<ToolbarHandlers['exportAs']>[0]): void {
    if (format === 'PNG') download(graph.png(), 'papergraph.png');
    else if (format === 'JSON') void exportJson();
    else
      exportViewAs(format, graph.json().elements as Parameters<typeof exportViewAs>[1]).catch(
        (error: unknown) => setStatus(`Could not export: ${messageOf(error)}`, true),
      );
  }

  /** The view as Cytoscape JSON, every link with its evidence: what is missing is fetched. */
  async function exportJson(): Promise<void> {
    const { elements } = graph.json() as {
      elements: { group: string; data: { id: string; evidence?: Evidence[] } }[];
    };
    const missing = elements.filter((e) => e.group === 'edges' && !e.data.evidence);
    let found: Map<string, Evidence[]>;
    try {
      if (missing.length) setStatus(`Fetching the evidence of ${missing.length} links…`);
      found = await data.evidenceOf(missing.map((e) => e.data.id));
    } catch (error) {
      setStatus(`Could not export: ${messageOf(error)}`, true);
      return;
    }
    for (const edge of missing) edge.data.evidence = found.get(edge.data.id) ?? [];
    updateStatus();
    const json = { view: location.href, exportedAt: new Date().toISOString(), elements };
    download(
      new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }),
      'papergraph.json',
    );
  }

  function updateStatus(): void {
    const { nodes, edges, visible } = graph.count();
    const hidden = nodes + edges - visible;
    setStatus(`${nodes} nodes · ${edges} links${hidden ? ` · ${hidden} hidden by filters` : ''}`);
  }

  function setStatus(text: string, error = false): void {
    page.status.textContent = text;
    page.status.classList.toggle('error', error);
  }

  const hooks: PageHooks = {
    async settled() {
      let seen: Promise<void>;
      do {
        seen = pending;
        await seen;
      } while (seen !== pending);
      await nextFrame();
      await nextFrame();
    },
    async renderSlice(synthetic, layout = 'fcose') {
      generation++;
      slice = synthetic;
      drawn = null;
      shown = null;
      await graph.draw(synthetic, { layout });
      showNotice(synthetic, view);
      updateStatus();
      await nextFrame();
    },
    pagePoint: (id) => graph.pagePoint(id),
    findEdge: (source, target, type) => graph.findEdge(source, target, type),
    count: () => graph.count(),
    panBy: (dx, dy) => graph.panBy(dx, dy),
    navigate: (search) => {
      history.pushState(null, '', search || location.pathname);
      return show(parseViewState(search));
    },
    renderer: () => graph.renderer(),
    nodes: () => graph.nodes(),
    timing: () => graph.timing(),
    labels: () => graph.labels(),
  };

  return {
    hooks,
    start() {
      window.addEventListener('popstate', () => void show(parseViewState(location.search)));
      void show(parseViewState(location.search));
      data
        .collections()
        .then((collections) => toolbar.listCollections(collections, view.scope.collection))
        .catch((error: unknown) =>
          setStatus(`Could not list the collections: ${messageOf(error)}`, true),
        );
    },
  };
}
