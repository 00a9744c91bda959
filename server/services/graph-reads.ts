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
import type {
  NeighboursAnswer,
  NeighboursParams,
  TradeLinkLinesAnswer,
  TradeLinksAnswer,
} from '../../src/api/trade.ts';
import type { TradeLinkLinesQuery } from './trade-view.ts';
import { HeavyReadRefused, type HeavyReads } from './read-pool.ts';
import type { HeavyRead, ReadFacts, ReadWorkers } from './read-workers.ts';

/** The read done in this thread, as a read thread does it. */
export function answerRead(view: GraphView, read: HeavyRead): Promise<unknown> {
  switch (read.op) {
    case 'neighbourhood':
      return view.neighbourhood(read.start, read.query);
    case 'paths':
      return view.paths(read.query);
    case 'search':
      return view.search(read.q, read.options);
    case 'neighbours':
      return view.neighbours(read.start, read.query);
    case 'tradeLinks':
      return view.tradeLinks(read.party, read.limit);
    case 'tradeLinkLines':
      return view.tradeLinkLines(read.query);
  }
}

/** The answer as a value (in this thread) or as the JSON a read thread wrote. */
type Answer<S extends z.ZodType> = z.infer<S> | JsonText;

/** What an audit entry records of a read's answer: its counts, never its content. */
export function readFacts(read: HeavyRead, answer: unknown): ReadFacts {
  switch (read.op) {
    case 'neighbourhood': {
      const a = answer as z.infer<typeof SubgraphAnswer>;
      return { nodes: a.nodes.length, truncated: a.truncated };
    }
    case 'paths':
      return { paths: (answer as z.infer<typeof PathsAnswer>).paths.length };
    case 'search':
      return { hits: (answer as z.infer<typeof SearchAnswer>).hits.length };
    case 'neighbours': {
      const a = answer as NeighboursAnswer;
      return { nodes: a.nodes.length, total: a.total, more: a.next !== null };
    }
    case 'tradeLinks': {
      const a = answer as TradeLinksAnswer;
      return { links: a.links.length, groups: a.more.length };
    }
    case 'tradeLinkLines': {
      const a = answer as TradeLinkLinesAnswer;
      return { lines: a.lines.length, more: a.next !== null };
    }
  }
}

/** The facts of an answer, whichever thread wrote it. */
export function answerFacts(op: HeavyRead['op'], answer: unknown): ReadFacts {
  if (answer instanceof JsonText) return answer.facts;
  return readFacts({ op } as HeavyRead, answer);
}

const threaded = (outcome: { json: Uint8Array; facts: ReadFacts }): JsonText =>
  new JsonText(outcome.json, outcome.facts);

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

  async neighbours(user: string, start: NodeRef, query: NeighboursParams) {
    return (await this.heavy(user, { op: 'neighbours', start, query })) as Answer<typeof NeighboursAnswer>;
  }

  async tradeLinks(user: string, party: NodeRef, limit: number) {
    return (await this.heavy(user, { op: 'tradeLinks', party, limit })) as Answer<typeof TradeLinksAnswer>;
  }

  async tradeLinkLines(user: string, query: TradeLinkLinesQuery) {
    return (await this.heavy(user, { op: 'tradeLinkLines', query })) as Answer<typeof TradeLinkLinesAnswer>;
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
        threads ? threaded(await threads.read(read)) : answerRead(this.view, read),
      );
    } catch (error) {
      if (!(error instanceof HeavyReadRefused)) throw error;
      throw new ApiError(503, 'busy', error.message, {}, { 'Retry-After': String(error.retryAfterS) });
    }
  }
}
