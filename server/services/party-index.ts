// The last detection run's findings about parties, held in memory for scoring arriving
// declarations: each party's risk and rings by node key, and the network facts a model trained
// with network features needs (the same `readNetwork` index `ringscope score --db` reads, so a
// line scores the same by both paths). Built once per run, so a request makes map lookups only,
// never a store query.
//
// Freshness: a job that ends (a detection run or an import through this server) rebuilds it, and
// requests wait for the new one. A run written by another process (`ringscope detect` on the same
// store) is noticed by a check of the run id made in the background at most every `revalidateMs`;
// until it is read, requests keep the previous run's index.
import { readNetwork, type NetworkIndex } from '../../src/risk/network.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

/** What the last run says about one party. */
export interface PartyFacts {
  /** The party's risk in the run; null when the run did not score it. */
  risk: number | null;
  /** Ids of the rings it belongs to, in the store's ring order. */
  rings: string[];
}

/** One run's findings, ready for lookups. */
export interface PartySnapshot {
  runId: string;
  network: NetworkIndex;
  /** By node key (`Importer:IM-0042`); a party the run neither scored nor put in a ring is absent. */
  parties: Map<string, PartyFacts>;
}

/** How long a checked run id is trusted before the background check asks again. */
export const PARTY_INDEX_REVALIDATE_MS = 5000;

type FindingsReader = Pick<GraphStore, 'lastRun' | 'listRings' | 'getRing' | 'listPartyRisks'>;

export class PartyIndex {
  private snapshot: Promise<PartySnapshot | null> | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  /** Bumped by rebuild(): a check begun before it must not install what it read. */
  private generation = 0;

  constructor(
    private readonly store: FindingsReader,
    private readonly options: { revalidateMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The last run's index (null: the store holds no run); built on first use. */
  current(): Promise<PartySnapshot | null> {
    if (!this.snapshot) return this.rebuild();
    if (this.now() - this.checkedAt >= (this.options.revalidateMs ?? PARTY_INDEX_REVALIDATE_MS))
      this.revalidate();
    return this.snapshot;
  }

  /** A run or an import landed: read the store again; requests from now on wait for it. */
  rebuild(): Promise<PartySnapshot | null> {
    this.generation += 1;
    this.checkedAt = this.now();
    const built = buildSnapshot(this.store);
    this.snapshot = built;
    // A failed build is not kept: the next request tries again.
    built.catch(() => {
      if (this.snapshot === built) this.snapshot = null;
    });
    return built;
  }

  /** A job ended: an index in use is rebuilt now; one never asked for stays unbuilt. */
  invalidate(): void {
    if (this.snapshot) this.rebuild().catch(() => undefined);
  }

  /** The background check under way, if any (tests wait on it). */
  checked(): Promise<void> {
    return this.checking ?? Promise.resolve();
  }

  private revalidate(): void {
    if (this.checking) return;
    this.checking = this.check().finally(() => (this.checking = null));
  }

  /** Swaps in the store's run when another process wrote a new one. */
  private async check(): Promise<void> {
    const generation = this.generation;
    this.checkedAt = this.now();
    try {
      const [run, held] = await Promise.all([this.store.lastRun(), this.snapshot]);
      if ((run?.runId ?? null) === (held?.runId ?? null)) return;
      const next = await buildSnapshot(this.store);
      if (generation === this.generation) this.snapshot = Promise.resolve(next);
    } catch {
      // The store could not be read: keep serving what is held; the next check tries again.
    }
  }
}

async function buildSnapshot(store: FindingsReader): Promise<PartySnapshot | null> {
  const network = await readNetwork(store);
  if (network === null) return null;
  const parties = new Map<string, PartyFacts>();
  for (const [key, risk] of network.risk) parties.set(key, { risk, rings: [] });
  for (const [key, rings] of network.ringsOf) {
    const facts = parties.get(key);
    if (facts) facts.rings = [...rings];
    else parties.set(key, { risk: null, rings: [...rings] });
  }
  return { runId: network.runId, network, parties };
}
