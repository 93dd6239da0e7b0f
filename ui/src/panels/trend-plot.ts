// Papers per year of a concept as a small bar chart (SVG): every year from the first to the last
// has a bar, so a gap reads as a gap.

export interface YearCount {
  year: number;
  papers: number;
}

export interface TrendBar extends YearCount {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars filling `width` x `height`, tallest at full height; years with no paper get a zero bar. */
export function trendBars(counts: readonly YearCount[], width: number, height: number): TrendBar[] {
  if (counts.length === 0) return [];
  const byYear = new Map(counts.map((c) => [c.year, c.papers]));
  const first = Math.min(...counts.map((c) => c.year));
  const last = Math.max(...counts.map((c) => c.year));
  const max = Math.max(1, ...counts.map((c) => c.papers));
  const span = last - first + 1;
  const step = width / span;
  const bars: TrendBar[] = [];
  for (let year = first; year <= last; year++) {
    const papers = byYear.get(year) ?? 0;
    const h = Math.round((papers / max) * height * 10) / 10;
    bars.push({
      year,
      papers,
      x: Math.round((year - first) * step * 10) / 10,
      y: Math.round((height - h) * 10) / 10,
      width: Math.max(1, Math.round(step * 0.8 * 10) / 10),
      height: h,
    });
  }
  return bars;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The chart, or null when no paper has a date. Each bar's title says its year and count. */
export function renderTrend(counts: readonly YearCount[], color: string): SVGElement | null {
  const width = 280;
  const height = 70;
  const bars = trendBars(counts, width, height);
  if (bars.length === 0) return null;
  const total = counts.reduce((sum, c) => sum + c.papers, 0);
  const chart = svg('svg', {
    class: 'trend',
    viewBox: `0 0 ${width} ${height + 16}`,
    width,
    height: height + 16,
    role: 'img',
    'aria-label': `Papers per year, ${bars[0].year} to ${bars.at(-1)!.year}: ${total} in all`,
    'data-testid': 'trend',
  });
  for (const bar of bars) {
    const rect = svg('rect', {
      x: bar.x,
      y: bar.y,
      width: bar.width,
      height: Math.max(bar.height, bar.papers ? 1 : 0),
      fill: color,
      'data-year': bar.year,
      'data-papers': bar.papers,
    });
    rect.append(svg('title', {}, `${bar.year}: ${bar.papers} paper${bar.papers === 1 ? '' : 's'}`));
    chart.append(rect);
  }
  chart.append(svg('text', { x: 0, y: height + 13, 'font-size': 11 }, String(bars[0].year)));
  if (bars.length > 1)
    chart.append(
      svg(
        'text',
        { x: width, y: height + 13, 'font-size': 11, 'text-anchor': 'end' },
        String(bars.at(-1)!.year),
      ),
    );
  return chart;
}
