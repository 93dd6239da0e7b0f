import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sortByKey, type KeyedLine } from '../../src/ingest/sort-by-key.ts';

async function* from(lines: KeyedLine[]): AsyncGenerator<KeyedLine> {
  yield* lines;
}

async function sorted(lines: KeyedLine[], runChars: number, tempDir: string): Promise<KeyedLine[]> {
  const out: KeyedLine[] = [];
  for await (const line of sortByKey(from(lines), { tempDir, label: 't', runChars }))
    out.push(line);
  return out;
}

describe('sortByKey', () => {
  test('any input comes out in key order, ties in input order, in memory or through runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: -1, max: 50 }), fc.string({ maxLength: 30 })), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 2000 }),
        async (pairs, runChars) => {
          const tempDir = mkdtempSync(join(tmpdir(), 'papergraph-sort-test-'));
          // Lines never hold a newline: they are lines of a file.
          const lines = pairs.map(([key, text], i) => ({
            key,
            source: i % 3,
            number: i + 1,
            line: text.replace(/[\r\n]/g, ' '),
          }));
          const expected = [...lines].sort((a, b) => a.key - b.key);
          try {
            expect(await sorted(lines, runChars, tempDir)).toEqual(expected);
          } finally {
            rmSync(tempDir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a small run size writes runs to disk and merges them', async () => {
    const tempDir = mkdtempSync(join(tmpdir(), 'papergraph-sort-test-'));
    const lines = Array.from({ length: 100 }, (_, i) => ({
      key: (i * 37) % 100,
      source: 0,
      number: i + 1,
      line: `{"n":${i}}`,
    }));
    const iterator = sortByKey(from(lines), { tempDir, label: 'r', runChars: 400 });
    const first = await iterator.next();
    expect(readdirSync(tempDir).length).toBeGreaterThan(5);
    expect(first.value).toMatchObject({ key: 0 });
    const rest: number[] = [];
    for await (const line of iterator) rest.push(line.key);
    expect(rest).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
    rmSync(tempDir, { recursive: true, force: true });
  });
});
