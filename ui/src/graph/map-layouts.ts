// Positions computed from the data itself, no force simulation: the concept map grouped by kind,
// a whoUses answer on a time axis, and a quick clustering for very large slices. Pure functions,
// so they run in a worker as well as on the page, and are tested without a browser.

export interface Point {
  x: number;
  y: number;
}

/** A label drawn on the canvas that is not a node of the graph: a group's or an axis's title. */
export interface AxisLabel {
  id: string;
  label: string;
  x: number;
  y: number;
}

export interface Arrangement {
  positions: Record<string, Point>;
  axis: AxisLabel[];
  /** Links drawn faint until an end is selected: many of them would cross the whole picture. */
  faintEdges?: boolean;
}

/** Cell of one concept on the map: room for its disc and a label below it. */
const MAP_CELL = { width: 200, height: 150 };

export interface MapNodeInput {
  id: string;
  kind: string;
  paperCount: number;
}

/**
 * The concept map grouped by kind: one block per kind (in `kinds` order), its concepts in rows,
 * most papers first, blocks tiled in `columns` columns. A block's title counts its concepts.
 */
export function arrangeConceptMap(
  nodes: readonly MapNodeInput[],
  kinds: readonly string[],
  titles: (kind: string, count: number) => string,
  columns = 3,
): Arrangement {
  const groups = kinds
    .map((kind) => ({
      kind,
      nodes: nodes
        .filter((n) => n.kind === kind)
        .sort((a, b) => b.paperCount - a.paperCount || a.id.localeCompare(b.id)),
    }))
    .filter((g) => g.nodes.length > 0);
  const positions: Record<string, Point> = {};
  const axis: AxisLabel[] = [];
  const perRow = Math.max(
    1,
    Math.ceil(Math.sqrt(Math.max(...groups.map((g) => g.nodes.length), 1))),
  );
  const blockWidth = perRow * MAP_CELL.width + 80;
  const rowsOf = (n: number) => Math.ceil(n / perRow);
  let top = 0;
  for (let start = 0; start < groups.length; start += columns) {
    const band = groups.slice(start, start + columns);
    const bandRows = Math.max(...band.map((g) => rowsOf(g.nodes.length)));
    band.forEach((group, col) => {
      const left = col * blockWidth;
      axis.push({
        id: `axis:kind:${group.kind}`,
        label: titles(group.kind, group.nodes.length),
        x: left + (perRow * MAP_CELL.width) / 2,
        y: top,
      });
      group.nodes.forEach((node, i) => {
        const row = Math.floor(i / perRow);
        // Rows are centred, so a short last row sits under the middle of the block.
        const inRow = Math.min(perRow, group.nodes.length - row * perRow);
        const offset = ((perRow - inRow) * MAP_CELL.width) / 2;
        positions[node.id] = {
          x: left + offset + (i % perRow) * MAP_CELL.width + MAP_CELL.width / 2,
          y: top + 70 + row * MAP_CELL.height,
        };
      });
    });
    top += 70 + bandRows * MAP_CELL.height + 60;
  }
  return { positions, axis };
}

export interface TimelinePaper {
  id: string;
  /** Null when the paper has no date: drawn in a column of its own at the end. */
  year: number | null;
  band: string;
}

const PAPER_CELL = { width: 46, height: 34 };

/**
 * A whoUses answer on a time axis: one column per year (oldest left, undated last), one band per
 * role (in `bands` order), each cell's papers stacked in a small grid. The concept sits left of
 * the bands. Axis labels count the papers of each year and band.
 */
