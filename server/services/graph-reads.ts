// The heavy graph reads the API serves (neighbourhood, paths, search), admitted by the HeavyReads
// pool (a bounded share per user, a bounded queue) and run, on the embedded store, on the read
// threads (read-workers.ts) so that a long synchronous SQLite read never stalls the server's
// event loop; on Neo4j (async I/O) or with no threads configured they run in the server's thread.
import type { z } from 'zod';
import type { PathsAnswer, SearchAnswer, SubgraphAnswer } from '../../src/api/graph.ts';
import type { NodeLabel, NodeRef } from '../../src/model/index.ts';
import { ApiError } from '../http/errors.ts';
import { JsonText } from '../http/json-text.ts';
import type { GraphView, NeighbourhoodQuery } from './graph-view.ts';
import { HeavyReadRefused, type HeavyReads } from './read-pool.ts';
import type { HeavyRead, ReadWorkers } from './read-workers.ts';

/** The read done in this thread, as a read thread does it. */
export function answerRead(view: GraphView, read: HeavyRead): Promise<unknown> {
  switch (read.op) {
    case 'neighbourhood':
      return view.neighbourhood(read.start, read.query);
    case 'paths':
      return view.paths(read.query);
    case 'search':
      return view.search(read.q, read.options);
  }
}

/** The answer as a value (in this thread) or as the JSON a read thread wrote. */
type Answer<S extends z.ZodType> = z.infer<S> | JsonText;

export class GraphReads {
  constructor(
    private readonly pool: HeavyReads,
    private readonly view: GraphView,
    private readonly threads: ReadWorkers | null,
  ) {}

  /** Whether reads run on threads of their own (the embedded store with threads configured). */
  get threaded(): boolean {
    return this.threads !== null;
  }

  async neighbourhood(user: string, start: NodeRef, query: NeighbourhoodQuery) {
    return (await this.heavy(user, { op: 'neighbourhood', start, query })) as Answer<typeof SubgraphAnswer>;
  }

  async paths(user: string, query: { from: NodeRef; to: NodeRef; k: number; maxLength: number }) {
    return (await this.heavy(user, { op: 'paths', query })) as Answer<typeof PathsAnswer>;
  }

  async search(user: string, q: string, options: { limit: number; labels?: NodeLabel[] | undefined }) {
    return (await this.heavy(user, { op: 'search', q, options })) as Answer<typeof SearchAnswer>;
  }

  /** Heavy reads running and waiting now. */
  load(): { running: number; queued: number } {
    return this.pool.load();
  }

  /** A job landed: the threads read the last run's scores again. */
  invalidate(): void {
    this.threads?.invalidate();
  }

  close(): Promise<void> {
    return this.threads?.close() ?? Promise.resolve();
  }

  private async heavy(user: string, read: HeavyRead): Promise<unknown> {
    const threads = this.threads;
    try {
      return await this.pool.run(user, async () =>
        threads ? new JsonText(await threads.read(read)) : answerRead(this.view, read),
      );
    } catch (error) {
      if (!(error instanceof HeavyReadRefused)) throw error;
      throw new ApiError(503, 'busy', error.message, {}, { 'Retry-After': String(error.retryAfterS) });
    }
  }
}
