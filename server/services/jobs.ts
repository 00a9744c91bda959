// Long work (ingest of an upload, a detection run) as jobs: run one at a time since both write
// the store, state kept in the app database, progress events kept in order in memory so an
// SSE client that connects late replays them all before the live ones.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Job, JobFailure, JobKind, JobProgress, JobState } from '../../src/api/jobs.ts';
import { InputError } from '../../src/ingest/errors.ts';
import type { AppDb } from '../app-db.ts';
import type { AuditLog } from '../audit.ts';
import { notFound } from '../http/errors.ts';

export type { JobFailure, JobKind, JobProgress, JobState };
/** A job as the API shows it. */
export type JobView = Job;

export type JobEvent =
  | { event: 'progress'; data: JobProgress }
  | { event: 'result'; data: unknown }
  | { event: 'error'; data: JobFailure };

export type JobWork = (onProgress: (progress: JobProgress) => void) => Promise<unknown>;

/** The first this many row problems are kept with a failed ingest, as the CLI reports them. */
export const MAX_PROBLEMS = 1000;
/** Progress is written to the database at most this often (events still go out every time). */
const PERSIST_EVERY_MS = 250;

interface Live {
  events: JobEvent[];
  listeners: Set<(event: JobEvent) => void>;
  persistedAt: number;
}

interface JobRow {
  id: string;
  kind: JobKind;
  state: JobState;
  progress: string;
  result: string | null;
  error: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export class Jobs {
  private queue: Promise<void> = Promise.resolve();
  private readonly live = new Map<string, Live>();

  constructor(
    private readonly db: AppDb,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
    /** Called as soon as a job's work ends, either way (both kinds write the store), before anyone hears of it. */
    private readonly onWorkEnded: () => void = () => {},
  ) {}

  /** Queues the work and returns the job at once; `cleanup` runs when it ends either way. */
  start(kind: JobKind, createdBy: string, work: JobWork, cleanup?: () => Promise<void>): JobView {
    const id = `J-${randomBytes(6).toString('hex')}`;
    const now = new Date().toISOString();
    const progress: JobProgress = { phase: 'queued', done: 0, total: 0 };
    this.db
      .prepare(
        'INSERT INTO jobs (id, kind, state, progress, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, kind, 'queued', JSON.stringify(progress), createdBy, now, now);
    this.live.set(id, { events: [], listeners: new Set(), persistedAt: 0 });
    this.queue = this.queue.then(() => this.run(id, kind, createdBy, work, cleanup));
    return this.get(id) as JobView;
  }

  get(id: string): JobView | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      progress: JSON.parse(row.progress) as JobProgress,
      ...(row.result !== null ? { result: JSON.parse(row.result) as unknown } : {}),
      ...(row.error !== null ? { error: JSON.parse(row.error) as JobFailure } : {}),
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Every event so far, then live ones, in order. Returns an unsubscribe function. For a job
   * finished before this server started, the one terminal event is rebuilt from its row.
   */
  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    const live = this.live.get(id);
    if (!live) {
      const job = this.get(id);
      if (job?.state === 'succeeded') listener({ event: 'result', data: job.result ?? null });
      if (job?.state === 'failed') listener({ event: 'error', data: job.error ?? { message: 'failed' } });
      return () => undefined;
    }
    for (const event of live.events) listener(event);
    live.listeners.add(listener);
    return () => live.listeners.delete(listener);
  }

  /** The job's events as `subscribe` gives them; 404 for a job that does not exist. */
  events(id: string): (listener: (event: JobEvent) => void) => () => void {
    if (!this.get(id)) throw notFound(`job ${id}`);
    return (listener) => this.subscribe(id, listener);
  }

  /** The job; 404 for one that does not exist. */
  require(id: string): JobView {
    const job = this.get(id);
    if (!job) throw notFound(`job ${id}`);
    return job;
  }

  /** How many SSE clients follow the job now. */
  subscriberCount(id: string): number {
    return this.live.get(id)?.listeners.size ?? 0;
  }

  /** Resolves when every queued job has finished (for shutdown and tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private emit(id: string, event: JobEvent): void {
    const live = this.live.get(id);
    if (!live) return;
    live.events.push(event);
    for (const listener of live.listeners) listener(event);
  }

  private async run(
    id: string,
    kind: JobKind,
    createdBy: string,
    work: JobWork,
    cleanup?: () => Promise<void>,
  ): Promise<void> {
    const live = this.live.get(id) as Live;
    const setState = (
      state: JobState,
      fields: { progress?: JobProgress; result?: unknown; error?: JobFailure },
    ) => {
      this.db
        .prepare(
          'UPDATE jobs SET state = ?, progress = COALESCE(?, progress), result = ?, error = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          state,
          fields.progress ? JSON.stringify(fields.progress) : null,
          fields.result === undefined ? null : JSON.stringify(fields.result),
          fields.error ? JSON.stringify(fields.error) : null,
          new Date().toISOString(),
          id,
        );
    };
    const onProgress = (progress: JobProgress) => {
      const copy: JobProgress = {
        phase: progress.phase,
        done: progress.done,
        total: progress.total,
        ...(progress.message ? { message: progress.message } : {}),
      };
      this.emit(id, { event: 'progress', data: copy });
      if (Date.now() - live.persistedAt >= PERSIST_EVERY_MS) {
        live.persistedAt = Date.now();
        setState('running', { progress: copy });
      }
    };
    let terminal: JobEvent;
    try {
      setState('running', { progress: { phase: 'starting', done: 0, total: 0 } });
      const result = await work(onProgress).finally(this.onWorkEnded);
      const last = live.events.findLast((e) => e.event === 'progress');
      setState('succeeded', { result, ...(last?.event === 'progress' ? { progress: last.data } : {}) });
      this.audit.append({
        action: kind,
        username: createdBy,
        requestId: null,
        target: id,
        detail: { outcome: 'succeeded' },
      });
      terminal = { event: 'result', data: result };
    } catch (error) {
      const failure = describeFailure(error);
      if (!(error instanceof InputError)) this.logger.error({ err: error, jobId: id }, 'job failed');
      setState('failed', { error: failure });
      this.audit.append({
        action: kind,
        username: createdBy,
        requestId: null,
        target: id,
        detail: { outcome: 'failed', message: failure.message },
      });
      terminal = { event: 'error', data: failure };
    }
    // Clean up before saying the job is over, so a client that sees the end sees it all done.
    await cleanup?.().catch((error: unknown) =>
      this.logger.warn({ err: error, jobId: id }, 'job cleanup failed'),
    );
    this.emit(id, terminal);
    // Keep the finished event log a while for late SSE clients, then let the row answer.
    setTimeout(() => this.live.delete(id), 60_000).unref();
  }
}

function describeFailure(error: unknown): JobFailure {
  if (error instanceof InputError) {
    return { message: error.message, problems: error.problems.slice(0, MAX_PROBLEMS), total: error.total };
  }
  // Internal failures are logged in full; the job says only what a user can act on.
  const message =
    error instanceof Error && error.name === 'StoreError'
      ? error.message
      : 'the job failed on the server; see the server log';
  return { message };
}
