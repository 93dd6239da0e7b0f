// Heap still in use after a full garbage collection: what a test means by "memory stays flat"
// (heapUsed alone also counts garbage V8 has not collected yet).
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Bytes of heap in use after a full GC. */
export function retainedHeap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}
