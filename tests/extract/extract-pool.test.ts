import { afterAll, describe, expect, test } from 'vitest';
import type { RawPaper } from '../../src/domain.ts';
import { createExtractPool } from '../../src/extract/extract-pool.ts';
import { extractPaper } from '../../src/extract/extract-paper.ts';

const pool = createExtractPool({ workers: 2 });
afterAll(() => pool.close());

const papers: RawPaper[] = Array.from({ length: 9 }, (_, i) => ({
  id: `p${i}`,
  title: i % 2 === 0 ? 'Sophia: A Scalable Optimizer' : '',
  abstract: `Paper ${i}: we propose DGC-${i}, which is ${i + 2}x faster than Adam on ImageNet.`,
  source: 'test',
}));

describe('extract pool', () => {
  test('extracts a batch in worker threads, in input order, as extractPaper does', async () => {
    const extractions = await pool.extract(papers);
    expect(extractions.map((e) => e.id)).toEqual(papers.map((p) => p.id));
    expect(extractions).toEqual(papers.map((p) => extractPaper(p)));
  }, 60_000); // the first batch waits for the workers to start and compile the sources

  test('concurrent batches each keep their order; an empty batch is empty', async () => {
    const [a, b, empty] = await Promise.all([
      pool.extract(papers.slice(0, 5)),
      pool.extract(papers.slice(5)),
      pool.extract([]),
    ]);
    expect([...a, ...b].map((e) => e.id)).toEqual(papers.map((p) => p.id));
    expect(empty).toEqual([]);
  }, 30_000);

  test('a closed pool refuses work', async () => {
    const closed = createExtractPool({ workers: 1 });
    await closed.close();
    await expect(closed.extract(papers)).rejects.toThrow(/closed/);
  });
});
