// Reads, hashes and parses a CSV file on a worker thread, so that the calling thread validates
// and maps one batch of records while the worker parses the next: the CSV parser and row
// validation each cost about as much as the other, and a machine has more than one core.
// The records, problems and file facts that come back are those scanCsv gives in-thread.
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { type CsvRecord, type CsvScan, scanCsv } from './csv-reader.ts';
import type { ProblemCode, ProblemLog } from './problems.ts';

/** Files at least this large (~80,000 declaration lines) are parsed on a worker thread: starting one costs ~0.1–0.3 s. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;
/** Batches (of ~1 MB of CSV each) parsed ahead of the validating thread at most. */
const BATCHES_AHEAD = 4;
const WORKER_TAG = 'ringscope-csv-worker';

interface LoggedProblem {
  row: number;
  column: string | null;
  code: ProblemCode;
  message: string;
}

type FromWorker =
  | { kind: 'batch'; problems: LoggedProblem[]; records: CsvRecord[]; bytes: number }
  | { kind: 'end'; problems: LoggedProblem[]; hash: string; bytes: number; invalidUtf8: boolean }
  | { kind: 'failed'; code: string | undefined; message: string };

type ToWorker = { kind: 'ack' };

/** An error of the worker's reading, with the errno code (ENOENT, EACCES…) it had there. */
class WorkerReadError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

function startWorker(path: string): Worker {
  // The worker loads TypeScript through tsx, as bin/ringscope.js does for the main thread.
  // tsx is resolved from here, not from the working directory the command runs in.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { tag: WORKER_TAG, path } });
}

/** scanCsv, with the reading and parsing done on a worker thread. */
export function scanCsvInWorker(
  path: string,
  log: ProblemLog,
  onProgress?: (bytes: number) => void,
): CsvScan {
  const scan: CsvScan = {
    hash: '',
    bytes: 0,
    invalidUtf8: false,
    async *batches() {
      const worker = startWorker(path);
      const inbox: FromWorker[] = [];
      // Set by the worker's events, read by the loop below.
      const state: { wake: (() => void) | null; failure: Error | null } = { wake: null, failure: null };
      const arrived = (): void => {
        state.wake?.();
        state.wake = null;
      };
      worker.on('message', (message: FromWorker) => {
        inbox.push(message);
        arrived();
      });
      worker.on('error', (error) => {
        state.failure = error;
        arrived();
      });
      worker.on('exit', (code) => {
        state.failure ??= new Error(`the CSV reader thread stopped (exit code ${code})`);
        arrived();
      });
      try {
        for (;;) {
          const message = inbox.shift();
          if (!message) {
            if (state.failure) throw state.failure;
            await new Promise<void>((resolve) => (state.wake = resolve));
            continue;
          }
          if (message.kind === 'failed') throw new WorkerReadError(message.message, message.code);
          for (const p of message.problems) log.add(p.row, p.column, p.code, p.message);
          scan.bytes = message.bytes;
          onProgress?.(scan.bytes);
          if (message.kind === 'end') {
            scan.hash = message.hash;
            scan.invalidUtf8 = message.invalidUtf8;
            return;
          }
          worker.postMessage({ kind: 'ack' } satisfies ToWorker);
          yield message.records;
        }
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
  return scan;
}

/** The worker's side: scanCsv, its batches posted as they come, at most BATCHES_AHEAD unread. */
async function serve(port: MessagePort, path: string): Promise<void> {
  let problems: LoggedProblem[] = [];
  const log = {
    add(row: number, column: string | null, code: ProblemCode, message: string) {
      problems.push({ row, column, code, message });
    },
  };
  let ahead = 0;
  let resume: (() => void) | null = null;
  port.on('message', (message: ToWorker) => {
    if (message.kind !== 'ack') return;
    ahead -= 1;
    resume?.();
    resume = null;
  });
  const scan = scanCsv(path, log);
  try {
    for await (const records of scan.batches()) {
      port.postMessage({ kind: 'batch', problems, records, bytes: scan.bytes } satisfies FromWorker);
      problems = [];
      ahead += 1;
      while (ahead >= BATCHES_AHEAD) await new Promise<void>((resolve) => (resume = resolve));
    }
    port.postMessage({
      kind: 'end',
      problems,
      hash: scan.hash,
      bytes: scan.bytes,
      invalidUtf8: scan.invalidUtf8,
    } satisfies FromWorker);
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      code: (error as NodeJS.ErrnoException).code,
      message: error instanceof Error ? error.message : String(error),
    } satisfies FromWorker);
  }
  port.close();
}

const data = workerData as { tag?: string; path?: string } | null;
if (!isMainThread && data?.tag === WORKER_TAG && data.path !== undefined && parentPort) {
  void serve(parentPort, data.path);
}
