import { describe, expect, test } from 'vitest';
import {
  arrangeClusters,
  arrangeConceptMap,
  arrangeTimeline,
} from '../../ui/src/graph/map-layouts.ts';

describe('arrangeConceptMap', () => {
  const nodes = [
    { id: 'adam', kind: 'METHOD', paperCount: 40 },
    { id: 'sgd', kind: 'METHOD', paperCount: 10 },
    { id: 'imagenet', kind: 'DATASET', paperCount: 30 },
    { id: 'accuracy', kind: 'METRIC', paperCount: 5 },
  ];
  const arranged = arrangeConceptMap(
    nodes,
    ['METHOD', 'DATASET', 'METRIC'],
    (k, n) => `${k} ${n}`,
    2,
  );

  test('one titled block per kind present, in the given order', () => {
    expect(arranged.axis.map((a) => a.label)).toEqual(['METHOD 2', 'DATASET 1', 'METRIC 1']);
  });

  test('a block holds its kind only, most papers first, below its title', () => {
    const { positions, axis } = arranged;
    expect(positions.adam.x).toBeLessThan(positions.sgd.x);
    expect(positions.adam.y).toBeGreaterThan(axis[0].y);
    // Dataset block to the right of the methods, metrics in the next band below.
    expect(positions.imagenet.x).toBeGreaterThan(positions.sgd.x);
    expect(positions.accuracy.y).toBeGreaterThan(positions.adam.y);
  });

  test('every concept has a place, no two the same', () => {
    const points = Object.values(arranged.positions).map((p) => `${p.x},${p.y}`);
    expect(points).toHaveLength(nodes.length);
    expect(new Set(points).size).toBe(nodes.length);
  });
});

describe('arrangeTimeline', () => {
  const papers = [
    { id: 'a', year: 2019, band: 'USES' },
    { id: 'b', year: 2021, band: 'USES' },
    { id: 'c', year: 2021, band: 'COMPARES' },
    { id: 'd', year: null, band: 'USES' },
    { id: 'e', year: 2017, band: 'PROPOSES' },
  ];
  const bands = [
    { id: 'PROPOSES', label: 'Proposes' },
    { id: 'USES', label: 'Uses' },
    { id: 'COMPARES', label: 'Compares with' },
    { id: 'CITES', label: 'Cites' },
  ];
  const { positions, axis } = arrangeTimeline('x', papers, bands);

  test('years run left to right, undated last; bands top to bottom in their order', () => {
    expect(positions.e.x).toBeLessThan(positions.a.x);
    expect(positions.a.x).toBeLessThan(positions.b.x);
    expect(positions.b.x).toBeLessThan(positions.d.x);
    expect(positions.e.y).toBeLessThan(positions.a.y);
    expect(positions.b.y).toBeLessThan(positions.c.y);
  });

  test('axis labels count each year and each band; empty bands are left out', () => {
    expect(axis.map((a) => a.label)).toEqual([
      '2017 · 1',
      '2019 · 1',
      '2021 · 2',
      'no date · 1',
      'Proposes · 1',
      'Uses · 3',
      'Compares with · 1',
    ]);
  });

  test('the concept sits left of every paper', () => {
    for (const id of 'abcde') expect(positions.x.x).toBeLessThan(positions[id].x);
  });
});

describe('arrangeClusters', () => {
  test('papers sit near the concepts they link, hubs nearest the middle', () => {
    const positions = arrangeClusters({
      nodes: [
        { id: 'hub', kind: 'METHOD', degree: 10 },
        { id: 'small', kind: 'DATASET', degree: 1 },
        { id: 'p1', kind: 'PAPER', degree: 1 },
        { id: 'p2', kind: 'PAPER', degree: 1 },
        { id: 'lonely', kind: 'PAPER', degree: 0 },
      ],
      edges: [
        { source: 'p1', target: 'hub' },
        { source: 'p2', target: 'small' },
      ],
    });
    const dist = (a: string, b: string) =>
      Math.hypot(positions[a].x - positions[b].x, positions[a].y - positions[b].y);
    expect(Math.hypot(positions.hub.x, positions.hub.y)).toBeLessThan(
      Math.hypot(positions.small.x, positions.small.y),
    );
    expect(dist('p1', 'hub')).toBeLessThan(dist('p1', 'small'));
    expect(dist('p2', 'small')).toBeLessThan(dist('p2', 'hub'));
    expect(positions.lonely).toBeDefined();
  });
});
