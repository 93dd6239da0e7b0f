// The explorer's controller: the URL holds the view; every change goes through `navigate`, and
// `show` brings the page to a view (data from the server, then filters, layout and selection).
import {
  ApiError,
  CollectionsQuery,
  ConceptMapQuery,
  ConceptQuery,
  LinksQuery,
  MAX_LINK_IDS,
  NeighborhoodQuery,
  PaperQuery,
  request,
  SearchQuery,
  StartingPointsQuery,
  WhoUsesQuery,
} from './data/api.ts';
import { renderConcept } from './panels/concept-panel.ts';
import { byId, h } from './dom.ts';
import { download, exportViewAs } from './data/export-view.ts';
import type { ConceptKind, LinkType, Role, StartingPointsQuery as Starts } from './gql/graphql.ts';
import { NODE_KINDS, NODE_LOOKS } from './graph/graph-style.ts';
import { createGraphView, type RendererName } from './graph/graph-view.ts';
import { arrangeConceptMap, arrangeTimeline, type Arrangement } from './graph/map-layouts.ts';
import { createLegend } from './controls/legend.ts';
import { renderLink } from './panels/link-panel.ts';
import { isConceptId } from './graph/node-ids.ts';
import type { PageHooks } from './page-hooks.ts';
import { renderMessage, type PanelActions } from './panels/panel-parts.ts';
import { renderPaper } from './panels/paper-panel.ts';
import { createSearchBox } from './controls/search-box.ts';
import {
  EMPTY_SLICE,
  mergeSlices,
  type Evidence,
  type GraphSlice,
} from './graph/slice-to-elements.ts';
import {
  DEFAULT_VIEW,
  formatViewState,
  parseViewState,
  sameData,
  scopeVariables,
  yearOrNull,
  type LayoutName,
  type PaperScope,
  type ViewState,
} from './view/url-state.ts';
import {
  renderWhoUses,
  type NearName,
  type WhoUsesActions,
  type WhoUsesQuestion,
} from './panels/who-uses-panel.ts';
import { BAND_ORDER, bandLabel, timelineOf } from './who-uses/who-uses-timeline.ts';
import { DEFAULT_ROLES, mergeWhoUsesAnswers, whoUsesAsks } from './who-uses/who-uses-roles.ts';
import { whoUsesToSlice, type WhoUsesAnswer } from './who-uses/who-uses-to-slice.ts';
import './styles.css';

/** How many neighbours one expansion asks for; the server cuts there and says so. */
const NEIGHBORHOOD_LIMIT = 300;
/** Most answers a "Who uses" picture draws (pages of the server's largest page size). */
const WHO_USES_LIMIT = 500;
const WHO_USES_PAGE = 100;
/** Concepts of each kind on the start view's map. */
const MAP_PER_KIND = 12;

const CONCEPT_KINDS: ConceptKind[] = ['METHOD', 'MODEL', 'DATASET', 'TASK', 'METRIC', 'HARDWARE'];

for (const [kind, look] of Object.entries(NODE_LOOKS)) {
  document.documentElement.style.setProperty(`--kind-${kind.toLowerCase()}`, look.color);
}

const details = byId('details');
const notice = byId('notice');
const status = byId('status');
const minConfidence = byId<HTMLInputElement>('min-confidence');
const minConfidenceValue = byId<HTMLOutputElement>('min-confidence-value');
const layoutSelect = byId<HTMLSelectElement>('layout-select');
const collectionSelect = byId<HTMLSelectElement>('collection-select');
const yearFrom = byId<HTMLInputElement>('year-from');
const yearTo = byId<HTMLInputElement>('year-to');

let state: ViewState = DEFAULT_VIEW;
/** The view whose data is drawn, or null before the first draw. */
let drawn: ViewState | null = null;
let slice: GraphSlice = EMPTY_SLICE;
let whoAnswer: {
  question: WhoUsesQuestion;
  answer: WhoUsesAnswer;
  nearNames: NearName[];
} | null = null;
let generation = 0;
let pending: Promise<void> = Promise.resolve();
const cache = new Map<string, Promise<unknown>>();

/** Same question, same promise: back/forward and re-selection do not ask the server again. */
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

