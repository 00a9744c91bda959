// The server's side of the scoring thread (score-worker-loop.ts): a declaration's lines are
// scored and explained there, while this thread keeps HTTP, sessions, validation, the audit
// trail and the alerts. With two cores the two overlap; on this thread a score costs a message
// each way. The thread is sent each model once, before the first request scored with it, and
// messages arrive in order: a request always scores with the model it started with, a reload
// is used from the next request on. A thread that dies fails its requests (500) and the next
// request starts another.
import { Worker } from 'node:worker_threads';
import type { RiskLine } from '../../src/risk/features.ts';
import type { ModelFile } from '../../src/risk/model-file.ts';
import type { LineScore, ReasonsFor, ScorableModel } from './line-scorer.ts';

/** What the thread is sent: a model to hold, or lines to score with the model named. */
export type ScoreMessage =
  { file: ModelFile } | { id: number; model: string; lines: RiskLine[]; reasons: ReasonsFor };

export interface ScoreReply {
  id: number;
  /** The content hash of the model that scored the lines. */
  model?: string;
  scores?: LineScore[];
  error?: string;
}

const THREAD = new URL('./score-worker-thread.js', import.meta.url);

interface Pending {
  model: string;
  resolve: (scores: LineScore[]) => void;
  reject: (error: Error) => void;
}

class ScoreThread {
  private readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  /** The content hash of the model last sent. */
  private model: string | null = null;
  dead = false;

  constructor() {
    this.worker = new Worker(THREAD, { execArgv: [] });
    this.worker.unref();
    this.worker.on('message', (reply: ScoreReply) => this.settle(reply));
    this.worker.on('exit', (code) => this.die(new Error(`the scoring thread stopped (exit code ${code})`)));
    this.worker.on('error', (error) => this.die(error));
  }

  /** Sends the model unless it is the one the thread holds; answers its content hash. */
  hold(loaded: ScorableModel): string {
    const hash = loaded.file.contentHash;
    if (this.model !== hash) {
      this.worker.postMessage({ file: loaded.file } satisfies ScoreMessage);
      this.model = hash;
    }
    return hash;
  }

  score(id: number, loaded: ScorableModel, lines: RiskLine[], reasons: ReasonsFor): Promise<LineScore[]> {
    const hash = this.hold(loaded);
    return new Promise<LineScore[]>((resolve, reject) => {
      this.pending.set(id, { model: hash, resolve, reject });
      this.worker.postMessage({ id, model: hash, lines, reasons } satisfies ScoreMessage);
    });
  }

  terminate(): Promise<number> {
    this.dead = true;
    return this.worker.terminate();
  }

  private settle(reply: ScoreReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.scores !== undefined && reply.model === pending.model) pending.resolve(reply.scores);
    else
      pending.reject(
        new Error(`scoring on its thread failed: ${reply.error ?? `scored with model ${reply.model}`}`),
      );
  }

  private die(error: Error): void {
    this.dead = true;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

/** Scores lines on the scoring thread, started on first use and again after it dies. */
export class ScoreWorker {
  private thread: ScoreThread | null = null;
  private nextId = 1;
  private closed = false;

  /** Score, lane and reasons of each line, in their order (as scoreInOrder answers them). */
  score(loaded: ScorableModel, lines: RiskLine[], reasons: ReasonsFor): Promise<LineScore[]> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    return this.live().score(this.nextId++, loaded, lines, reasons);
  }

  /** Starts the thread and sends it the model now, so the first declaration does not wait for them. */
  warm(loaded: ScorableModel): void {
    if (!this.closed) this.live().hold(loaded);
  }

  private live(): ScoreThread {
    if (this.thread === null || this.thread.dead) this.thread = new ScoreThread();
    return this.thread;
  }

  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    if (thread && !thread.dead) await thread.terminate();
  }
}
