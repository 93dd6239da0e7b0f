import { describe, expect, test } from 'vitest';
import { chooseLabels, labelBox, type LabelBox } from '../../ui/src/graph/choose-labels.ts';

const box = (id: string, x: number, y: number, priority: number, width = 100): LabelBox => ({
  id,
  x,
  y,
  width,
  height: 16,
  priority,
});

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('chooseLabels', () => {
  test.each([
    ['apart, both shown', [box('a', 0, 0, 1), box('b', 200, 0, 2)], ['a', 'b']],
    ['overlapping, the more important wins', [box('a', 0, 0, 1), box('b', 50, 5, 2)], ['b']],
    [
      'a chain: the middle loses, both ends show',
      [box('a', 0, 0, 3), box('b', 90, 0, 2), box('c', 180, 0, 1)],
      ['a', 'c'],
    ],
    ['equal priority: the first id wins, stably', [box('b', 0, 0, 1), box('a', 10, 0, 1)], ['a']],
  ])('%s', (_, boxes, shown) => {
    expect([...chooseLabels(boxes)].sort()).toEqual(shown);
  });

  test('no two kept labels overlap, whatever the crowd', () => {
    const boxes = Array.from({ length: 600 }, (_, i) =>
      box(`n${i}`, (i * 37) % 900, (i * 53) % 700, (i * 7919) % 101, 40 + (i % 5) * 30),
    );
    const chosen = chooseLabels(boxes);
    const shown = boxes.filter((b) => chosen.has(b.id));
    expect(shown.length).toBeGreaterThan(50);
    const clashes: string[] = [];
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++)
        if (overlaps(shown[i], shown[j])) clashes.push(`${shown[i].id}/${shown[j].id}`);
    expect(clashes).toEqual([]);
  });
});

describe('labelBox', () => {
  test('sits below the node, centred, cut at the width limit unless it wraps', () => {
    const adam = labelBox('a', 'Adam', { x: 100, y: 100 }, 20, 10, 170, 1);
    expect(adam.x + adam.width / 2).toBeCloseTo(100);
    expect(adam.width).toBeCloseTo(22.4);
    expect(adam.y).toBe(112);
    expect(labelBox('a', 'x'.repeat(100), { x: 0, y: 0 }, 0, 10, 170, 1).width).toBe(170);
    const long = 'A very long concept name that needs two lines';
    expect(labelBox('b', long, { x: 0, y: 0 }, 0, 10, 150, 1).height).toBe(13);
    expect(labelBox('b', long, { x: 0, y: 0 }, 0, 10, 150, 1, true).height).toBe(26);
  });
});
