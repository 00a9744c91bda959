// The entry of a heavy-read thread (read-workers.ts): the TypeScript it runs needs the loader,
// which a worker thread does not inherit from the thread that started it.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
