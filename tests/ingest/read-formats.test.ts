import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/ingest/input-error.ts';
import type { PaperFilter } from '../../src/ingest/paper-filter.ts';
import { detectFormat, readPapers, readSources } from '../../src/ingest/read-papers.ts';
import type { InputFormat, ReadResult } from '../../src/ingest/read-result.ts';
import { readS2Datasets } from '../../src/ingest/read-s2-datasets.ts';

const FIXTURES = new URL('../fixtures/ingest/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'papergraph-formats-'));

/** A fixture copied under the temp dir, gzipped when asked, with a name that does not say so. */
function fixture(name: string, gzip = false): string {
  const path = join(dir, `${gzip ? 'gz-' : ''}${name}`);
  const content = readFileSync(join(FIXTURES, name));
  writeFileSync(path, gzip ? gzipSync(content) : content);
  return path;
}

interface Read {
  papers: string[];
  skipped: string[];
  filtered: number;
  results: ReadResult[];
}

async function read(
  sources: string[],
  options: { format?: InputFormat; filter?: PaperFilter; abstracts?: string[] } = {},
): Promise<Read> {
  const out: Read = { papers: [], skipped: [], filtered: 0, results: [] };
  for await (const result of readSources(sources, {
    ...options,
    onFiltered: () => (out.filtered += 1),
  })) {
    out.results.push(result);
    if (result.kind === 'paper') out.papers.push(result.paper.id);
    else out.skipped.push(`${result.skipped.where.replace(dir, '')}: ${result.skipped.reason}`);
  }
  return out;
}

const EXPECTED = {
  'arxiv-snapshot.jsonl': {
    format: 'arxiv-snapshot',
    papers: ['arxiv:2401.00001', 'arxiv:hep-ph/0703001', 'arxiv:1905.01234', 'arxiv:2210.07777'],
    skipped: [
      ':4: abstract: abstract is empty',
      ':5: published: expected a real calendar date',
      ':6: not valid JSON (Unterminated string in JSON at position 37)',
    ],
  },
  'openalex-works.jsonl': {
    format: 'openalex',
    papers: ['doi:10.5555/owl.2021', 'openalex:W4000000002', 'arxiv:cs/9903001'],
    skipped: [':3: no abstract'],
  },
} as const;

describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
  test.each([
    { how: 'detected from content', gzip: false, format: undefined },
    { how: 'detected from content, gzipped', gzip: true, format: undefined },
    { how: 'given with --format, gzipped', gzip: true, format: expected.format },
  ])('reads every record in file order, $how', async ({ gzip, format }) => {
    const path = fixture(name, gzip);
    const { papers, skipped } = await read([path], { format });
    expect(papers).toEqual(expected.papers);
    // Node 22's JSON.parse adds "(line 1 column 38)" to the message Node 20 gives.
    const engineFree = skipped.map((s) => s.replace(/ \(line \d+ column \d+\)\)$/, ')'));
    expect(engineFree).toEqual(expected.skipped.map((s) => `/${gzip ? 'gz-' : ''}${name}${s}`));
  });
});

describe('format detection from the first line', () => {
  test.each([
    ['{"id": "x", "title": "t", "abstract": "a"}', 'jsonl'],
    ['{"id":"0704.0001","versions":[{"version":"v1"}],"categories":"hep-ph"}', 'arxiv-snapshot'],
    ['{"id":"https://openalex.org/W1","title":"t"}', 'openalex'],
    ['{"id":"x","abstract_inverted_index":{"a":[0]}}', 'openalex'],
    ['{"corpusid":1,"title":"t","externalids":{}}', 's2-datasets'],
    ['{"corpusid":1,"abstract":"a"}', 's2-datasets'],
    ['{"citingcorpusid":1,"citedcorpusid":2}', 's2-datasets'],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 'arxiv'],
  ])('%s -> %s', (head, format) => {
    expect(detectFormat(`${head}\n{"later": "lines do not count"}`)).toBe(format);
  });
});

