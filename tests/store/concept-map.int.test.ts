import { describe, expect } from 'vitest';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { loadConceptMap } from '../../src/store/concept-map.ts';
import { searchGraph } from '../../src/store/search-graph.ts';
import { loadPapersPerYear, loadStartingPoints } from '../../src/store/starting-points.ts';
import { asResults } from '../support/seed-results.ts';
import { dbTest as test } from '../support/db-test.ts';

test.beforeAll(async ({ connection }) => {
  await ingestPapers(
    connection,
    asResults([
      {
        id: 'lion',
        title: 'LionNet: Symbolic Discovery of Optimizers',
        abstract: 'We propose LionNet, a new optimizer. We train ResNet-50 with it on ImageNet.',
        published: '2021-02-01',
      },
      {
        id: 'vit',
        title: 'Fine-tuning ViT',
        abstract: 'We fine-tune ViT with LionNet and Adam on ImageNet and report accuracy.',
        published: '2022-05-01',
      },
      {
        id: 'bert',
        title: 'Pre-training BERT',
        abstract: 'We pre-train BERT with Adam and LionNet and evaluate on ImageNet.',
        published: '2022-09-01',
      },
      {
        id: 'undated',
        title: 'Adam for speech',
        abstract: 'We train a speech model with Adam on LibriSpeech.',
      },
    ]),
  );
});

describe('loadConceptMap', () => {
  test('the most used concepts of each kind, no paper, linked by papers naming both', async ({
    connection,
  }) => {
    const map = await loadConceptMap(connection, { perKind: 2, links: 20, sample: 1000 });
    const kinds = map.nodes.map((n) => n.kind);
    expect(kinds).not.toContain('PAPER');
    for (const kind of new Set(kinds))
      expect(kinds.filter((k) => k === kind).length).toBeLessThanOrEqual(2);
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    expect(byId.get('concept:imagenet')?.paperCount).toBe(3);
    const pair = map.edges.find(
      (e) =>
        e.type === 'CO_OCCURS' &&
        [e.source, e.target].sort().join() === ['concept:adam', 'concept:imagenet'].sort().join(),
    );
    expect(pair?.papers).toBe(2);
  });

  test('a sample smaller than a concept scales its counts up instead of reading every paper', async ({
    connection,
  }) => {
    const map = await loadConceptMap(connection, { perKind: 2, links: 20, sample: 1 });
    for (const edge of map.edges.filter((e) => e.type === 'CO_OCCURS'))
      expect(edge.papers).toBeGreaterThanOrEqual(2);
  });
});

describe('starting points and trends', () => {
  test('the welcome questions name concepts the graph holds, each with its papers', async ({
    connection,
  }) => {
    const points = await loadStartingPoints(connection);
    const reasons = Object.fromEntries(points.map((p) => [p.reason, p.concept.name]));
    expect(reasons['top-dataset']).toBe('ImageNet');
    expect(reasons['most-used-method']).toBeDefined();
    expect(reasons['proposed-and-used']).toBe('LionNet');
    for (const point of points) expect(point.papers).toBeGreaterThan(0);
  });

  test('papers per year count dated papers only, once each', async ({ connection }) => {
    expect(await loadPapersPerYear(connection, 'concept:adam')).toEqual([
      { year: 2022, papers: 2 },
    ]);
  });

  test('search hits carry paper counts; the name itself comes first', async ({ connection }) => {
    const hits = await searchGraph(connection, 'ImageNet', null, 5);
    expect(hits[0]).toMatchObject({ id: 'concept:imagenet', kind: 'DATASET', paperCount: 3 });
  });
});
