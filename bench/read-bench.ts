// Read benchmark (not a timed test): how fast `papergraph ingest --dry-run` reads and filters an
// arXiv metadata snapshot, plain and gzipped, and whether its memory stays flat as the file grows.
// Usage: npm run bench:read -- [--size 1GB] [--small 20MB] [--category cs.] [--since 2015]
//                             [--s2 300MB] [--json]
// --s2 SIZE also joins synthetic Semantic Scholar papers, abstracts and citations of about SIZE
// in all (records shuffled, so the on-disk sort does real work), small and at SIZE.
// Synthetic snapshot files are written to /tmp/papergraph-read-bench (kept for reruns, never in
// the repository); each run of the CLI is measured with /usr/bin/time (wall time, peak RSS).
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs, promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { seededRandom, syntheticCorpus } from './synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1GB' },
    small: { type: 'string', default: '20MB' },
    category: { type: 'string', default: 'cs.' },
    since: { type: 'string', default: '2015' },
    s2: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const DIR = '/tmp/papergraph-read-bench';
const BIN = path.resolve(import.meta.dirname, '../bin/papergraph');
const CATEGORIES = [
  'cs.LG',
  'cs.CL',
  'cs.CV',
  'stat.ML',
  'math.OC',
  'hep-ph',
  'astro-ph.GA',
  'q-bio.NC',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(KB|MB|GB)?$/i.exec(text.trim());
  if (!match) throw new Error(`--size: expected a size such as 1GB or 50MB, got "${text}"`);
  const unit = { KB: 1e3, MB: 1e6, GB: 1e9 }[(match[2] ?? 'MB').toUpperCase() as 'KB'];
  return Math.round(Number(match[1]) * unit);
}