describe('arXiv metadata snapshot', () => {
  test('maps a record: normalised text, authors_parsed, v1 date, doi, url', async () => {
    const { results } = await read([fixture('arxiv-snapshot.jsonl')]);
    expect(results[0]).toEqual({
      kind: 'paper',
      where: `${dir}/arxiv-snapshot.jsonl:1`,
      paper: {
        id: 'arxiv:2401.00001',
        title: 'Sparse Lanterns: Routing Tokens by Light',
        abstract:
          'We introduce Sparse Lanterns, a routing method for mixture-of-experts models. It lowers the cost of training by 30%.',
        authors: ['Ada Quill', 'Ben Marsh', 'Chloe Ng Jr'],
        published: '2024-01-01',
        url: 'https://arxiv.org/abs/2401.00001',
        venue: null,
        source: 'arxiv',
        externalIds: ['arxiv:2401.00001', 'doi:10.5555/lantern.2024'],
      },
    });
  });

  test.each([
    // An old-style id, v1's full date, the journal-ref as venue.
    [1, { published: '2007-04-02', venue: 'Phys. Toy Lett. 12 (2007) 34', authors: ['Dora Vale'] }],
    // No versions: update_date, kept at the month it gives; authors from the plain string.
    [2, { published: '2019-05', authors: ['Eli Roth'] }],
  ])('record %#: partial and fallback dates', async (index, expected) => {
    const { results } = await read([fixture('arxiv-snapshot.jsonl')]);
    const paper = results.filter((r) => r.kind === 'paper')[index];
    expect(paper).toMatchObject({ paper: expected });
  });

  test.each([
    [{ categories: ['cs.LG'] }, ['arxiv:2401.00001'], 4],
    [{ categories: ['cs.'] }, ['arxiv:2401.00001', 'arxiv:1905.01234', 'arxiv:2210.07777'], 2],
    [{ categories: ['hep-ph', 'math.OC'] }, ['arxiv:hep-ph/0703001'], 4],
    [{ since: 2020 }, ['arxiv:2401.00001', 'arxiv:2210.07777'], 2],
    [{ categories: ['cs.'], since: 2020 }, ['arxiv:2401.00001', 'arxiv:2210.07777'], 3],
  ])(
    'filter %j keeps %j and counts %i as filtered, not skipped',
    async (filter, papers, filtered) => {
      const result = await read([fixture('arxiv-snapshot.jsonl', true)], { filter });
      expect(result.papers).toEqual(papers);
      expect(result.filtered).toBe(filtered);
      // Filtered records are never rejections; what is left of the rejections still is.
      expect(result.skipped.every((s) => !/filter/.test(s))).toBe(true);
    },
  );

  test('--category on a format without categories is refused naming the input', async () => {
    await expect(
      read([fixture('openalex-works.jsonl')], { filter: { categories: ['cs.LG'] } }),
    ).rejects.toThrow(/openalex-works\.jsonl: --category needs the arXiv snapshot/);
  });
});

describe('OpenAlex works', () => {
  test('maps a work as the import does: rebuilt abstract, ids, venue, references', async () => {
    const { results } = await read([fixture('openalex-works.jsonl')]);
    expect(results[0]).toEqual({
      kind: 'paper',
      where: `${dir}/openalex-works.jsonl:1`,
      paper: {
        id: 'doi:10.5555/owl.2021',
        title: 'Owl Attention for Night Vision',
        abstract: 'We present Owl Attention, a module for low-light images.',
        authors: ['Ivo Stern', 'Jia Wen'],
        published: '2021-06-15',
        url: 'https://example.org/owl',
        venue: 'Journal of Nocturnal Learning',
        source: 'openalex',
        externalIds: ['doi:10.5555/owl.2021', 'openalex:W4000000001', 'mag:3100000001'],
        references: ['openalex:W4000000002', 'openalex:W4000000003'],
      },
    });
    // Only a year: kept as a year. An arXiv id in `ids` names the paper.
    expect(results[1]).toMatchObject({ paper: { published: '2019', title: 'Tiny Ferns' } });
    expect(results[3]).toMatchObject({
      paper: { id: 'arxiv:cs/9903001', externalIds: ['arxiv:cs/9903001', 'openalex:W4000000004'] },
    });
  });

  test('--since filters on publication_year before the work is mapped', async () => {
    const result = await read([fixture('openalex-works.jsonl')], { filter: { since: 2020 } });
    expect(result).toMatchObject({
      papers: ['doi:10.5555/owl.2021'],
      skipped: ['/openalex-works.jsonl:3: no abstract'],
      filtered: 2,
    });
  });
});

