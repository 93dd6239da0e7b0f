import { describe, expect } from 'vitest';
import type { RawPaper } from '../../src/domain.ts';
import { ingestPapers } from '../../src/pipeline/ingest-papers.ts';
import { fileUnfiledPapers, listCollections } from '../../src/store/collections.ts';
import { findPapers } from '../../src/store/paper-reads.ts';
import { removeCollection, removePapers } from '../../src/store/remove-papers.ts';
import { whoUses } from '../../src/store/who-uses.ts';
import { dbTest } from '../support/db-test.ts';
import { asResults } from '../support/seed-results.ts';
import { clearGraph, dumpGraph } from '../support/test-database.ts';

type Fixture = Omit<RawPaper, 'source'>;

const test = dbTest
  /** Ingests papers into a collection through the pipeline. */
  .extend(
    'ingest',
    { scope: 'file' },
    async ({ connection, pool }) =>
      (papers: Fixture[], collection: string) =>
        ingestPapers(connection, asResults(papers), { pool, collection }),
  );

// Collection "main": what stays. Collection "extra": what is taken away, written to cross "main"
// in every way a removal must undo: lineage both ways (ZephyrNorm proposed in main and used in
// extra; QuillAttention proposed in extra and used in main), a concept with a fourth proposer
// that silences its lineage until that proposer goes (SparrowMix), a kind vote (FooNet: a
// method in main, a model twice in extra), a family only extra names (ResNet-50 -> ResNet), an
// author only extra has, a claim on hardware, a paper cited from main, and a paper both hold.
const SHARED: Fixture = {
  id: 'shared',
  title: 'Robust training recipes',
  abstract: 'We train with the Adam optimizer and evaluate on CIFAR-10.',
  authors: ['Ada Main'],
};
const MAIN: Fixture[] = [
  SHARED,
  {
    id: 'zephyr',
    title: 'ZephyrNorm: normalising without batches',
    abstract: 'We propose ZephyrNorm, a new normalization layer for deep networks.',
    authors: ['Ada Main'],
  },
  {
    id: 'quill-user',
    title: 'Long documents',
    abstract: 'We use QuillAttention to read long documents and evaluate on arXiv summarization.',
    authors: ['Bo Both'],
    references: ['quill'],
  },
  {
    id: 'foo-main',
    title: 'Training recipes with FooNet',
    abstract: 'We train with the FooNet method and the SGD optimizer.',
  },
  ...[1, 2, 3].map((n) => ({
    id: `sparrow-${n}`,
    title: `SparrowMix variant ${n}`,
    abstract: `We propose SparrowMix, a new data augmentation, in its ${n}th form.`,
  })),
  {
    id: 'sparrow-user',
    title: 'Augmenting small datasets',
    abstract: 'We use SparrowMix to augment small datasets.',
  },
];
const EXTRA: Fixture[] = [
  SHARED,
  {
    id: 'quill',
    title: 'QuillAttention: attention for long inputs',
    abstract: 'We propose QuillAttention, a new attention mechanism for long inputs.',
    authors: ['Cy Extra', 'Bo Both'],
  },
  {
    id: 'zephyr-user',
    title: 'Faster classifiers',
    abstract:
      'We train ResNet-50 with ZephyrNorm on ImageNet using 8 A100 GPUs. It is 2x faster than LayerNorm.',
    authors: ['Cy Extra'],
  },
  {
    id: 'foo-depth',
    title: 'Depth from one image',
    abstract: 'We use the FooNet architecture for depth estimation.',
  },
  {
    id: 'foo-pretrain',
    title: 'Pre-training at scale',
    abstract: 'We pre-train the FooNet network on ImageNet.',
  },
  {
    id: 'sparrow-4',
    title: 'SparrowMix variant 4',
    abstract: 'We propose SparrowMix, a new data augmentation, in its 4th form.',
  },
];

