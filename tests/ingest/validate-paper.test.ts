import { describe, expect, test } from 'vitest';
import { yearOf } from '../../src/ingest/paper-schema.ts';
import { validatePaper } from '../../src/ingest/validate-paper.ts';

const paper = (published: string) => ({
  id: 'p1',
  title: 'A title',
  abstract: 'An abstract.',
  published,
  source: 'jsonl',
});

describe('dates as sources give them', () => {
  test.each([
    ['2015', '2015', 2015],
    ['2023-05', '2023-05', 2023],
    ['2023-05-14', '2023-05-14', 2023],
    ['2023-05-14T10:00:00Z', '2023-05-14', 2023],
    ['2024-02-29', '2024-02-29', 2024],
    [' 1998 ', '1998', 1998],
  ])('%j is kept at its precision as %j (year %i)', (given, stored, year) => {
    const result = validatePaper(paper(given), 'f:1');
    expect(result).toMatchObject({ kind: 'paper', paper: { published: stored } });
    expect(yearOf(result.kind === 'paper' ? result.paper.published : null)).toBe(year);
  });

  test.each(['2023-13', '2023-02-30', '23', 'May 2023', '2023/05/14'])(
    '%j is refused with the field named',
    (given) => {
      const result = validatePaper(paper(given), 'f:7');
      expect(result.kind).toBe('skipped');
      if (result.kind === 'skipped') expect(result.skipped.reason).toMatch(/^published:/);
    },
  );
});