describe('Semantic Scholar datasets', () => {
  const S2_PAPERS = [
    // Corpus-id order, whatever the files' order: 100, 200 (no abstract), 300, 400.
    's2:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'arxiv:2301.00300',
    'doi:10.5555/moss.400',
  ];

  test.each([
    { how: 'roles told by content, files in any order', gzip: false, byOption: false },
    { how: 'abstracts given as an option, all gzipped', gzip: true, byOption: true },
  ])('joins papers, abstracts and citations on corpusid: $how', async ({ gzip, byOption }) => {
    const papers = fixture('s2-papers.jsonl', gzip);
    const abstracts = fixture('s2-abstracts.jsonl', gzip);
    const citations = fixture('s2-citations.jsonl', gzip);
    const result = byOption
      ? await read([papers, citations], { abstracts: [abstracts] })
      : await read([citations, abstracts, papers]);
    expect(result.papers).toEqual(S2_PAPERS);
    expect(result.skipped).toEqual([`/${gzip ? 'gz-' : ''}s2-papers.jsonl:3: no abstract`]);
    const [pebbles, heron, moss] = result.results.flatMap((r) =>
      r.kind === 'paper' ? [r.paper] : [],
    );
    expect(heron).toEqual({
      id: 'arxiv:2301.00300',
      title: 'Heron Nets',
      abstract: 'Heron Nets catch fish-shaped features.',
      authors: ['Lea Park'],
      published: '2023-01-02',
      url: 'https://www.semanticscholar.org/paper/cccccccccccccccccccccccccccccccccccccccc',
      venue: 'Bird Computing',
      source: 's2',
      externalIds: [
        'arxiv:2301.00300',
        'doi:10.5555/heron.300',
        's2:cccccccccccccccccccccccccccccccccccccccc',
        's2corpus:300',
      ],
      references: ['s2corpus:100', 's2corpus:400'],
    });
    expect(pebbles).toMatchObject({ published: '2018', references: ['s2corpus:400'] });
    expect(moss).toMatchObject({ published: '2016-07', references: [] });
  });

  test('sorting through disk runs gives the same papers and leaves no temp files', async () => {
    const root = mkdtempSync(join(dir, 'sort-root-'));
    const collect = async (runChars: number) => {
      const out: ReadResult[] = [];
      for await (const r of readS2Datasets(
        {
          papers: [fixture('s2-papers.jsonl')],
          abstracts: [fixture('s2-abstracts.jsonl', true)],
          citations: [fixture('s2-citations.jsonl')],
        },
        { filter: {}, onFiltered: () => {} },
        { runChars, tempRoot: root },
      ))
        out.push(r);
      return out;
    };
    const inMemory = await collect(10_000_000);
    const onDisk = await collect(200);
    expect(onDisk).toEqual(inMemory);
    expect(inMemory.filter((r) => r.kind === 'paper')).toHaveLength(3);
    expect(readdirSync(root)).toEqual([]);
  });

  test('a wrong companion file fails naming it, and the temp files are removed', async () => {
    const root = mkdtempSync(join(dir, 'sort-root-'));
    const results = readS2Datasets(
      {
        papers: [fixture('s2-papers.jsonl')],
        abstracts: [fixture('s2-citations.jsonl')],
        citations: [],
      },
      { filter: {}, onFiltered: () => {} },
      { runChars: 200, tempRoot: root },
    );
    await expect(results.next()).rejects.toThrow(
      /s2-citations\.jsonl: expected Semantic Scholar abstracts records, found citations records/,
    );
    expect(readdirSync(root)).toEqual([]);
  });

  test('papers without an abstracts file are refused with what to pass', async () => {
    await expect(read([fixture('s2-papers.jsonl')])).rejects.toThrow(InputError);
    await expect(read([fixture('s2-papers.jsonl')])).rejects.toThrow(/--abstracts FILE/);
  });

  test('--since on the papers year', async () => {
    const result = await read([fixture('s2-papers.jsonl'), fixture('s2-abstracts.jsonl')], {
      filter: { since: 2019 },
    });
    expect(result).toMatchObject({ papers: ['arxiv:2301.00300'], filtered: 2 });
  });
});

describe('gzip is told by its magic bytes', () => {
  test('a gzipped daily listing named .txt, and a plain file named .gz', async () => {
    const daily = join(dir, 'listing.txt');
    writeFileSync(daily, gzipSync('Mar 14\n\nA Title\n\nAn abstract of the paper.\n'));
    const plain = join(dir, 'plain.jsonl.gz');
    writeFileSync(plain, '{"id":"p","title":"T","abstract":"A."}\n');
    expect((await read([daily])).papers).toEqual(['daily:a-title']);
    expect((await read([plain])).papers).toEqual(['p']);
  });

  test('a truncated gzip fails naming the file, after the records read before it', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({
        id: `p${i}`,
        title: 'T',
        abstract: `Abstract number ${i} ${'x'.repeat(100)}.`,
      }),
    ).join('\n');
    const whole = gzipSync(lines);
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const r of readPapers(cut)) if (r.kind === 'paper') seen.push(r.paper.id);
      })(),
    ).rejects.toThrow(/cut\.jsonl\.gz: reading failed \(unexpected end of file\)/);
    expect(seen.length).toBeGreaterThan(0);
  });
});