describe('collections', () => {
  test.beforeEach(({ connection }) => clearGraph(connection));

  test('taking a collection away leaves the graph a clean ingest of the rest gives', async ({
    connection,
    ingest,
    snapshotGraph,
  }) => {
    await ingest(MAIN, 'main');
    const clean = await snapshotGraph();
    await clearGraph(connection);

    await ingest(MAIN, 'main');
    await ingest(EXTRA, 'extra');
    const both = await dumpGraph(connection);
    // The fixture crosses the collections as it says, or the comparison below proves little.
    expect(both.buildsOn).toEqual(
      expect.arrayContaining([
        'quill-user -> quill via concept:quillattention',
        'zephyr-user -> zephyr via concept:zephyrnorm',
      ]),
    );
    expect(both.buildsOn.filter((line) => line.includes('sparrow'))).toEqual([]);
    expect(both.concepts).toContain('concept:foonet model :Concept:Model');
    expect(both.variants).toContain('concept:resnet-50 -> concept:resnet');

    expect(await removeCollection(connection, 'extra')).toEqual({ removed: 5, kept: 1 });
    const after = await snapshotGraph();
    expect(after).toEqual(clean);
    expect(after.dump.buildsOn.filter((line) => line.includes('sparrow'))).toHaveLength(3);
    expect(after.dump.concepts).toContain('concept:foonet method :Concept:Method');
    // The cited paper is a stub again, as the citing paper alone leaves it.
    expect(after.dump.papers).toContain('quill - stub:true');
    expect(await listCollections(connection)).toEqual([{ name: 'main', papers: 8 }]);
  });

  test('a paper remembers every collection that brought it, unchanged or not', async ({
    connection,
    ingest,
  }) => {
    await ingest([SHARED], 'first.jsonl');
    const again = await ingest([SHARED], 'second.jsonl');
    expect(again).toMatchObject({ unchanged: 1, written: 0 });
    expect(await listCollections(connection)).toEqual([
      { name: 'first.jsonl', papers: 1 },
      { name: 'second.jsonl', papers: 1 },
    ]);
    expect(await removeCollection(connection, 'first.jsonl')).toEqual({ removed: 0, kept: 1 });
    expect(await listCollections(connection)).toEqual([{ name: 'second.jsonl', papers: 1 }]);
    expect(await removeCollection(connection, 'first.jsonl')).toBeNull();
  });

  test('a removal while another collection is ingested leaves both right', async ({
    connection,
    ingest,
    snapshotGraph,
  }) => {
    await ingest(MAIN, 'main');
    const clean = await snapshotGraph();
    await clearGraph(connection);

    await ingest(MAIN.slice(0, 4), 'main');
    await ingest(EXTRA, 'extra');
    await Promise.all([removeCollection(connection, 'extra'), ingest(MAIN.slice(4), 'main')]);
    expect(await snapshotGraph()).toEqual(clean);
  });

  test('papers filter and who-uses answers keep to a collection and a date range', async ({
    connection,
    ingest,
  }) => {
    await ingest(
      MAIN.map((p, i) => ({ ...p, published: i % 2 === 0 ? '2021' : '2023-04-02' })),
      'main',
    );
    await ingest(EXTRA, 'extra');
    const ids = async (filter: Parameters<typeof findPapers>[1]) =>
      (await findPapers(connection, filter, 'title', 50, 0)).items.map((p) => p.id).sort();
    expect(await ids({ collection: 'extra' })).toEqual(EXTRA.map((p) => p.id).sort());
    expect(await ids({ collection: 'main', publishedFrom: '2023', publishedTo: '2023' })).toEqual([
      'foo-main',
      'sparrow-2',
      'sparrow-user',
      'zephyr',
    ]);
    const answer = async (scope: Parameters<typeof whoUses>[5]) =>
      (await whoUses(connection, 'SparrowMix', null, 20, 0, scope)).page;
    expect((await answer({})).totalCount).toBe(5);
    const extraOnly = await answer({ collection: 'extra' });
    expect(extraOnly.items.map((a) => a.paper.id)).toEqual(['sparrow-4']);
    expect(extraOnly.totalCount).toBe(1);
    const of2021 = await answer({ collection: 'main', publishedTo: '2021' });
    expect(of2021.items.map((a) => a.paper.id).sort()).toEqual(['sparrow-1', 'sparrow-3']);
  });

  test('removing a paper by id takes it from every collection, and papers of older graphs get filed', async ({
    connection,
    ingest,
  }) => {
    await ingest(MAIN, 'main');
    await ingest(EXTRA, 'extra');
    expect(await removePapers(connection, ['shared', 'no-such-paper'])).toEqual(['shared']);
    expect((await listCollections(connection)).map((c) => c.papers)).toEqual([5, 7]);

    await connection.driver.executeQuery(
      "CREATE (:Paper {id: 'old', title: 'Before collections', abstract: 'x', stub: false})",
    );
    expect(await fileUnfiledPapers(connection)).toBe(1);
    expect(await fileUnfiledPapers(connection)).toBe(0);
    expect(await listCollections(connection)).toContainEqual({ name: 'unfiled', papers: 1 });
  });
});
