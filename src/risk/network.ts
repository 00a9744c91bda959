// The network's features of a line, from the store's last detection run: the importer's party
// risk, whether the importer, broker or supplier is a member of a ring, and in how many rings
// the line's parties are. Identifiers shared with seized parties are not among them: which
// parties were seized comes from the very labels being learnt, so it would need the same
// out-of-fold care as the histories, and a traversal per party (see docs/risk.md).
import type { GraphStore } from '../store/graph-store.ts';
import type { RiskLine } from './features.ts';

/** What the detection run says about a line's parties. */
export interface NetworkFacts {
  /** The importer's party risk in the run (0 when the run did not score it). */
  importerRisk: number;
  /** The importer, broker (declarant) or supplier (seller) is a member of a ring. */
  inRing: boolean;
  /** Distinct rings the line's importer, broker and supplier belong to. */
  rings: number;
}

export const NETWORK_FEATURES = ['importerPartyRisk', 'partyInRing', 'partyRings'] as const;

/** Party risks and ring memberships of one detection run, by `Label:id`. */
export interface NetworkIndex {
  runId: string;
  risk: Map<string, number>;
  ringsOf: Map<string, Set<string>>;
}

type FindingsReader = Pick<GraphStore, 'lastRun' | 'listRings' | 'getRing' | 'listPartyRisks'>;

/** Reads the last run's findings; null when the store holds no detection run. */
export async function readNetwork(store: FindingsReader): Promise<NetworkIndex | null> {
  const run = await store.lastRun();
  if (run === null) return null;
  const risk = new Map(
    (await store.listPartyRisks({})).map((p): [string, number] => [`${p.label}:${p.id}`, p.score]),
  );
  const ringsOf = new Map<string, Set<string>>();
  for (let offset = 0; ; offset += 500) {
    const page = await store.listRings({ limit: 500, offset });
    for (const summary of page.rings) {
      const ring = await store.getRing(summary.id);
      for (const m of ring?.members ?? []) {
        const key = `${m.label}:${m.id}`;
        (ringsOf.get(key) ?? ringsOf.set(key, new Set()).get(key)!).add(summary.id);
      }
    }
    if (offset + 500 >= page.total) break;
  }
  return { runId: run.runId, risk, ringsOf };
}

export function networkFacts(index: NetworkIndex, l: RiskLine): NetworkFacts {
  const parties = [
    ['Importer', l.importerId],
    ['Broker', l.declarantId],
    ['Supplier', l.sellerId],
  ] as const;
  const rings = new Set<string>();
  for (const [label, id] of parties)
    if (id !== null) for (const r of index.ringsOf.get(`${label}:${id}`) ?? []) rings.add(r);
  return {
    importerRisk: l.importerId === null ? 0 : (index.risk.get(`Importer:${l.importerId}`) ?? 0),
    inRing: rings.size > 0,
    rings: rings.size,
  };
}

/** The lines with their network facts attached. */
export function withNetwork(lines: readonly RiskLine[], index: NetworkIndex): RiskLine[] {
  return lines.map((l) => ({ ...l, network: networkFacts(index, l) }));
}

/** A network feature's value (NaN, i.e. missing, when the line has no network facts). */
export function networkValue(name: (typeof NETWORK_FEATURES)[number], l: RiskLine): number {
  const n = l.network;
  if (n === undefined) return Number.NaN;
  return name === 'importerPartyRisk' ? n.importerRisk : name === 'partyInRing' ? Number(n.inRing) : n.rings;
}