const neighborhood = (id: string) =>
  cached(`n:${id}`, () =>
    request(NeighborhoodQuery, { id, depth: 1, limit: NEIGHBORHOOD_LIMIT }).then(
      (d) => d.neighborhood,
    ),
  );

/** What went wrong, for the status line or a panel: an API error's own sentence. */
const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/** The evidence of links by id (slices come without it), one request per batch of ids. */
async function evidenceOf(ids: string[]): Promise<Map<string, Evidence[]>> {
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_LINK_IDS) batches.push(ids.slice(i, i + MAX_LINK_IDS));
  const answers = await Promise.all(batches.map((batch) => request(LinksQuery, { ids: batch })));
  return new Map(answers.flatMap((a) => a.links.map((link) => [link.id, link.evidence])));
}

/** Up to WHO_USES_LIMIT answers to one request, page after page. */
async function whoUsesPages(
  technique: string,
  role: Role[] | undefined,
  scope: PaperScope,
): Promise<WhoUsesAnswer> {
  const asked = { technique, role, ...scopeVariables(scope) };
  const first = (await request(WhoUsesQuery, { ...asked, first: WHO_USES_PAGE })).whoUses;
  const edges = [...first.edges];
  let page = first.pageInfo;
  while (page.hasNextPage && page.endCursor && edges.length < WHO_USES_LIMIT) {
    const next = (
      await request(WhoUsesQuery, { ...asked, first: WHO_USES_PAGE, after: page.endCursor })
    ).whoUses;
    edges.push(...next.edges);
    page = next.pageInfo;
  }
  return {
    technique: first.technique,
    alternatives: first.alternatives,
    totalCount: first.totalCount,
    edges,
  };
}

/** One question's answer; each of its requests is cached alone, so toggling background reuses the rest. */
const whoUses = ({ technique, roles }: WhoUsesQuestion, scope: PaperScope) =>
  Promise.all(
    whoUsesAsks(roles).map((role) =>
      cached(
        `who:${technique.toLowerCase()}:${role?.join(',') ?? '*'}:${JSON.stringify(scope)}`,
        () => whoUsesPages(technique, role, scope),
      ),
    ),
  ).then(mergeWhoUsesAnswers);

/**
 * Concepts whose names are near a name the graph does not hold, best supported first: names
 * starting with its words, else with its first word, else with its first letters (a typo).
 */
const nearNamesOf = (text: string): Promise<NearName[]> =>
  cached(`near:${text.toLowerCase()}`, async () => {
    const words = text.trim().split(/\s+/);
    const tries = [text, words[0], words[0].slice(0, 3)].filter(
      (t, i, all) => t.length >= 2 && all.indexOf(t) === i,
    );
    for (const attempt of tries) {
      const { search } = await request(SearchQuery, {
        text: attempt,
        kinds: CONCEPT_KINDS,
        first: 6,
      });
      if (search.length)
        return search.map((hit) => ({
          name: hit.label,
          kind: hit.kind as ConceptKind,
          paperCount: hit.paperCount ?? null,
        }));
    }
    return [];
  }).catch(() => []);

const startingPoints = () =>
  cached('starts', () => request(StartingPointsQuery, {}).then((d) => d.startingPoints));

const linkEvidence = (id: string) =>
  cached(`l:${id}`, () => evidenceOf([id]).then((found) => found.get(id) ?? []));

/** A selection made on the canvas is already in view: moving the camera then would disorient. */
let fromCanvas = false;

/** `?renderer=webgl` asks for Cytoscape's WebGL renderer; the canvas one draws otherwise. */
const wantedRenderer: RendererName =
  new URLSearchParams(location.search).get('renderer') === 'webgl' ? 'webgl' : 'canvas';

const graph = createGraphView(
  byId('graph'),
  {
    onNodeTap: (id) => {
      fromCanvas = true;
      navigate({ selected: { kind: 'node', id } });
    },
    onNodeDoubleTap: (id) => expand(id),
    onEdgeTap: (id) => {
      fromCanvas = true;
      navigate({ selected: { kind: 'edge', id } });
    },
    onBackgroundTap: () => {
      if (state.selected) navigate({ selected: null });
    },
  },
  wantedRenderer,
);

const legend = createLegend(byId('kind-filters'), byId('link-filters'), {
  onKinds: (hiddenKinds) => navigate({ hiddenKinds }),
  onLinks: (hiddenLinks) => navigate({ hiddenLinks }),
});

