// A worker thread of the extract pool: extracts the batches it is sent, in order.
import { parentPort } from 'node:worker_threads';
import type { RawPaper } from '../domain.ts';
import { extractPaper } from './extract-paper.ts';

interface Job {
  id: number;
  papers: RawPaper[];
}

parentPort?.on('message', (job: Job) => {
  const extractions = job.papers.map((paper) => extractPaper(paper));
  parentPort?.postMessage({ id: job.id, extractions });
});
