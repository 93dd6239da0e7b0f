import { describe, expect, test } from 'vitest';
import type { RawPaper } from '../../src/domain.ts';
import { resolveBatch, type KnownPaper } from '../../src/store/write-citations.ts';
import type { ExtractedPaper } from '../../src/store/write-papers.ts';

const item = (paper: Partial<RawPaper> & { id: string }): ExtractedPaper => ({
  paper: { title: '', abstract: 'x', source: 'test', ...paper },
  extraction: { id: paper.id, title: '', concepts: [], claims: [], codeUrls: [] },
  contentHash: 'h',
});
const shape = (batch: ExtractedPaper[]) =>
  batch.map(({ paper }) => ({
    id: paper.id,
    externalIds: paper.externalIds,
    references: paper.references,
  }));

describe('resolveBatch', () => {
  test('a paper and references nobody knows keep their own ids', () => {
    const resolution = resolveBatch(
      [
        item({
          id: 'doi:10.1/a',
          externalIds: ['doi:10.1/a', 'openalex:W1'],
          references: ['openalex:W2'],
        }),
      ],
      [],
    );
    expect(shape(resolution.batch)).toEqual([
      { id: 'doi:10.1/a', externalIds: ['doi:10.1/a', 'openalex:W1'], references: ['openalex:W2'] },
    ]);
    expect(resolution).toMatchObject({ renames: [], folds: [] });
  });

  test('a paper already stored under another id becomes that node', () => {
    const known: KnownPaper[] = [
      { id: 'openalex:W5', stub: false, externalIds: ['openalex:W5', 'mag:55'] },
    ];
    const resolution = resolveBatch(
      [item({ id: 's2:ff', externalIds: ['s2:ff', 'mag:55'], references: [] })],
      known,
    );
    expect(shape(resolution.batch)).toEqual([
      { id: 'openalex:W5', externalIds: ['openalex:W5', 's2:ff', 'mag:55'], references: [] },
    ]);
  });

  test('a stub is renamed to the arriving paper, a second stub of it folded in', () => {
    const known: KnownPaper[] = [
      { id: 'openalex:W9', stub: true, externalIds: ['openalex:W9'] },
      { id: 's2:99', stub: true, externalIds: ['s2:99'] },
    ];
    const resolution = resolveBatch(
      [item({ id: 'doi:10.7/w9', externalIds: ['doi:10.7/w9', 'openalex:W9', 's2:99'] })],
      known,
    );
    expect(resolution.renames).toEqual([{ from: 'openalex:W9', to: 'doi:10.7/w9' }]);
    expect(resolution.folds).toEqual([{ from: 's2:99', to: 'doi:10.7/w9' }]);
    expect(resolution.batch[0].paper.id).toBe('doi:10.7/w9');
  });

  test('a stub of a paper already in the graph is folded into it', () => {
    const known: KnownPaper[] = [
      { id: 'arxiv:1412.6980', stub: false, externalIds: ['arxiv:1412.6980'] },
      { id: 'openalex:W1', stub: true, externalIds: ['openalex:W1'] },
    ];
    const resolution = resolveBatch(
      [item({ id: 'arxiv:1412.6980', externalIds: ['arxiv:1412.6980', 'openalex:W1'] })],
      known,
    );
    expect(resolution.folds).toEqual([{ from: 'openalex:W1', to: 'arxiv:1412.6980' }]);
    expect(resolution.renames).toEqual([]);
  });

  test('references point at the node holding the cited id, or at the batch paper that has it', () => {
    const known: KnownPaper[] = [
      { id: 'arxiv:1412.6980', stub: false, externalIds: ['arxiv:1412.6980', 'mag:1522301498'] },
    ];
    const resolution = resolveBatch(
      [
        item({
          id: 'doi:10.1/a',
          externalIds: ['doi:10.1/a'],
          references: ['mag:1522301498', 'openalex:W3', 'doi:10.1/a', 'arxiv:1412.6980'],
        }),
        item({ id: 'doi:10.1/b', externalIds: ['doi:10.1/b', 'openalex:W3'] }),
      ],
      known,
    );
    expect(shape(resolution.batch)).toEqual([
      {
        id: 'doi:10.1/a',
        externalIds: ['doi:10.1/a'],
        references: ['arxiv:1412.6980', 'doi:10.1/b'],
      },
      { id: 'doi:10.1/b', externalIds: ['doi:10.1/b', 'openalex:W3'], references: undefined },
    ]);
  });

  test('two records of one paper in a batch become one, the later text winning', () => {
    const resolution = resolveBatch(
      [
        item({
          id: 'arxiv:1',
          title: 'old',
          externalIds: ['arxiv:1', 'mag:1'],
          references: ['s2:x'],
        }),
        item({ id: 's2:y', title: 'new', externalIds: ['s2:y', 'mag:1'], references: ['s2:z'] }),
      ],
      [],
    );
    expect(
      resolution.batch.map(({ paper }) => [
        paper.id,
        paper.title,
        paper.externalIds,
        paper.references,
      ]),
    ).toEqual([['arxiv:1', 'new', ['arxiv:1', 'mag:1', 's2:y'], ['s2:x', 's2:z']]]);
  });
});
