import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/ingest/input-error.ts';
import { normalizeText } from '../../src/ingest/normalize-text.ts';
import { detectFormat, readPapers } from '../../src/ingest/read-papers.ts';
import type { ReadResult } from '../../src/ingest/read-result.ts';

const SEED = new URL('../../seed/daily-papers-mar-14.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'papergraph-ingest-'));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, format?: 'daily' | 'jsonl' | 'arxiv'): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readPapers(path, { format })) results.push(result);
  return results;
}

describe('daily listing', () => {
  test('reads the 41 seed papers with stable, unique slug ids and no dates', async () => {
    const results = await readAll(SEED);
    const papers = results.flatMap((r) => (r.kind === 'paper' ? [r.paper] : []));
    expect(results.filter((r) => r.kind === 'skipped')).toEqual([]);
    expect(papers).toHaveLength(41);
    expect(papers[0]).toMatchObject({
      id: 'daily:dataset-quantization',
      title: 'Dataset Quantization',
      source: 'daily',
      published: null,
    });
    expect(papers[0].abstract).toMatch(/^State-of-the-art deep neural networks/);
    expect(new Set(papers.map((p) => p.id)).size).toBe(41);
  });

  test('repeated titles get -2 ids and a title without abstract is reported', async () => {
    const path = file(
      'dup.txt',
      'Mar 14\n\nSame Title\n\nFirst abstract.\n\nSame Title\n\nSecond abstract.\n\nLonely title\n',
    );
    const results = await readAll(path);
    expect(results).toEqual([
      expect.objectContaining({
        kind: 'paper',
        paper: expect.objectContaining({ id: 'daily:same-title' }),
      }),
      expect.objectContaining({
        kind: 'paper',
        paper: expect.objectContaining({ id: 'daily:same-title-2' }),
      }),
      {
        kind: 'skipped',
        skipped: { where: `${path}:11`, reason: 'title "Lonely title" has no abstract after it' },
      },
    ]);
  });
});

describe('JSON Lines', () => {
  test('skips bad records with file:line and a reason, keeps the rest', async () => {
    const path = file(
      'papers.jsonl',
      [
        JSON.stringify({
          id: 'p1',
          title: '',
          abstract: 'An   abstract\nwith ﬁve spaces.',
          published: '2023-05-14T10:00:00Z',
        }),
        'not json',
        JSON.stringify({ id: 'p2', title: 'No abstract' }),
        '',
        JSON.stringify({ id: 'p3', title: 'Big', abstract: 'x'.repeat(5 * 1024 * 1024) }),
        JSON.stringify({ id: 'p1', title: 'again', abstract: 'dup' }),
        JSON.stringify({ id: 'p4', title: 'Fine', abstract: 'Text.', published: '2023-13-45' }),
      ].join('\n'),
    );
    const results = await readAll(path);
    expect(results[0]).toMatchObject({
      kind: 'paper',
      paper: {
        id: 'p1',
        title: '',
        abstract: 'An abstract with five spaces.',
        published: '2023-05-14',
      },
    });
    const skipped = results.flatMap((r) => (r.kind === 'skipped' ? [r.skipped] : []));
    expect(skipped.map((s) => s.where)).toEqual([
      `${path}:2`,
      `${path}:3`,
      `${path}:5`,
      `${path}:6`,
      `${path}:7`,
    ]);
    expect(skipped[0].reason).toMatch(/not valid JSON/);
    expect(skipped[1].reason).toMatch(/^abstract:/);
    expect(skipped[2].reason).toMatch(/longer than 100000 characters/);
    expect(skipped[3].reason).toMatch(/repeats an earlier record/);
    expect(skipped[4].reason).toMatch(/^published:/);
  });
});

describe('arXiv Atom feed', () => {
  test('reads entries with authors, date and link; reports a broken entry as file#N', async () => {
    const entry = (id: string, title: string, summary: string) =>
      `<entry><id>http://arxiv.org/abs/${id}v2</id><published>2023-05-23T17:59:59Z</published><title>${title}</title><summary>  ${summary}\n  </summary><author><name>Hong Liu</name></author><author><name>Tengyu Ma</name></author><link href="http://arxiv.org/abs/${id}v2" rel="alternate" type="text/html"/></entry>`;
    const path = file(
      'feed.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv query</title>${entry('2305.14342', 'Sophia: A Scalable Optimizer', 'We propose Sophia &amp; more.')}<entry><id>http://arxiv.org/abs/1</id><title>No summary</title></entry>${entry('1712.01887', 'Deep Gradient Compression', 'We propose DGC.')}</feed>`,
    );
    const results = await readAll(path);
    expect(results[0]).toEqual({
      kind: 'paper',
      where: `${path}#1`,
      paper: {
        id: 'arxiv:2305.14342',
        title: 'Sophia: A Scalable Optimizer',
        abstract: 'We propose Sophia & more.',
        authors: ['Hong Liu', 'Tengyu Ma'],
        published: '2023-05-23',
        url: 'http://arxiv.org/abs/2305.14342v2',
        venue: null,
        source: 'arxiv',
      },
    });
    expect(results[1]).toMatchObject({ kind: 'skipped', skipped: { where: `${path}#2` } });
    expect(results[2]).toMatchObject({ kind: 'paper', paper: { id: 'arxiv:1712.01887' } });
  });
});

describe('whole-input failures and odd inputs', () => {
  test('an empty file yields nothing', async () => {
    expect(await readAll(file('empty.txt', ''))).toEqual([]);
  });

  test.each([
    ['a missing file', () => join(dir, 'missing.txt'), /no such file/],
    [
      'a binary file',
      () => file('binary.bin', Buffer.from([0x89, 0x50, 0x00, 0x01, 0xff])),
      /binary/,
    ],
    ['a directory', () => dir, /directory/],
    ['content of no known format', () => file('list.json', '[1, 2, 3]'), /cannot tell the format/],
  ])('%s throws InputError', async (_name, path, message) => {
    const error = await readAll(path()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).name).toBe('InputError');
    expect((error as Error).message).toMatch(message);
  });
});

describe('format detection', () => {
  test.each([
    ['<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', 'arxiv'],
    ['\uFEFF{"id": "a"}', 'jsonl'],
    ['new\n\nGet trending papers', 'daily'],
    ['<html><body>', null],
  ])('%j is %s', (head, format) => {
    expect(detectFormat(head)).toBe(format);
  });
});

describe('whitespace and character normalisation', () => {
  test.each([
    ['  two\t\tspaces \n\r\n lines ', 'two spaces lines'],
    ['e\u0301tude', '\u00e9tude'],
    ['e\uFB03cient \uFB01ne-tuning', 'efficient fine-tuning'],
    ['zero\u200Bwidth\u00ADsoft', 'zerowidthsoft'],
    ['non\u00A0breaking\u2009thin', 'non breaking thin'],
    ['LaTeX \\% and {g(1)} kept', 'LaTeX \\% and {g(1)} kept'],
    ['10\u00B2 stays', '10\u00B2 stays'],
    ['lone \uD800 surrogate', 'lone surrogate'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
