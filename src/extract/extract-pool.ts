// Extraction in parallel: a fixed set of worker threads, batches split among them, order kept.
import { Worker } from 'node:worker_threads';
import type { Extraction, RawPaper } from '../domain.ts';

export interface ExtractPoolOptions {
  /**
   * Worker threads to start.
   * @default 2
   */
  workers?: number;
  /**
   * Old-generation heap limit of each worker, in MB. A worker needs about 60 MB live; a tight
   * limit makes V8 collect sooner, keeping the process's RSS low when many papers stream through.
   * @default 160
   */
  workerHeapMb?: number;
}

export interface ExtractPool {
  readonly workers: number;
  /** Extracts a batch in parallel; results come back in the batch's order. */
  extract(papers: RawPaper[]): Promise<Extraction[]>;
  /** Stops the workers; pending batches are rejected. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  papers: RawPaper[];
  resolve: (extractions: Extraction[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

/**
 * Workers start from a plain-JS bootstrap that registers tsx in the worker thread: the parent may
 * have registered tsx in-process (`bin/papergraph`, vitest), which worker threads do not inherit.
 */
const WORKER_ENTRY = new URL('./extract-worker-bootstrap.mjs', import.meta.url);

export function createExtractPool(options: ExtractPoolOptions = {}): ExtractPool {
  const size = Math.max(1, Math.floor(options.workers ?? 2));
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.job !== null) continue;
      const job = queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, papers: job.papers });
    }
  }

  function fail(slot: Slot, error: Error): void {
    const job = slot.job;
    slot.job = null;
    job?.reject(error);
  }

  for (let i = 0; i < size; i += 1) {
    const worker = new Worker(WORKER_ENTRY, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 160 },
    });
    const slot: Slot = { worker, job: null };
    worker.on('message', (message: { id: number; extractions: Extraction[] }) => {
      const job = slot.job;
      slot.job = null;
      if (job !== null && job.id === message.id) job.resolve(message.extractions);
      dispatch();
    });
    worker.on('error', (error) => fail(slot, error));
    worker.on('exit', (code) => {
      if (!closed) fail(slot, new Error(`extract worker stopped unexpectedly (exit code ${code})`));
    });
    worker.unref();
    slots.push(slot);
  }

  function run(papers: RawPaper[]): Promise<Extraction[]> {
    return new Promise((resolve, reject) => {
      queue.push({ id: nextId++, papers, resolve, reject });
      dispatch();
    });
  }

  return {
    workers: size,
    async extract(papers) {
      if (closed) throw new Error('the extract pool is closed');
      if (papers.length === 0) return [];
      for (const slot of slots) slot.worker.ref();
      try {
        // Small jobs from a shared queue: a worker that finishes early takes the next one.
        const share = Math.max(1, Math.ceil(papers.length / (size * 4)));
        const parts: Promise<Extraction[]>[] = [];
        for (let start = 0; start < papers.length; start += share) {
          parts.push(run(papers.slice(start, start + share)));
        }
        return (await Promise.all(parts)).flat();
      } finally {
        if (queue.length === 0 && slots.every((slot) => slot.job === null)) {
          for (const slot of slots) slot.worker.unref();
        }
      }
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the extract pool was closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
