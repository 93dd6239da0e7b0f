// Entry of an extract pool worker: registers tsx in this thread (loader hooks are not inherited
// from the parent, and Node 20 does not apply `--import` before a worker's own entry), then loads
// the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