/** Snapshot lines (as Kaggle's file has them) until `bytes` are written. */
async function* snapshotLines(bytes: number): AsyncGenerator<string> {
  const random = seededRandom(17);
  let written = 0;
  let i = 0;
  for (;;) {
    for (const paper of syntheticCorpus(10_000, { seed: i + 1 })) {
      const year = 1995 + Math.floor(random() * 31);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const cats = [CATEGORIES[i % CATEGORIES.length], CATEGORIES[(i * 7) % CATEGORIES.length]];
      const id = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(i % 100_000).padStart(5, '0')}`;
      const line = `${JSON.stringify({
        id,
        submitter: paper.authors?.[0] ?? null,
        authors: (paper.authors ?? []).join(', '),
        title: paper.title.replace(/: /, ':\n  '),
        comments: '10 pages',
        'journal-ref': null,
        doi: i % 3 === 0 ? `10.5555/bench.${i}` : null,
        'report-no': null,
        categories: [...new Set(cats)].join(' '),
        license: null,
        abstract: `  ${paper.abstract.replace(/\. /g, '.\n')}\n`,
        versions: [
          {
            version: 'v1',
            created: `Mon, ${day} ${MONTHS[month - 1]} ${year} 10:00:00 GMT`,
          },
        ],
        update_date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        authors_parsed: (paper.authors ?? []).map((a) => [
          a.split(' ')[1] ?? a,
          a.split(' ')[0],
          '',
        ]),
      })}\n`;
      written += Buffer.byteLength(line);
      i += 1;
      yield line;
      if (written >= bytes) return;
    }
  }
}

/** The plain and gzipped snapshot of about `bytes`, made once and reused. */
async function snapshotFiles(bytes: number): Promise<{ plain: string; gzip: string }> {
  mkdirSync(DIR, { recursive: true });
  const plain = path.join(DIR, `arxiv-snapshot-${bytes}.json`);
  const gzip = `${plain}.gz`;
  if (!existsSync(plain)) {
    await pipeline(Readable.from(snapshotLines(bytes)), createWriteStream(`${plain}.part`));
    await rename(`${plain}.part`, plain);
  }
  if (!existsSync(gzip)) {
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(`${gzip}.part`));
    await rename(`${gzip}.part`, gzip);
  }
  return { plain, gzip };
}

interface Measure {
  file: string;
  bytes: number;
  /** Wall time of the whole command, start-up (tsx, module loading) included. */
  seconds: number;
  /** The time the dry run itself reports: opening the input to the last record. */
  readSeconds: number;
  /** Uncompressed JSON per second of `readSeconds`. */
  mbPerSecond: number;
  peakRssMb: number;
  summary: string;
}

/** Synthetic S2 datasets of about `bytes` in all, each file in its own shuffled order. */
async function s2Files(bytes: number): Promise<string[]> {
  mkdirSync(DIR, { recursive: true });
  const names = ['papers', 'abstracts', 'citations'].map((role) =>
    path.join(DIR, `s2-${role}-${bytes}.jsonl`),
  );
  if (names.every((name) => existsSync(name))) return names;
  // About 1.6 KB per paper across the three files.
  const count = Math.max(100, Math.round(bytes / 1600));
  const random = seededRandom(29);
  const order = (n: number) => {
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    return ids;
  };
  const corpus = [...syntheticCorpus(Math.min(count, 20_000))];
  const paper = (id: number) => corpus[id % corpus.length];
  async function* papers() {
    for (const id of order(count)) {
      const p = paper(id);
      yield `${JSON.stringify({ corpusid: id, externalids: { CorpusId: String(id), DOI: `10.5555/s2.${id}` }, url: null, title: p.title, authors: (p.authors ?? []).map((name, k) => ({ authorId: String(k), name })), venue: 'Bench', year: 2000 + (id % 25), publicationdate: null })}\n`;
    }
  }
  async function* abstracts() {
    for (const id of order(count)) {
      yield `${JSON.stringify({ corpusid: id, abstract: paper(id).abstract, openaccessinfo: null })}\n`;
    }
  }
  async function* citations() {
    for (const id of order(count)) {
      yield `${JSON.stringify({ citationid: id, citingcorpusid: id, citedcorpusid: 1 + Math.floor(random() * count) })}\n`;
    }
  }
  for (const [i, lines] of [papers, abstracts, citations].entries()) {
    await pipeline(Readable.from(lines()), createWriteStream(`${names[i]}.part`));
    await rename(`${names[i]}.part`, names[i]);
  }
  return names;
}

async function measure(
  files: string | string[],
  uncompressedBytes: number,
  filters = ['--category', values.category, '--since', values.since],
): Promise<Measure> {
  const file = [files].flat()[0];
  const args = ['-f', '%e %M', BIN, 'ingest', '--dry-run', ...filters, ...[files].flat()];
  const { stdout, stderr } = await promisify(execFile)('/usr/bin/time', args, {
    maxBuffer: 64 * 1024 * 1024,
  });
  const [seconds, kb] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const readSeconds = Number(/^time: ([\d.]+) s/m.exec(stdout)?.[1]);
  return {
    file,
    bytes: [files].flat().reduce((sum, f) => sum + statSync(f).size, 0),
    seconds,
    readSeconds,
    mbPerSecond: Math.round((uncompressedBytes / 1e6 / readSeconds) * 10) / 10,
    peakRssMb: Math.round(kb / 1024),
    summary: stdout
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('time:'))
      .join('; '),
  };
}

const results: Measure[] = [];
if (values.s2) {
  for (const size of [values.small, values.s2]) {
    const files = await s2Files(parseSize(size));
    const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
    results.push(await measure(files, total, []));
  }
}
// The machine is shared: the load average says how much the figures can be trusted.
const loadBefore = os.loadavg();
for (const size of [values.small, values.size]) {
  const bytes = parseSize(size);
  const files = await snapshotFiles(bytes);
  const plainBytes = statSync(files.plain).size;
  results.push(await measure(files.plain, plainBytes), await measure(files.gzip, plainBytes));
}
console.log(
  `load average before: ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(
      `${path.basename(r.file)} (${(r.bytes / 1e6).toFixed(0)} MB on disk): read ${r.readSeconds} s (${r.mbPerSecond} MB/s of JSON), ${r.seconds} s with start-up, peak RSS ${r.peakRssMb} MB | ${r.summary}`,
    );
  }
}
