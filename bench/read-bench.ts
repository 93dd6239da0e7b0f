// Read benchmark (not a timed test): how fast `papergraph ingest --dry-run` reads and filters an
// arXiv metadata snapshot, plain and gzipped, and whether its memory stays flat as the file grows.
// Usage: npm run bench:read -- [--size 1GB] [--small 20MB] [--category cs.] [--since 2015] [--json]
// Synthetic snapshot files are written to /tmp/papergraph-read-bench (kept for reruns, never in
// the repository); each run of the CLI is measured with /usr/bin/time (wall time, peak RSS).
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
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
  seconds: number;
  mbPerSecond: number;
  peakRssMb: number;
  summary: string;
}

async function measure(file: string, uncompressedBytes: number): Promise<Measure> {
  const args = [
    '-f',
    '%e %M',
    BIN,
    'ingest',
    '--dry-run',
    '--category',
    values.category,
    '--since',
    values.since,
    file,
  ];
  const { stdout, stderr } = await promisify(execFile)('/usr/bin/time', args, {
    maxBuffer: 64 * 1024 * 1024,
  });
  const [seconds, kb] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return {
    file,
    bytes: statSync(file).size,
    seconds,
    mbPerSecond: Math.round((uncompressedBytes / 1e6 / seconds) * 10) / 10,
    peakRssMb: Math.round(kb / 1024),
    summary: stdout
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('time:'))
      .join('; '),
  };
}

const results: Measure[] = [];
for (const size of [values.small, values.size]) {
  const bytes = parseSize(size);
  const files = await snapshotFiles(bytes);
  const plainBytes = statSync(files.plain).size;
  results.push(await measure(files.plain, plainBytes), await measure(files.gzip, plainBytes));
}
if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(
      `${path.basename(r.file)} (${(r.bytes / 1e6).toFixed(0)} MB on disk): ${r.seconds} s, ${r.mbPerSecond} MB/s of JSON, peak RSS ${r.peakRssMb} MB | ${r.summary}`,
    );
  }
}
