// Extraction benchmark (not a timed test): abstracts/s for compromise's bare tagging vs the full
// extractor, the 2-worker speed-up, and peak RSS while streaming many abstracts.
// Usage: npm run bench:extract -- [--corpus FILE] [--papers N] [--sample N] [--json]
import { parseArgs } from 'node:util';
import type { RawPaper } from '../src/domain.ts';
import { createExtractPool } from '../src/extract/extract-pool.ts';
import { extractPaper } from '../src/extract/extract-paper.ts';
import { tagOnly } from '../src/extract/parse-text.ts';
import { readPapers } from '../src/ingest/read-papers.ts';
import { seededRandom } from './synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    papers: { type: 'string', default: '100000' },
    sample: { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
  },
});
const SEED = new URL('../seed/daily-papers-mar-14.txt', import.meta.url).pathname;
const streamed = Number(values.papers);
const sampleSize = Number(values.sample);
const log = (line: string) => {
  if (!values.json) console.log(line);
};

/** The base papers: the seed listing, or `--corpus FILE` (any input format). */
async function basePapers(): Promise<RawPaper[]> {
  const papers: RawPaper[] = [];
  for await (const result of readPapers(values.corpus ?? SEED)) {
    if (result.kind === 'paper') papers.push(result.paper);
    if (papers.length >= 2_000) break; // enough variety; the corpus itself is streamed below
  }
  if (papers.length === 0) throw new Error('the corpus has no papers');
  return papers;
}

/**
 * Streams `count` papers made from the base papers: paper i keeps a base title and mixes the
 * sentences of three base abstracts, so texts vary but the corpus is never held in memory.
 */
function* corpus(base: RawPaper[], count: number): Generator<RawPaper> {
  const next = seededRandom(20240314);
  const sentences = base.map((p) => p.abstract.split(/(?<=\.) /));
  for (let i = 0; i < count; i += 1) {
    const parts: string[] = [];
    for (let k = 0; k < 3; k += 1) {
      const from = sentences[Math.floor(next() * sentences.length)];
      const start = Math.floor(next() * from.length);
      parts.push(...from.slice(start, start + 3));
    }
    const title = base[i % base.length].title;
    yield { id: `bench-${i}`, title, abstract: parts.join(' '), source: 'bench' };
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000 * 10) / 10;
}

/**
 * Streams the big corpus through 2 workers, two batches in flight, results dropped; run first,
 * while the process is fresh, since RSS is a lifetime peak.
 */
async function streamCorpus(base: RawPaper[]) {
  const pool = createExtractPool({ workers: 2 });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 100);
  const t = performance.now();
  let batch: RawPaper[] = [];
  let concepts = 0;
  let inFlight: Promise<void> = Promise.resolve();
  for (const paper of corpus(base, streamed)) {
    batch.push(paper);
    if (batch.length === 128) {
      const sent = pool.extract(batch);
      await inFlight;
      inFlight = sent.then((results) => {
        for (const r of results) concepts += r.concepts.length;
      });
      batch = [];
    }
  }
  await inFlight;
  for (const r of await pool.extract(batch)) concepts += r.concepts.length;
  const streamMs = performance.now() - t;
  clearInterval(sampler);
  await pool.close();
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
  return { rate: rate(streamed, streamMs), concepts, peakRssMb: Math.round(peakRss / 1024 / 1024) };
}

/** The full extractor beside compromise's bare tagging, on the same sample, warmed up. */
function compareWithBareTagging(sample: RawPaper[]) {
  for (const paper of sample.slice(0, 20)) {
    tagOnly(paper.abstract);
    extractPaper(paper);
  }
  // Wall-clock and CPU time: on a shared machine the CPU-time ratio is the one to trust.
  let t = performance.now();
  let cpu = process.cpuUsage();
  for (const paper of sample) {
    tagOnly(paper.title);
    tagOnly(paper.abstract);
  }
  const bareMs = performance.now() - t;
  const bareCpu = cpuMs(process.cpuUsage(cpu));
  t = performance.now();
  cpu = process.cpuUsage();
  for (const paper of sample) extractPaper(paper);
  const fullMs = performance.now() - t;
  const fullCpu = cpuMs(process.cpuUsage(cpu));
  const bare = rate(sample.length, bareMs);
  const full = rate(sample.length, fullMs);
  return {
    bare,
    full,
    ratio: Math.round((full / bare) * 100) / 100,
    cpuRatio: Math.round((bareCpu / fullCpu) * 100) / 100,
  };
}

/** Abstracts/s of the worker pool with 1 and with 2 workers, all batches queued at once. */
async function measurePool(sample: RawPaper[]): Promise<Record<1 | 2, number>> {
  const speed = { 1: 0, 2: 0 };
  for (const workers of [1, 2] as const) {
    const pool = createExtractPool({ workers });
    await pool.extract(sample.slice(0, 60 * workers)); // start and warm the workers
    const t = performance.now();
    // Each worker takes the next job as soon as it is free.
    const batches: Promise<unknown>[] = [];
    for (let i = 0; i < sample.length; i += 16) batches.push(pool.extract(sample.slice(i, i + 16)));
    await Promise.all(batches);
    speed[workers] = rate(sample.length, performance.now() - t);
    await pool.close();
  }
  return speed;
}

async function main(): Promise<void> {
  const base = await basePapers();
  const stream = await streamCorpus(base);
  const sample = [...corpus(base, sampleSize)];
  const { bare, full, ratio, cpuRatio } = compareWithBareTagging(sample);
  log(
    `corpus: ${values.corpus ?? 'seed'} (${base.length} base papers), sample of ${sample.length}`,
  );
  log(
    `streamed ${streamed} abstracts with 2 workers: ${stream.rate} abstracts/s, ${stream.concepts} concepts`,
  );
  log(`peak RSS while streaming:   ${stream.peakRssMb} MB (target < 500 MB)`);
  log(`bare compromise nlp(text):  ${bare} abstracts/s`);
  log(`full extractor:             ${full} abstracts/s`);
  log(`extractor / bare tagging:   ${ratio} (target >= 0.8); by CPU time ${cpuRatio}`);

  const speed = await measurePool(sample);
  const speedup = Math.round((speed[2] / speed[1]) * 100) / 100;
  log(`pool, 1 worker:             ${speed[1]} abstracts/s`);
  log(`pool, 2 workers:            ${speed[2]} abstracts/s`);
  log(`2 workers / 1 worker:       ${speedup}x (target >= 1.7x)`);

  const figures = {
    corpus: values.corpus ?? 'seed',
    sample: sample.length,
    bareAbstractsPerSecond: bare,
    extractorAbstractsPerSecond: full,
    extractorOverBare: ratio,
    extractorOverBareCpuTime: cpuRatio,
    oneWorkerAbstractsPerSecond: speed[1],
    twoWorkersAbstractsPerSecond: speed[2],
    twoWorkerSpeedup: speedup,
    streamedAbstracts: streamed,
    streamedAbstractsPerSecond: stream.rate,
    peakRssMb: stream.peakRssMb,
  };
  if (values.json) console.log(JSON.stringify(figures));
}

await main();
