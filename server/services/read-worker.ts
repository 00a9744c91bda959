// A heavy-read thread: its own connection to the embedded store's file (WAL: readers never
// block the server's writer nor each other) and its own GraphView, answering neighbourhood,
// paths and search requests with the JSON text the server sends as is. A long synchronous
// SQLite read and the shaping of its answer block this thread, never the server's.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { StoreError } from '../../src/store/errors.ts';
import { ApiError } from '../http/errors.ts';
import { GraphView } from './graph-view.ts';
import { answerRead, readFacts } from './graph-reads.ts';
import { RiskScores } from './risk-scores.ts';
import type { HeavyRead, ReadReply } from './read-workers.ts';

/** Niceness of a read thread: when the cores are busy the server's own thread goes first. */
const READ_THREAD_NICE = 10;

/** Lowers this thread's priority (Linux: a thread is a task of its own); elsewhere it keeps the server's. */
function yieldToServerThread(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, READ_THREAD_NICE);
  } catch {
    // Not Linux, or not allowed: the read thread runs at the server's priority.
  }
}

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs on a worker thread');
yieldToServerThread();
const store = await openEmbeddedStore((workerData as { file: string }).file);
const risks = new RiskScores(store);
const view = new GraphView(store, risks);
const encoder = new TextEncoder();
// The last run's scores, read before the first request needs them.
await risks.scores().catch(() => undefined);

function failure(error: unknown): ReadReply['error'] {
  if (error instanceof StoreError) return { kind: 'store', code: error.code, message: error.message };
  if (error instanceof ApiError)
    return { kind: 'api', status: error.status, code: error.code, message: error.message };
  return { kind: 'other', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

port.on('message', (message: { id: number; read: HeavyRead } | { invalidate: true }) => {
  if ('invalidate' in message) {
    risks.invalidate();
    return;
  }
  answerRead(view, message.read).then(
    (out) => {
      const json = encoder.encode(JSON.stringify(out));
      const facts = readFacts(message.read, out);
      port.postMessage({ id: message.id, json, facts } satisfies ReadReply, [json.buffer]);
    },
    (error: unknown) => port.postMessage({ id: message.id, error: failure(error) } satisfies ReadReply),
  );
});
port.postMessage({ ready: true });
