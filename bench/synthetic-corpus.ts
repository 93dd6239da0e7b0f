// A deterministic corpus of any size built from the seed, for the ingest and API benchmarks and
// the kill -9 test: sentences recombined, names kept so concepts repeat as in a real field.
import { readFileSync } from 'node:fs';
import type { RawPaper } from '../src/domain.ts';

export const SEED_FILE = new URL('../seed/daily-papers-mar-14.txt', import.meta.url).pathname;

/** mulberry32: the same numbers on every machine and run. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedPaper {
  title: string;
  sentences: string[];
}

/** The seed listing's papers: title line, blank line, abstract line, after five header lines. */
function readSeed(): SeedPaper[] {
  const lines = readFileSync(SEED_FILE, 'utf8').split('\n');
  const papers: SeedPaper[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const title = lines[i].trim();
    const abstract = lines[i + 2]?.trim() ?? '';
    if (title && lines[i + 1]?.trim() === '' && abstract.length > 200) {
      papers.push({ title, sentences: abstract.split(/(?<=[.!?])\s+(?=[A-Z])/) });
      i += 2;
    }
  }
  return papers;
}

const SYLLABLES = ['no', 'va', 'ri', 'ka', 'lu', 'mi', 'sa', 'to', 're', 'xi', 'zo', 'fe'];

/** A coined method name per paper, CamelCase with a version so the name rules find it. */
function coinedName(i: number): string {
  let n = i;
  let name = '';
  for (let k = 0; k < 3; k += 1) {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return `${name[0].toUpperCase()}${name.slice(1)}Net-${(i % 97) + 1}`;
}

/**
 * Yields `count` papers. Paper i proposes a coined name in its title, mixes sentences of three
 * seed abstracts (so Adam, ImageNet, GPUs... recur at their real rates), and a third of papers
 * compare against the coined name of an earlier paper, which gives BUILDS_ON lineage.
 */
export function* syntheticCorpus(
  count: number,
  options: { seed?: number; borrowed?: number } = {},
): Generator<RawPaper> {
  const base = readSeed();
  const next = seededRandom(options.seed ?? 20240314);
  for (let i = 0; i < count; i += 1) {
    const own = base[i % base.length];
    const parts = own.sentences.slice(0, 2);
    // Two runs of two borrowed sentences by default; fewer make a cheaper corpus for tests.
    for (let k = 0; k < (options.borrowed ?? 2); k += 1) {
      const from = base[Math.floor(next() * base.length)].sentences;
      const start = Math.floor(next() * from.length);
      parts.push(...from.slice(start, start + 2));
    }
    const name = coinedName(i);
    parts.push(`We propose ${name}, which builds on these ideas.`);
    if (i > 0 && next() < 0.33)
      parts.push(`We compare ${name} against ${coinedName(Math.floor(next() * i))}.`);
    const subtitle = own.title.includes(':')
      ? own.title.slice(own.title.indexOf(':') + 1).trim()
      : own.title;
    yield {
      id: `synthetic:${i}`,
      title: `${name}: ${subtitle}`,
      abstract: parts.join(' '),
      authors: [`Author ${i % 997}`, `Author ${(i * 7) % 991}`],
      published: `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      source: 'synthetic',
    };
  }
}

/** The corpus as JSON Lines, for `papergraph ingest`. */
export function* syntheticJsonl(
  count: number,
  options?: Parameters<typeof syntheticCorpus>[1],
): Generator<string> {
  for (const paper of syntheticCorpus(count, options)) yield `${JSON.stringify(paper)}\n`;
}