export function arrangeTimeline(
  conceptId: string,
  papers: readonly TimelinePaper[],
  bands: readonly { id: string; label: string }[],
): Arrangement {
  const years = [...new Set(papers.map((p) => p.year))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a - b,
  );
  const usedBands = bands.filter((b) => papers.some((p) => p.band === b.id));
  const cells = new Map<string, TimelinePaper[]>();
  for (const paper of papers) {
    const key = `${paper.year}|${paper.band}`;
    const list = cells.get(key);
    if (list) list.push(paper);
    else cells.set(key, [paper]);
  }
  // Cells are taller than wide: a long time axis then still fills a screen's height.
  const gridOf = (n: number) => Math.max(1, Math.ceil(Math.sqrt(n / 3)));
  const columnWidth = years.map(
    (year) =>
      // At least three cells wide: room for the year's title above it.
      Math.max(3, ...usedBands.map((b) => gridOf(cells.get(`${year}|${b.id}`)?.length ?? 0))) *
        PAPER_CELL.width +
      30,
  );
  const bandHeight = usedBands.map(
    (band) =>
      Math.max(
        2,
        ...years.map((year) => {
          const n = cells.get(`${year}|${band.id}`)?.length ?? 0;
          return Math.ceil(n / gridOf(n));
        }),
      ) *
        PAPER_CELL.height +
      40,
  );
  const positions: Record<string, Point> = {};
  const axis: AxisLabel[] = [];
  const lefts: number[] = [];
  let x = 0;
  for (const width of columnWidth) {
    lefts.push(x);
    x += width;
  }
  const tops: number[] = [];
  let y = 50;
  for (const height of bandHeight) {
    tops.push(y);
    y += height;
  }
  years.forEach((year, c) => {
    const count = papers.filter((p) => p.year === year).length;
    axis.push({
      id: `axis:year:${year ?? 'none'}`,
      label: `${year ?? 'no date'} · ${count}`,
      x: lefts[c] + columnWidth[c] / 2,
      y: 0,
    });
  });
  usedBands.forEach((band, r) => {
    const count = papers.filter((p) => p.band === band.id).length;
    axis.push({
      id: `axis:band:${band.id}`,
      label: `${band.label} · ${count}`,
      x: -170,
      y: tops[r] + bandHeight[r] / 2 - 20,
    });
    years.forEach((year, c) => {
      const cell = cells.get(`${year}|${band.id}`) ?? [];
      const grid = gridOf(cell.length);
      cell.forEach((paper, i) => {
        positions[paper.id] = {
          x: lefts[c] + 15 + (i % grid) * PAPER_CELL.width + PAPER_CELL.width / 2,
          y: tops[r] + Math.floor(i / grid) * PAPER_CELL.height + PAPER_CELL.height / 2,
        };
      });
    });
  });
  positions[conceptId] = { x: -460, y: (50 + y) / 2 };
  return { positions, axis };
}

export interface ClusterInput {
  nodes: readonly { id: string; kind: string; degree: number }[];
  edges: readonly { source: string; target: string }[];
}

/**
 * A layout for slices too large for a force simulation: concepts on a sunflower spiral, most
 * linked nearest the middle; each paper near the mean of its concepts, spread by a golden-angle
 * jitter so papers of the same concepts do not pile up. Linear in the slice's size.
 */
export function arrangeClusters(
  { nodes, edges }: ClusterInput,
  spacing = 60,
): Record<string, Point> {
  const positions: Record<string, Point> = {};
  const hubs = nodes
    .filter((n) => n.kind !== 'PAPER')
    .sort((a, b) => b.degree - a.degree || a.id.localeCompare(b.id));
  const golden = Math.PI * (3 - Math.sqrt(5));
  hubs.forEach((node, i) => {
    const r = spacing * 2.2 * Math.sqrt(i + 0.5);
    positions[node.id] = { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) };
  });
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const edge of edges) {
    for (const [from, to] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ]) {
      const anchor = positions[to];
      if (!anchor || positions[from]) continue;
      const sum = sums.get(from) ?? { x: 0, y: 0, n: 0 };
      sum.x += anchor.x;
      sum.y += anchor.y;
      sum.n += 1;
      sums.set(from, sum);
    }
  }
  const around = new Map<string, number>();
  let loose = 0;
  for (const node of nodes) {
    if (positions[node.id]) continue;
    const sum = sums.get(node.id);
    if (!sum) {
      // No link to a placed node: set out on an outer ring.
      const r =
        spacing * 2.2 * Math.sqrt(hubs.length + 0.5) + spacing * 2 + spacing * Math.sqrt(loose);
      positions[node.id] = { x: r * Math.cos(loose * golden), y: r * Math.sin(loose * golden) };
      loose += 1;
      continue;
    }
    const cx = sum.x / sum.n;
    const cy = sum.y / sum.n;
    const key = `${Math.round(cx)}:${Math.round(cy)}`;
    const k = around.get(key) ?? 0;
    around.set(key, k + 1);
    const r = spacing * 0.5 * Math.sqrt(k + 1);
    positions[node.id] = { x: cx + r * Math.cos(k * golden), y: cy + r * Math.sin(k * golden) };
  }
  return positions;
}
