// The clustering of a very large slice, computed in a web worker so the page stays responsive;
// on the page itself where workers are unavailable. One worker serves the page, made on first use.
import { arrangeClusters, type ClusterInput, type Point } from './map-layouts.ts';

/** The large-slice clustering, in a worker; on the page when workers are unavailable. */
let worker: Worker | null = null;
let jobs = 0;
export function clusterOffThread(input: ClusterInput): Promise<Record<string, Point>> {
  if (typeof Worker === 'undefined') return Promise.resolve(arrangeClusters(input));
  worker ??= new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  const id = ++jobs;
  const running = worker;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ id: number; positions: Record<string, Point> }>) => {
      if (e.data.id !== id) return;
      running.removeEventListener('message', onMessage);
      resolve(e.data.positions);
    };
    running.addEventListener('message', onMessage);
    running.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
    running.postMessage({ id, input });
  });
}