const actions: PanelActions = {
  openNode,
  expand,
  highlightLink(source, target, type) {
    const id = graph.findEdge(source, target, type);
    if (id) graph.select({ kind: 'edge', id }, true);
  },
};
const whoActions: WhoUsesActions = { ...actions, ask: askWhoUses };

function navigate(patch: Partial<ViewState>, options: { replace?: boolean } = {}): void {
  const next = { ...state, ...patch };
  const url = formatViewState(next) || location.pathname;
  // The same view twice (a double-click taps twice) is one history entry.
  if (options.replace || formatViewState(next) === location.search)
    history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void show(next);
}

/** Selects a drawn node, or draws the node's neighbourhood when it is not on screen. */
function openNode(id: string): void {
  if (graph.node(id)) navigate({ selected: { kind: 'node', id } });
  else navigate({ base: { kind: 'node', id }, expanded: [], selected: { kind: 'node', id } });
}

function expand(id: string): void {
  // The concept map holds no paper: opening a concept there shows its papers, in a view of its own.
  if (state.base.kind === 'overview' && state.expanded.length === 0) {
    navigate({ base: { kind: 'node', id }, expanded: [], selected: { kind: 'node', id } });
    return;
  }
  const already =
    state.expanded.includes(id) || (state.base.kind === 'node' && state.base.id === id);
  if (already) navigate({ selected: { kind: 'node', id } });
  else navigate({ expanded: [...state.expanded, id], selected: { kind: 'node', id } });
}

