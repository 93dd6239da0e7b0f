import { describe, expect, test } from 'vitest';
import { SkipTally, skipCategory } from '../../src/ingest/skip-tally.ts';

describe('skipCategory', () => {
  test.each([
    ['not valid JSON (Unexpected token \'o\', "nope" is not valid JSON)', 'not valid JSON'],
    ['abstract: abstract is empty', 'missing abstract'],
    ['abstract: Invalid input: expected string, received undefined', 'missing abstract'],
    ['no abstract', 'missing abstract'],
    ['title "Lonely title" has no abstract after it', 'missing abstract'],
    ['abstract: abstract is longer than 100000 characters', 'abstract too long'],
    ['published: expected a real calendar date', 'bad published date'],
    [
      'published: expected a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp)',
      'bad published date',
    ],
    ['id "p1" repeats an earlier record', 'repeated id'],
    ['id: "x/1" is not an arXiv id', 'missing or bad id'],
    ['malformed XML (Unexpected close tag at line 1)', 'malformed XML entry'],
    ['something new about "x" at 42 (detail)', 'something new about "…" at N'],
  ])('%s -> %s', (reason, category) => {
    expect(skipCategory(reason)).toBe(category);
  });
});

describe('SkipTally', () => {
  test('counts every record but keeps only the first few places of each reason', () => {
    const tally = new SkipTally(2);
    const firsts: boolean[] = [];
    for (let i = 1; i <= 100_000; i += 1) {
      firsts.push(
        tally.add({
          where: `big.jsonl:${i}`,
          reason: i % 10 === 0 ? 'not valid JSON (x)' : 'no abstract',
        }),
      );
    }
    expect(tally.total).toBe(100_000);
    expect(firsts.filter(Boolean)).toHaveLength(4);
    expect(tally.list().map((g) => [g.category, g.count, g.examples.map((e) => e.where)])).toEqual([
      ['missing abstract', 90_000, ['big.jsonl:1', 'big.jsonl:2']],
      ['not valid JSON', 10_000, ['big.jsonl:10', 'big.jsonl:20']],
    ]);
  });
});
