// Runs the generator in a worker thread with a capped old generation, so that the largest world
// stays within its memory budget: the garbage collector works to the cap instead of letting the
// heap grow with the machine's memory. Progress comes back as messages.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { generateWorld, type GenerateOptions, type GenerateResult } from './generate.ts';

/** Old-generation cap of the generator's thread, MB: the large world's live set fits well within. */
export const GENERATOR_HEAP_MB = 1024;

type FromWorker =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: GenerateResult }
  | { kind: 'failed'; message: string };

const WORKER_TAG = 'ringscope-seed-worker';

export function generateInWorker(options: GenerateOptions): Promise<GenerateResult> {
  const { onProgress, ...plain } = options;
  // The worker loads TypeScript through tsx, as bin/ringscope.js does for the main thread.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { tag: WORKER_TAG, options: plain },
    resourceLimits: { maxOldGenerationSizeMb: GENERATOR_HEAP_MB },
  });
  return new Promise<GenerateResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'progress') onProgress?.(message.done, message.total);
      else {
        settled = true;
        if (message.kind === 'done') resolve(message.result);
        else reject(new Error(message.message));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the world generator stopped (exit code ${code})`));
    });
  });
}

const data = workerData as { tag?: string; options?: Omit<GenerateOptions, 'onProgress'> } | null;
if (!isMainThread && data?.tag === WORKER_TAG && data.options && parentPort) {
  const port = parentPort;
  generateWorld({
    ...data.options,
    onProgress: (done, total) => port.postMessage({ kind: 'progress', done, total } satisfies FromWorker),
  })
    .then((result) => port.postMessage({ kind: 'done', result } satisfies FromWorker))
    .catch((error: unknown) =>
      port.postMessage({
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies FromWorker),
    );
}
