// The server's side of the scoring thread (score-worker-loop.ts): a declaration's lines are
// scored and explained there, while this thread keeps HTTP, sessions, validation, the audit
// trail and the alerts. With two cores the two overlap. What is sent in one turn of the event
// loop goes in one message (and the thread answers what it finished in one turn in one), so
// under load the cost of a message is shared by the declarations that arrived together. The
// thread is sent each model once, in order before the first request scored with it: a request
// always scores with the model it started with, a reload is used from the next request on. A
// thread that dies fails its requests (500) and the next request starts another.
import { Worker } from 'node:worker_threads';
import type { ModelFile } from '../../src/risk/model-file.ts';
import type { LineScore, PostedLines, ReasonsFor, ScorableModel } from './line-scorer.ts';

/**
 * What the thread is sent (in batches, in order): a model to hold, or a declaration's lines
 * (PostedLines as JSON) to score with the model named. Lines and scores travel as JSON text: a string is copied whole,
 * where cloning the objects field by field cost more than serialising them.
 */
export type ScoreMessage =
  { file: ModelFile } | { id: number; model: string; lines: string; reasons: ReasonsFor };

export interface ScoreReply {
  id: number;
  /** The content hash of the model that scored the lines. */
  model?: string;
  /** LineScore[] as JSON. */
  scores?: string;
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
  /** What this turn sends, in order: one message on the next turn. */
  private outbox: ScoreMessage[] = [];
  /** The content hash of the model last sent. */
  private model: string | null = null;
  dead = false;

  constructor() {
    this.worker = new Worker(THREAD, { execArgv: [] });
    this.worker.unref();
    this.worker.on('message', (replies: ScoreReply[]) => replies.forEach((r) => this.settle(r)));
    this.worker.on('exit', (code) => this.die(new Error(`the scoring thread stopped (exit code ${code})`)));
    this.worker.on('error', (error) => this.die(error));
  }

  /** The content hash of the model last sent (null: none yet). */
  holding(): string | null {
    return this.model;
  }

  /** Sends the model unless it is the one the thread holds; answers its content hash. */
  hold(loaded: ScorableModel): string {
    const hash = loaded.file.contentHash;
    if (this.model !== hash) {
      this.send({ file: loaded.file });
      this.model = hash;
    }
    return hash;
  }

  score(id: number, loaded: ScorableModel, posted: PostedLines, reasons: ReasonsFor): Promise<LineScore[]> {
    const hash = this.hold(loaded);
    return new Promise<LineScore[]>((resolve, reject) => {
      this.pending.set(id, { model: hash, resolve, reject });
      this.send({ id, model: hash, lines: JSON.stringify(posted), reasons });
    });
  }

  terminate(): Promise<number> {
    this.dead = true;
    return this.worker.terminate();
  }

  private send(message: ScoreMessage): void {
    this.outbox.push(message);
    if (this.outbox.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const batch = this.outbox;
    this.outbox = [];
    if (!this.dead && batch.length > 0) this.worker.postMessage(batch);
  }

  private settle(reply: ScoreReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.scores !== undefined && reply.model === pending.model)
      pending.resolve(JSON.parse(reply.scores) as LineScore[]);
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

  /** Score, lane and reasons of each line, in their order (as scorePosted answers them). */
  score(loaded: ScorableModel, posted: PostedLines, reasons: ReasonsFor): Promise<LineScore[]> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    return this.live().score(this.nextId++, loaded, posted, reasons);
  }

  /** Starts the thread and sends it the model now, so the first declaration does not wait for them. */
  warm(loaded: ScorableModel): void {
    if (!this.closed) this.live().hold(loaded);
  }

  /** The content hash of the model the scoring thread holds or is being sent (null: none, or no thread). */
  holding(): string | null {
    return this.thread?.dead === false ? this.thread.holding() : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    if (thread && !thread.dead) await thread.terminate();
  }

  private live(): ScoreThread {
    if (this.thread === null || this.thread.dead) this.thread = new ScoreThread();
    return this.thread;
  }
}