function show(next: ViewState): Promise<void> {
  const previous = state;
  state = next;
  const run = (async () => {
    const mine = ++generation;
    legend.show(next.hiddenKinds, next.hiddenLinks);
    minConfidence.value = String(next.minConfidence);
    minConfidenceValue.value = next.minConfidence.toFixed(2);
    layoutSelect.value = next.layout;
    showScope(next.scope);
    if (next.base.kind === 'who')
      byId<HTMLInputElement>('who-uses-input').value = next.base.technique;
    try {
      if (!drawn || !sameData(drawn, next)) {
        await drawData(next, mine);
        if (mine !== generation) return;
      } else if (previous.layout !== next.layout) {
        await graph.layout(next.layout, layoutRoot(next));
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

/** The scope controls as the view says; a collection the list does not hold yet is added. */
function showScope(scope: PaperScope): void {
  if (scope.collection && ![...collectionSelect.options].some((o) => o.value === scope.collection))
    collectionSelect.add(new Option(scope.collection, scope.collection));
  collectionSelect.value = scope.collection ?? '';
  yearFrom.value = scope.from ?? '';
  yearTo.value = scope.to ?? '';
}

/** The collections, with their paper counts, into the scope's list. */
async function listCollections(): Promise<void> {
  const { collections } = await request(CollectionsQuery, {});
  for (const { name, paperCount } of collections) {
    const existing = [...collectionSelect.options].find((o) => o.value === name);
    const label = `${name} (${paperCount.toLocaleString('en')})`;
    if (existing) existing.text = label;
    else collectionSelect.add(new Option(label, name));
  }
  collectionSelect.value = state.scope.collection ?? '';
}

/** Where a breadth-first layout starts: the selected node, else the node the view is about. */
function layoutRoot(view: ViewState): string | undefined {
  if (view.selected?.kind === 'node') return view.selected.id;
  return view.base.kind === 'node' ? view.base.id : undefined;
}

async function drawData(next: ViewState, mine: number): Promise<void> {
  setStatus('Loading…');
  const base = next.base;
  // An expansion of what is drawn only needs the new neighbourhood.
  const grows =
    drawn !== null &&
    JSON.stringify(drawn.base) === JSON.stringify(base) &&
    next.expanded.length === drawn.expanded.length + 1 &&
    drawn.expanded.every((id, i) => next.expanded[i] === id);
  let data: GraphSlice;
  let growFrom: string | undefined;
  let arrangement: Arrangement | undefined;
  if (grows) {
    growFrom = next.expanded[next.expanded.length - 1];
    data = mergeSlices(slice, await neighborhood(growFrom));
  } else {
    whoAnswer = null;
    if (base.kind === 'overview') {
      data = await cached(`map:${JSON.stringify(next.scope)}`, () =>
        request(ConceptMapQuery, { perKind: MAP_PER_KIND, ...scopeVariables(next.scope) }).then(
          (d) => d.conceptMap,
        ),
      );
      if (next.expanded.length === 0 && next.layout === 'fcose') arrangement = mapArrangement(data);
    } else if (base.kind === 'node') {
      data = await neighborhood(base.id);
    } else {
      const answer = await whoUses(base, next.scope);
      const nearNames = answer.technique ? [] : await nearNamesOf(base.technique);
      whoAnswer = { question: base, answer, nearNames };
      data = whoUsesToSlice(answer);
      if (next.expanded.length === 0 && next.layout === 'fcose' && answer.technique) {
        arrangement = timelineArrangement(answer);
        // Sized as on the concept map, so the concept's name reads on a picture of many papers.
        data = {
          ...data,
          nodes: data.nodes.map((n) => (n.kind === 'PAPER' ? n : { ...n, paperCount: n.degree })),
        };
      }
    }
    const expansions = await Promise.all(next.expanded.map(neighborhood));
    data = expansions.reduce(mergeSlices, data);
  }
  if (mine !== generation) return;
  slice = data;
  await graph.draw(data, { layout: next.layout, growFrom, root: layoutRoot(next), arrangement });
  drawn = next;
  showNotice(data, next);
}

/** The concept map grouped by kind, in the order of the legend. */
function mapArrangement(data: GraphSlice): Arrangement {
  const stage = byId('graph');
  return arrangeConceptMap(
    data.nodes.map((n) => ({ id: n.id, kind: n.kind, paperCount: n.paperCount ?? n.degree })),
    NODE_KINDS,
    (kind, count) => `${NODE_LOOKS[kind as ConceptKind].label} · top ${count}`,
    stage.clientWidth > stage.clientHeight * 1.3 ? 3 : 2,
  );
}

/** A whoUses answer on a time axis, one band per role. */
function timelineArrangement(answer: WhoUsesAnswer): Arrangement {
  const technique = answer.technique!;
  const arranged = arrangeTimeline(
    technique.id,
    timelineOf(answer),
    BAND_ORDER.map((band) => ({ id: band, label: bandLabel(technique.kind, band) })),
  );
  // Variants named by the answers sit by the concept they belong to.
  let i = 0;
  const center = arranged.positions[technique.id];
  for (const edge of answer.edges) {
    if (edge.variant && !arranged.positions[edge.variant.id])
      arranged.positions[edge.variant.id] = { x: center.x - 60, y: center.y + 90 * ++i };
  }
  return { ...arranged, faintEdges: answer.edges.length > 40 };
}

function showNotice(data: GraphSlice, view: ViewState): void {
  const parts: string[] = [];
  if (data.truncated) {
    parts.push(
      whoAnswer
        ? `Showing ${whoAnswer.answer.edges.length} of ${whoAnswer.answer.totalCount} papers.`
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
  notice.hidden = parts.length === 0;
  notice.textContent = parts.join(' ');
  notice.dataset.truncated = String(data.truncated);
}

async function showSelection(view: ViewState, mine: number): Promise<void> {
  const selected = view.selected;
  graph.select(selected, selected !== null && !fromCanvas);
  fromCanvas = false;
  const close = () => navigate({ selected: null });
  if (!selected) {
    if (whoAnswer)
      renderWhoUses(
        details,
        whoAnswer.question,
        whoAnswer.answer,
        whoActions,
        () => navigate({ base: { kind: 'overview' }, expanded: [] }),
        whoAnswer.nearNames,
      );
    else await renderWelcome(mine);
    return;
  }
  if (selected.kind === 'edge') {
    const edge = graph.edge(selected.id);
    if (!edge)
      return renderMessage(details, 'Link not in view', 'This link is not in the graph any more.');
    if (edge.type === 'CO_OCCURS') return renderCoOccurrence(edge.source.id, edge.target.id);
    if (edge.evidence) return renderLink(details, { ...edge, evidence: edge.evidence }, close);
    renderLink(details, { ...edge, evidence: { loading: true } }, close);
    details.setAttribute('aria-busy', 'true');
    try {
      const evidence = await linkEvidence(edge.id);
      if (mine !== generation) return;
      renderLink(details, { ...edge, evidence }, close);
    } catch (error) {
      if (mine !== generation) return;
      renderLink(details, { ...edge, evidence: { error: messageOf(error) } }, close);
    } finally {
      details.removeAttribute('aria-busy');
    }
    return;
  }
  const node = graph.node(selected.id);
  const kind = node?.kind;
  if (kind === 'CLAIM' || kind === 'AUTHOR') {
    renderMessage(
      details,
      node!.label,
      `${NODE_LOOKS[kind].label} with ${node!.degree} link(s). Click its links to see their evidence.`,
    );
    return;
  }
  details.setAttribute('aria-busy', 'true');
  if (node) renderMessage(details, node.label, 'Loading details…');
  try {
    const isPaper = kind ? kind === 'PAPER' : !isConceptId(selected.id);
    if (isPaper) {
      const paper = await cached(`p:${selected.id}`, () =>
        request(PaperQuery, { id: selected.id }).then((d) => d.paper),
      );
      if (mine !== generation) return;
      if (paper) renderPaper(details, paper, actions, close);
      else renderMessage(details, 'Not found', `No paper has the id ${selected.id}.`);
    } else {
      const concept = await cached(`c:${selected.id}`, () =>
        request(ConceptQuery, { id: selected.id }).then((d) => d.concept),
      );
      if (mine !== generation) return;
      if (concept) renderConcept(details, concept, actions, close);
      else renderMessage(details, 'Not found', `No concept has the id ${selected.id}.`);
    }
  } finally {
    details.removeAttribute('aria-busy');
  }
}

const STARTING_QUESTION: Record<Starts['startingPoints'][number]['reason'], string> = {
  MOST_USED_METHOD: 'Who uses',
  TOP_DATASET: 'Who evaluates on',
  PROPOSED_AND_USED: 'Who builds on',
};

/** The welcome, with first questions drawn from the graph (never a name it does not hold). */
async function renderWelcome(mine: number): Promise<void> {
  let starts: Starts['startingPoints'] = [];
  try {
    starts = await startingPoints();
  } catch {
    // The welcome still reads without examples; the status line says what failed elsewhere.
  }
  if (mine !== generation) return;
  details.replaceChildren(
    h(
      'section',
      { class: 'panel welcome' },
      h('h2', {}, 'Explore papers and why they are linked'),
      h(
        'ul',
        {},
        h(
          'li',
          {},
          'The start view is a map of the most used concepts of each kind: size is the number of papers, a grey line joins concepts named in the same papers.',
        ),
        h(
          'li',
          {},
          'Click a concept for its papers and their trend; double-click it to draw its papers. Click a paper for its abstract with every finding highlighted.',
        ),
        h(
          'li',
          {},
          'Click a link to see the sentence it comes from. Double-click a node to grow the graph around it.',
        ),
      ),
      starts.length
        ? [
            h('p', {}, 'Try:'),
            h(
              'div',
              { class: 'button-row', 'data-testid': 'welcome-examples' },
              starts.map((start) =>
                h(
                  'button',
                  {
                    type: 'button',
                    'data-reason': start.reason,
                    title: `${start.papers} papers`,
                    onclick: () => askWhoUses(start.concept.name),
                  },
                  `${STARTING_QUESTION[start.reason]} ${start.concept.name}?`,
                ),
              ),
            ),
          ]
        : h(
            'p',
            { class: 'hint' },
            'No paper is loaded yet: `papergraph ingest <file>` loads some (npm start loads the seed).',
          ),
    ),
  );
}

/** A concept-map link: how many papers name both, and a way to each of them. */
function renderCoOccurrence(source: string, target: string): void {
  const edge = state.selected?.kind === 'edge' ? graph.edge(state.selected.id) : null;
  const a = graph.node(source);
  const b = graph.node(target);
  if (!a || !b) return;
  details.replaceChildren(
    h(
      'section',
      { class: 'panel', 'data-testid': 'co-occurs-panel' },
      h('h2', {}, `${a.label} and ${b.label}`),
      h(
        'p',
        {},
        `Named together in about ${edge?.papers ?? 0} papers (proposed, used, compared or evaluated on; related work not counted).`,
      ),
      h(
        'div',
        { class: 'button-row' },
        [a, b].map((n) =>
          h(
            'button',
            { type: 'button', onclick: () => askWhoUses(n.label) },
            `Who uses ${n.label}?`,
          ),
        ),
      ),
    ),
  );
}

/** Asks whoUses; a new name keeps the roles of the question on screen. */
function askWhoUses(technique: string, roles?: Role[]): void {
  byId<HTMLInputElement>('who-uses-input').value = technique;
  const asked = roles ?? (state.base.kind === 'who' ? state.base.roles : [...DEFAULT_ROLES]);
  navigate({ base: { kind: 'who', technique, roles: asked }, expanded: [], selected: null });
}

function updateStatus(): void {
  const { nodes, edges, visible } = graph.count();
  const hidden = nodes + edges - visible;
  setStatus(`${nodes} nodes · ${edges} links${hidden ? ` · ${hidden} hidden by filters` : ''}`);
}

function setStatus(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

// A search hit is drawn with all its links (its neighbourhood), not only those in the view.
createSearchBox(byId('search'), (hit) =>
  navigate({
    base: { kind: 'node', id: hit.id },
    expanded: [],
    selected: { kind: 'node', id: hit.id },
  }),
);

byId<HTMLFormElement>('who-uses-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const technique = byId<HTMLInputElement>('who-uses-input').value.trim();
  if (technique) askWhoUses(technique);
});
byId('start-view').addEventListener('click', () =>
  navigate({ base: { kind: 'overview' }, expanded: [], selected: null }),
);
byId('fit-view').addEventListener('click', () => graph.fit());
const changeScope = () =>
  navigate({
    scope: {
      collection: collectionSelect.value || null,
      from: yearOrNull(yearFrom.value),
      to: yearOrNull(yearTo.value),
    },
    expanded: [],
    selected: null,
  });
collectionSelect.addEventListener('change', changeScope);
yearFrom.addEventListener('change', changeScope);
yearTo.addEventListener('change', changeScope);
layoutSelect.addEventListener('change', () =>
  navigate({ layout: layoutSelect.value as LayoutName }),
);
minConfidence.addEventListener('input', () => {
  const value = Number(minConfidence.value);
  minConfidenceValue.value = value.toFixed(2);
  graph.filter({ ...state, minConfidence: value });
  updateStatus();
});
minConfidence.addEventListener('change', () =>
  navigate({ minConfidence: Number(minConfidence.value) }),
);
byId('export-png').addEventListener('click', () => download(graph.png(), 'papergraph.png'));
// The export keeps every link's evidence, as when slices carried it: what is missing is fetched.
byId('export-json').addEventListener('click', async () => {
  const { elements } = graph.json() as {
    elements: { group: string; data: { id: string; evidence?: Evidence[] } }[];
  };
  const missing = elements.filter((e) => e.group === 'edges' && !e.data.evidence);
  let found: Map<string, Evidence[]>;
  try {
    if (missing.length) setStatus(`Fetching the evidence of ${missing.length} links…`);
    found = await evidenceOf(missing.map((e) => e.data.id));
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
});
for (const format of ['GRAPHML', 'CSV'] as const) {
  byId(`export-${format.toLowerCase()}`).addEventListener('click', () =>
    exportViewAs(format, graph.json().elements as Parameters<typeof exportViewAs>[1]).catch(
      (error: unknown) => setStatus(`Could not export: ${messageOf(error)}`, true),
    ),
  );
}
window.addEventListener('popstate', () => void show(parseViewState(location.search)));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

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
  async renderSlice(data, layout = 'fcose') {
    generation++;
    slice = data;
    drawn = null;
    whoAnswer = null;
    await graph.draw(data, { layout });
    showNotice(data, state);
    updateStatus();
    await nextFrame();
  },
  pagePoint: (id: string) => graph.pagePoint(id),
  findEdge: (source: string, target: string, type: LinkType) =>
    graph.findEdge(source, target, type),
  count: () => graph.count(),
  panBy: (dx: number, dy: number) => graph.panBy(dx, dy),
  navigate: (search: string) => {
    history.pushState(null, '', search || location.pathname);
    return show(parseViewState(search));
  },
  renderer: () => graph.renderer(),
  nodes: () => graph.nodes(),
  timing: () => graph.timing(),
  labels: () => graph.labels(),
};
window.papergraph = hooks;

void show(parseViewState(location.search));
listCollections().catch((error) =>
  setStatus(`Could not list the collections: ${messageOf(error)}`, true),
);
