// A whoUses answer as rows of a time axis: each paper's year and the band (its strongest role, or
// how it reaches the technique) it is drawn in.
import type { ConceptKind } from '../gql/graphql.ts';
import type { TimelinePaper } from '../graph/map-layouts.ts';
import { roleLabel } from './who-uses-roles.ts';
import type { WhoUsesAnswer } from './who-uses-to-slice.ts';

/** Bands top to bottom: what the papers do with the technique, the strongest first. */
export const BAND_ORDER = [
  'PROPOSES',
  'USES',
  'COMPARES',
  'BUILDS_ON',
  'CITES',
  'BACKGROUND',
] as const;
export type Band = (typeof BAND_ORDER)[number];

/** The year of a partial ISO date (`2023-05` -> 2023), or null. */
export function yearOf(published: string | null | undefined): number | null {
  const match = /^(\d{4})/.exec(published ?? '');
  return match ? Number(match[1]) : null;
}

/** The band of one answer: its strongest role, or its relation when it only builds on or cites. */
export function bandOf(edge: WhoUsesAnswer['edges'][number]): Band {
  if (edge.relation === 'BUILDS_ON') return 'BUILDS_ON';
  if (edge.relation === 'CITES') return 'CITES';
  return BAND_ORDER.find((band) => (edge.roles as string[]).includes(band)) ?? 'USES';
}

export function bandLabel(kind: ConceptKind, band: Band): string {
  if (band === 'BUILDS_ON') return 'builds on its proposer';
  if (band === 'CITES') return 'cites its proposer';
  const label = roleLabel(kind, band);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** One row per paper drawn: the answers, and the proposers they build on (in the proposes band). */
export function timelineOf(answer: WhoUsesAnswer): TimelinePaper[] {
  const rows = new Map<string, TimelinePaper>();
  for (const edge of answer.edges) {
    const band = bandOf(edge);
    const known = rows.get(edge.node.id);
    if (!known || BAND_ORDER.indexOf(band) < BAND_ORDER.indexOf(known.band as Band))
      rows.set(edge.node.id, { id: edge.node.id, year: yearOf(edge.node.published), band });
    if (edge.through && !rows.has(edge.through.id))
      rows.set(edge.through.id, {
        id: edge.through.id,
        year: yearOf(edge.through.published),
        band: 'PROPOSES',
      });
  }
  return [...rows.values()];
}

export const SORT_ORDERS = {
  evidence: 'best evidence first',
  newest: 'newest first',
  oldest: 'oldest first',
  title: 'title A–Z',
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;

/** The answers in a list order; the server's (best evidence first) breaks ties. */
export function sortWhoUses<T extends WhoUsesAnswer['edges'][number]>(
  edges: readonly T[],
  order: SortOrder,
): T[] {
  const indexed = edges.map((edge, i) => ({ edge, i, year: yearOf(edge.node.published) }));
  const compare: Record<
    SortOrder,
    (a: (typeof indexed)[number], b: (typeof indexed)[number]) => number
  > = {
    evidence: () => 0,
    // Undated papers go last either way.
    newest: (a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity),
    oldest: (a, b) => (a.year ?? Infinity) - (b.year ?? Infinity),
    title: (a, b) => a.edge.node.title.localeCompare(b.edge.node.title),
  };
  return indexed.sort((a, b) => compare[order](a, b) || a.i - b.i).map((x) => x.edge);
}

/** How many answers each band holds, in band order, empty bands left out. */
export function countBands(answer: WhoUsesAnswer): { band: Band; papers: number }[] {
  const counts = new Map<Band, number>();
  for (const edge of answer.edges) counts.set(bandOf(edge), (counts.get(bandOf(edge)) ?? 0) + 1);
  return BAND_ORDER.filter((band) => counts.has(band)).map((band) => ({
    band,
    papers: counts.get(band)!,
  }));
}
