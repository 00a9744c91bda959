// Party risk scores of the last detection run, by node key, for shaping nodes: loaded once per
// run and shared by every request, instead of asking the store for the last run on each one (on
// Neo4j that was a round trip costing as much Node CPU as a third of a neighbourhood read).
//
// Freshness: a run or an import that lands through this server (a job) drops the cache at once,
// so the next answer reads the new run. A run written by another process (`ringscope detect` on
// the same store) is noticed at the next check of the run id, at most `revalidateMs` later.
import { nodeKey } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

/** How long a checked run id is trusted before it is read again. */
export const RISK_REVALIDATE_MS = 1000;

type Scores = Map<string, number>;

interface Cached {
  runId: string | null;
  scores: Promise<Scores>;
  /** When the run id was asked for (not when it arrived): staleness is counted from there. */
  checkedAt: number;
}

export class RiskScores {
  private cached: Cached | null = null;
  private pending: { generation: number; scores: Promise<Scores> } | null = null;
  /** Bumped by invalidate(): a check begun before it must not install what it read. */
  private generation = 0;

  constructor(
    private readonly store: Pick<GraphStore, 'lastRun' | 'listPartyRisks'>,
    private readonly options: { revalidateMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Scores by node key; parties the last run did not score (and every party before any run) are absent. */
  scores(): Promise<Scores> {
    const cached = this.cached;
    if (cached && this.now() - cached.checkedAt < (this.options.revalidateMs ?? RISK_REVALIDATE_MS))
      return cached.scores;
    // One check at a time: the requests arriving meanwhile share it.
    if (this.pending?.generation !== this.generation) {
      const entry = { generation: this.generation, scores: this.refresh(this.generation) };
      this.pending = entry;
      const clear = () => {
        if (this.pending === entry) this.pending = null;
      };
      entry.scores.then(clear, clear);
    }
    return this.pending.scores;
  }

  /** A detection run or an import landed: the next request reads the run again. */
  invalidate(): void {
    this.generation += 1;
    this.cached = null;
    this.pending = null;
  }

  private async refresh(generation: number): Promise<Scores> {
    const checkedAt = this.now();
    const run = await this.store.lastRun();
    const runId = run?.runId ?? null;
    const previous = this.cached;
    const scores =
      previous && previous.runId === runId
        ? previous.scores
        : runId === null
          ? Promise.resolve<Scores>(new Map())
          : this.load();
    if (generation === this.generation) {
      const entry: Cached = { runId, scores, checkedAt };
      this.cached = entry;
      // A failed load is not kept: the next request tries again.
      scores.catch(() => {
        if (this.cached === entry) this.cached = null;
      });
    }
    return scores;
  }

  private async load(): Promise<Scores> {
    const parties = await this.store.listPartyRisks({});
    return new Map(parties.map((p) => [nodeKey(p), p.score]));
  }
}
