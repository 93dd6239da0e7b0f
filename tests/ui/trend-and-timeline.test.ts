import { describe, expect, test } from 'vitest';
import type { WhoUsesAnswer } from '../../ui/src/who-uses/who-uses-to-slice.ts';
import { trendBars } from '../../ui/src/panels/trend-plot.ts';
import { mapNodeLook } from '../../ui/src/graph/slice-to-elements.ts';
import {
  bandOf,
  countBands,
  sortWhoUses,
  timelineOf,
  yearOf,
} from '../../ui/src/who-uses/who-uses-timeline.ts';

describe('trendBars', () => {
  test('a bar for every year between the first and the last, the tallest at full height', () => {
    const bars = trendBars(
      [
        { year: 2019, papers: 2 },
        { year: 2021, papers: 4 },
      ],
      300,
      100,
    );
    expect(bars.map((b) => [b.year, b.papers, b.height])).toEqual([
      [2019, 2, 50],
      [2020, 0, 0],
      [2021, 4, 100],
    ]);
    expect(bars[2].y).toBe(0);
  });
  test('no dates, no bars', () => expect(trendBars([], 300, 100)).toEqual([]));
});

type Edge = WhoUsesAnswer['edges'][number];
const edge = (id: string, published: string | null, extra: Partial<Edge> = {}): Edge => ({
  relation: 'DIRECT',
  roles: ['USES'],
  confidence: 0.9,
  node: { id, title: `Paper ${id}`, published },
  through: null,
  variant: null,
  evidence: [],
  ...extra,
});

describe('who-uses timeline', () => {
  test.each([
    ['2023-05-01', 2023],
    ['2019', 2019],
    [null, null],
    ['soon', null],
  ])('yearOf(%s) is %s', (published, year) => expect(yearOf(published)).toBe(year));

  test.each([
    [edge('a', null, { roles: ['COMPARES', 'USES'] }), 'USES'],
    [edge('a', null, { roles: ['PROPOSES'] }), 'PROPOSES'],
    [edge('a', null, { roles: [], relation: 'CITES' }), 'CITES'],
    [edge('a', null, { roles: [], relation: 'BUILDS_ON' }), 'BUILDS_ON'],
  ])('a paper goes in the band of its strongest role', (e, band) => expect(bandOf(e)).toBe(band));

  const answer: WhoUsesAnswer = {
    technique: null,
    alternatives: [],
    totalCount: 3,
    edges: [
      edge('b', '2021-01-01'),
      edge('a', null, { roles: ['COMPARES'] }),
      edge('c', '2019-06-01', {
        relation: 'BUILDS_ON',
        roles: [],
        through: { id: 'p', title: 'Proposer', published: '2017-01-01' },
      }),
    ],
  };

  test('the list sorts by date (undated last both ways) or title, the server order breaking ties', () => {
    const ids = (order: Parameters<typeof sortWhoUses>[1]) =>
      sortWhoUses(answer.edges, order).map((e) => e.node.id);
    expect(ids('evidence')).toEqual(['b', 'a', 'c']);
    expect(ids('newest')).toEqual(['b', 'c', 'a']);
    expect(ids('oldest')).toEqual(['c', 'b', 'a']);
    expect(ids('title')).toEqual(['a', 'b', 'c']);
  });

  test('counts by band, and the proposer drawn in the proposes band', () => {
    expect(countBands(answer)).toEqual([
      { band: 'USES', papers: 1 },
      { band: 'COMPARES', papers: 1 },
      { band: 'BUILDS_ON', papers: 1 },
    ]);
    expect(timelineOf(answer)).toContainEqual({ id: 'p', year: 2017, band: 'PROPOSES' });
  });
});

describe('mapNodeLook', () => {
  test.each([
    [100, 100, { size: 84, fontSize: 28 }],
    [25, 100, { size: 53, fontSize: 24 }],
    [0, 100, { size: 22, fontSize: 19 }],
  ])('%i of %i papers', (count, max, look) => expect(mapNodeLook(count, max)).toEqual(look));
});
