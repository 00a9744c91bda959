// The entry of the scoring thread (score-worker.ts): the TypeScript it runs needs the loader,
// which a worker thread does not inherit from the thread that started it.
import { register } from 'tsx/esm/api';

register();
await import('./score-worker-loop.ts');
