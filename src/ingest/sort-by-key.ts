import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readLines } from './open-input.ts';

/** One input line with the number it is sorted by and where it came from. */
export interface KeyedLine {
  key: number;
  /** Which input file (an index the caller keeps) and its line number, for messages. */
  source: number;
  number: number;
  line: string;
}

export interface SortByKeyOptions {
  /** A directory the caller owns and removes afterwards; sorted runs are written into it. */
  tempDir: string;
  /** A prefix for the run files, so several sorts can share one directory. */
  label: string;
  /**
   * Characters of lines held in memory at once; a longer input is cut into sorted runs of this
   * size on disk, then merged.
   * @default 32_000_000
   */
  runChars?: number;
}

/**
 * An external merge sort: lines come out in ascending key order (equal keys in input order) while
 * memory holds one run, never the whole input. An input that fits in one run never touches disk.
 */
export async function* sortByKey(
  lines: AsyncIterable<KeyedLine>,
  options: SortByKeyOptions,
): AsyncGenerator<KeyedLine> {
  const runChars = options.runChars ?? 32_000_000;
  const runs: string[] = [];
  let run: KeyedLine[] = [];
  let chars = 0;
  const flush = async () => {
    const path = join(options.tempDir, `${options.label}-${runs.length}.run`);
    run.sort(byKey);
    await writeFile(
      path,
      run.map((l) => `${l.key}\t${l.source}\t${l.number}\t${l.line}\n`).join(''),
    );
    runs.push(path);
    run = [];
    chars = 0;
  };
  for await (const line of lines) {
    run.push(line);
    chars += line.line.length + 32;
    if (chars >= runChars) await flush();
  }
  if (runs.length === 0) {
    // Everything fitted in memory.
    run.sort(byKey);
    yield* run;
    return;
  }
  if (run.length > 0) await flush();
  yield* mergeRuns(runs);
}

const byKey = (a: KeyedLine, b: KeyedLine) => a.key - b.key;

async function* readRun(path: string): AsyncGenerator<KeyedLine> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  for await (const { line } of readLines(stream as AsyncIterable<string>)) {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const c = line.indexOf('\t', b + 1);
    yield {
      key: Number(line.slice(0, a)),
      source: Number(line.slice(a + 1, b)),
      number: Number(line.slice(b + 1, c)),
      line: line.slice(c + 1),
    };
  }
}

interface Head {
  value: KeyedLine;
  run: number;
  rest: AsyncGenerator<KeyedLine>;
}

/** A k-way merge over a binary min-heap ordered by key, then by run (so ties keep input order). */
async function* mergeRuns(paths: string[]): AsyncGenerator<KeyedLine> {
  const heap: Head[] = [];
  const less = (x: Head, y: Head) =>
    x.value.key < y.value.key || (x.value.key === y.value.key && x.run < y.run);
  const push = (head: Head) => {
    heap.push(head);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  };
  const pop = (): Head => {
    const top = heap[0];
    const last = heap.pop() as Head;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && less(heap[l], heap[min])) min = l;
        if (r < heap.length && less(heap[r], heap[min])) min = r;
        if (min === i) break;
        [heap[i], heap[min]] = [heap[min], heap[i]];
        i = min;
      }
    }
    return top;
  };
  const rests = paths.map(readRun);
  try {
    for (const [run, rest] of rests.entries()) {
      const first = await rest.next();
      if (!first.done) push({ value: first.value, run, rest });
    }
    while (heap.length > 0) {
      const head = pop();
      yield head.value;
      const next = await head.rest.next();
      if (!next.done) push({ value: next.value, run: head.run, rest: head.rest });
    }
  } finally {
    await Promise.all(rests.map((rest) => rest.return(undefined)));
  }
}
