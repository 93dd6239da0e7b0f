import { describe, expect, test } from 'vitest';
import { rebuildAbstract } from '../../src/ingest/rebuild-abstract.ts';
import { workToResult } from '../../src/ingest/work-to-result.ts';

describe('rebuildAbstract', () => {
  test.each([
    [
      {
        Despite: [0],
        growing: [1],
        interest: [2],
        in: [3, 7],
        models: [4],
        ',': [5],
        work: [6],
        'vision.': [8],
      },
      'Despite growing interest in models , work in vision.',
    ],
    [{ b: [1], a: [0], c: [2, 4], d: [3] }, 'a b c d c'],
    // a gap in the positions is closed, not padded; nonsense positions are ignored
    [{ one: [0], three: [2], bad: [-1, 1.5] }, 'one three'],
    [{}, ''],
    [null, ''],
    [undefined, ''],
  ])('%j -> %j', (index, expected) => {
    expect(rebuildAbstract(index as Record<string, unknown> | null | undefined)).toBe(expected);
  });
});

describe('an OpenAlex work as a paper', () => {
  const work = {
    id: 'https://openalex.org/W2',
    doi: 'https://doi.org/10.5555/ABC',
    title: 'A Title',
    publication_date: '2020-10-03',
    ids: { openalex: 'https://openalex.org/W2', doi: 'https://doi.org/10.5555/ABC', mag: '42' },
    authorships: [{ author: { display_name: 'Ada Lovelace' } }, { author: null }],
    primary_location: {
      landing_page_url: 'https://example.org/abc',
      source: { display_name: 'ICLR' },
    },
    locations: [{ landing_page_url: 'https://arxiv.org/abs/2010.01412v3' }],
    abstract_inverted_index: { We: [0], study: [1], 'SAM.': [2] },
    referenced_works: [
      'https://openalex.org/W1',
      'https://openalex.org/W1',
      'https://openalex.org/W3',
    ],
  };

  test('keeps every id, the rebuilt abstract, authors, date, venue and references', () => {
    expect(workToResult(work, 'openalex:W2')).toEqual({
      kind: 'paper',
      where: 'openalex:W2',
      paper: {
        id: 'arxiv:2010.01412',
        title: 'A Title',
        abstract: 'We study SAM.',
        authors: ['Ada Lovelace'],
        published: '2020-10-03',
        url: 'https://example.org/abc',
        venue: 'ICLR',
        source: 'openalex',
        externalIds: ['arxiv:2010.01412', 'doi:10.5555/abc', 'openalex:W2', 'mag:42'],
        references: ['openalex:W1', 'openalex:W3'],
      },
    });
  });

  test('a work without an abstract is skipped, saying so', () => {
    expect(workToResult({ ...work, abstract_inverted_index: null }, 'openalex:W2')).toEqual({
      kind: 'skipped',
      skipped: { where: 'openalex:W2', reason: 'abstract: abstract is empty' },
    });
  });
});
