import { describe, expect, test } from 'vitest';
import { pickMapLinks, type ScoredPair } from '../../src/store/concept-map.ts';

const pair = (source: string, target: string, papers: number, strength: number): ScoredPair => ({
  source,
  target,
  papers,
  strength,
});

describe('pickMapLinks', () => {
  test('pairs seen in one paper only are left out', () => {
    expect(pickMapLinks([pair('a', 'b', 1, 0.9), pair('a', 'c', 2, 0.1)], 10)).toEqual([
      pair('a', 'c', 2, 0.1),
    ]);
  });

  test('each concept keeps its strongest links first, so a weak concept is not left alone', () => {
    const pairs = [
      pair('a', 'b', 50, 0.9),
      pair('a', 'c', 40, 0.8),
      pair('b', 'c', 30, 0.7),
      pair('d', 'a', 2, 0.05),
    ];
    // Room for three, one link each: d's only (weak) link is kept before the stronger b-c.
    expect(pickMapLinks(pairs, 3, 1).map((p) => `${p.source}-${p.target}`)).toEqual([
      'a-b',
      'a-c',
      'd-a',
    ]);
  });

  test('never more than the cap', () => {
    const pairs = Array.from({ length: 50 }, (_, i) => pair(`c${i}`, `c${i + 1}`, 3, 1 / (i + 1)));
    expect(pickMapLinks(pairs, 12)).toHaveLength(12);
  });
});
