// Runs the large-slice layout off the page's thread: the page stays responsive while it works.
import { arrangeClusters, type ClusterInput } from './map-layouts.ts';

self.onmessage = (event: MessageEvent<{ id: number; input: ClusterInput }>) => {
  const { id, input } = event.data;
  self.postMessage({ id, positions: arrangeClusters(input) });
};
