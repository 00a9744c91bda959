// The server's side of the heavy-read threads (read-worker.ts): a fixed set of worker threads on
// the embedded store's file, each given one read at a time by the HeavyReads pool in front of it.
// A thread that dies fails its read (500) and is started again for the next one.
import { Worker } from 'node:worker_threads';
import type { NodeLabel, NodeRef } from '../../src/model/index.ts';
import { StoreError, type StoreErrorCode } from '../../src/store/errors.ts';
import { ApiError } from '../http/errors.ts';
import type { NeighbourhoodQuery } from './graph-view.ts';
import type { NeighboursParams } from '../../src/api/trade.ts';
import type { TradeLinkLinesQuery } from './trade-view.ts';

/** The counts an audit entry records of a heavy read's answer. */
export type ReadFacts = Readonly<Record<string, number | boolean>>;
export interface ReadOutcome {
  json: Uint8Array;
  facts: ReadFacts;
}

/** A read a thread can answer: the arguments of the GraphView method of the same name. */
export type HeavyRead =
  | { op: 'neighbourhood'; start: NodeRef; query: NeighbourhoodQuery }
  | { op: 'paths'; query: { from: NodeRef; to: NodeRef; k: number; maxLength: number } }
  | { op: 'search'; q: string; options: { limit: number; labels?: NodeLabel[] | undefined } }
  | { op: 'neighbours'; start: NodeRef; query: NeighboursParams }
  | { op: 'tradeLinks'; party: NodeRef; limit: number }
  | { op: 'tradeLinkLines'; query: TradeLinkLinesQuery };

export interface ReadReply {
  id: number;
  /** The answer's JSON, UTF-8 encoded, its buffer transferred (not copied). */
  json?: Uint8Array;
  /** What the audit entry records of the answer (readFacts). */
  facts?: ReadFacts;
  error?:
    | { kind: 'store'; code: StoreErrorCode; message: string }
    | { kind: 'api'; status: number; code: string; message: string }
    | { kind: 'other'; message: string };
}

const THREAD = new URL('./read-worker-thread.js', import.meta.url);

interface Pending {
  resolve: (outcome: ReadOutcome) => void;
  reject: (error: Error) => void;
}

class ReadThread {
  private readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  dead = false;

  constructor(file: string) {
    this.worker = new Worker(THREAD, { workerData: { file }, execArgv: [] });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (reply: ReadReply) => this.settle(reply));
    this.worker.on('exit', (code) => this.die(new Error(`a heavy-read thread stopped (exit code ${code})`)));
    this.worker.on('error', (error) => this.die(error));
  }

  get busy(): number {
    return this.pending.size;
  }

  async read(id: number, read: HeavyRead): Promise<ReadOutcome> {
    await this.ready;
    return new Promise<ReadOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, read });
    });
  }

  invalidate(): void {
    if (!this.dead) this.worker.postMessage({ invalidate: true });
  }

  terminate(): Promise<number> {
    this.dead = true;
    return this.worker.terminate();
  }

  private settle(reply: ReadReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.json !== undefined) pending.resolve({ json: reply.json, facts: reply.facts ?? {} });
    else pending.reject(rebuild(reply.error));
  }

  private die(error: Error): void {
    this.dead = true;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** The thread's error as the API would have seen it thrown in-process. */
function rebuild(error: ReadReply['error']): Error {
  if (error?.kind === 'store') return new StoreError(error.code, error.message);
  if (error?.kind === 'api') return new ApiError(error.status, error.code, error.message);
  return new Error(`heavy read failed on its thread: ${error?.message ?? 'no reason given'}`);
}

export class ReadWorkers {
  private readonly threads: ReadThread[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    readonly size: number,
  ) {
    // Started with the server: a thread's start (the TypeScript loader, the store, the last
    // run's scores) is not paid by the first user to ask.
    for (let i = 0; i < size; i += 1) this.threads.push(new ReadThread(file));
  }

  /** The read's answer as JSON bytes and its facts, from the least busy thread (started on first use). */
  read(read: HeavyRead): Promise<ReadOutcome> {
    // Reads still queued when the server closes must not start threads again.
    if (this.closed) return Promise.reject(new StoreError('unavailable', 'the server is shutting down'));
    return this.pick().read(this.nextId++, read);
  }

  /** A job landed: the threads read the last run's scores again. */
  invalidate(): void {
    for (const t of this.threads) t.invalidate();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.splice(0).map((t) => t.terminate()));
  }

  private pick(): ReadThread {
    for (let i = 0; i < this.threads.length; i += 1) {
      if (this.threads[i]!.dead) this.threads[i] = new ReadThread(this.file);
    }
    if (this.threads.length < this.size) {
      const thread = new ReadThread(this.file);
      this.threads.push(thread);
      return thread;
    }
    return this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
  }
}
