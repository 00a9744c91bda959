// The second face of a broker-centred ring: a small broker that misdeclares (classification,
// value) for clients that are established and otherwise unrelated to one another. Their age and
// their links say nothing; what gives them away is that goods of several of them were seized,
// while the broker is their one common factor (no shared identifier or director), and the others
// declare the same goods through it; seized goods whose declared origin escapes duty are the
// origin scheme's, not the broker's.
import { z } from 'zod';
import { hsHeading, IDENTITY_LINKS, type DetectionView } from '../graph/view.ts';
import { clamp01, evidence, type IndicatorInput, IndicatorWeight } from './candidate.ts';
import { idOf, percent } from './phrasing.ts';
import type { PartySignals } from './party-signals.ts';

export const MisdeclaringOptions = z
  .object({
    /** Fewest clients with seized goods, none tied to another, for a ring. */
    minSeizedClients: z.number().int().min(2),
    /** Their share of the broker's regular clients (a big forwarder's seized clients are few of many). */
    minSeizedShare: z.number().min(0).max(1),
    /** Share of the seized clients that must be tied to no other seized client of the broker. */
    minUnrelatedShare: z.number().min(0).max(1),
    /** A regular client joins when this share of its lines are in the headings seized from the others. */
    minSameGoodsShare: z.number().min(0).max(1),
    /**
     * When more than this share of their seized lines declare an origin that escapes duty (the
     * supplier's or departure country pays more), the scheme is origin misdeclaration, not the broker's.
     */
    maxOriginExplainedShare: z.number().min(0).max(1),
    weights: z
      .object({
        broker_concentration: IndicatorWeight,
        seized_clients: IndicatorWeight,
        unrelated_clients: IndicatorWeight,
        same_goods: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type MisdeclaringOptions = z.infer<typeof MisdeclaringOptions>;

export const MISDECLARING: MisdeclaringOptions = {
  minSeizedClients: 2,
  minSeizedShare: 0.2,
  minUnrelatedShare: 0.5,
  minSameGoodsShare: 0.5,
  maxOriginExplainedShare: 0.5,
  weights: { broker_concentration: 0.3, seized_clients: 0.3, unrelated_clients: 0.2, same_goods: 0.2 },
};

export interface RegularClient {
  key: string;
  share: number;
  lines: number;
}

/** The firms tied to this one by identity: a shared identifier, or a director of both. */
function ties(view: DetectionView, key: string): Set<string> {
  const { graph } = view;
  const out = new Set<string>();
  graph.forEachNeighbor(key, (other, attrs) => {
    if (!graph.getEdgeAttributes(key, other).links.some((l) => IDENTITY_LINKS.includes(l.kind))) return;
    out.add(other);
    if (attrs.label === 'Person') graph.forEachNeighbor(other, (firm) => void out.add(firm));
  });
  out.delete(key);
  return out;
}

/** Every line's index grouped by its broker (compressed rows), built once per view when needed. */
const byBroker = new WeakMap<
  DetectionView,
  { row: Map<string, number>; start: Int32Array; index: Int32Array }
>();

function brokerRows(view: DetectionView): { row: Map<string, number>; start: Int32Array; index: Int32Array } {
  let rows = byBroker.get(view);
  if (rows) return rows;
  const { lines } = view;
  const start = new Int32Array(lines.partyKeys.length + 1);
  for (let i = 0; i < lines.size; i++) {
    const b = lines.broker[i] ?? -1;
    if (b >= 0) start[b + 1]! += 1;
  }
  for (let p = 0; p < lines.partyKeys.length; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, -1);
  const index = new Int32Array(start[lines.partyKeys.length]!);
  for (let i = 0; i < lines.size; i++) {
    const b = lines.broker[i] ?? -1;
    if (b >= 0) index[fill[b]!++] = i;
  }
  const row = new Map(lines.partyKeys.map((k, p) => [k, p]));
  rows = { row, start, index };
  byBroker.set(view, rows);
  return rows;
}

/** Lines the broker filed for each of these clients, as line indices. */
function filedLines(
  view: DetectionView,
  broker: string,
  clients: ReadonlySet<string>,
): Map<string, number[]> {
  const { lines } = view;
  const { row, start, index } = brokerRows(view);
  const b = row.get(broker);
  const out = new Map<string, number[]>();
  if (b === undefined) return out;
  for (let n = start[b]!; n < start[b + 1]!; n++) {
    const i = index[n]!;
    const c = lines.partyKeys[lines.importer[i] ?? -1];
    if (c !== undefined && clients.has(c)) (out.get(c) ?? out.set(c, []).get(c)!).push(i);
  }
  return out;
}

export interface MisdeclaringGroup {
  members: string[];
  indicators: IndicatorInput[];
}

/**
 * The misdeclaring-broker ring among the broker's regular clients, or null: clients with seized
 * goods, mostly tied to no other of them, plus the clients declaring the same headings.
 */
export function misdeclaringGroup(
  view: DetectionView,
  broker: string,
  clients: RegularClient[],
  signals: Map<string, PartySignals>,
  o: MisdeclaringOptions,
  originExplains: (line: number) => boolean,
): MisdeclaringGroup | null {
  if (clients.length < o.minSeizedClients) return null;
  const seized = clients.filter((c) => (signals.get(c.key)?.seizedLines.length ?? 0) > 0);
  if (seized.length < o.minSeizedClients || seized.length / clients.length < o.minSeizedShare) return null;
  const seizedKeys = new Set(seized.map((c) => c.key));
  const unrelated = seized.filter((c) => ![...ties(view, c.key)].some((t) => seizedKeys.has(t)));
  if (unrelated.length < o.minSeizedClients || unrelated.length / seized.length < o.minUnrelatedShare)
    return null;
  const filed = filedLines(view, broker, new Set(clients.map((c) => c.key)));
  const { lines } = view;
  const seizedLines = unrelated.flatMap((c) =>
    (filed.get(c.key) ?? []).filter((i) => lines.illicit[i] === 1),
  );
  const explained = seizedLines.filter(originExplains).length;
  if (seizedLines.length === 0 || explained / seizedLines.length > o.maxOriginExplainedShare) return null;
  const headings = new Set(seizedLines.map((i) => hsHeading(lines.hsCode[i]!)));
  const inHeadings = (c: RegularClient): number => {
    const own = filed.get(c.key) ?? [];
    return own.length ? own.filter((i) => headings.has(hsHeading(lines.hsCode[i]!))).length / own.length : 0;
  };
  const core = new Set(unrelated.map((c) => c.key));
  const same = clients.filter((c) => !core.has(c.key) && inHeadings(c) >= o.minSameGoodsShare);
  const members = [...unrelated, ...same];
  return {
    members: members.map((c) => c.key).sort(),
    indicators: indicators(broker, clients, unrelated, same, signals, o),
  };
}

function indicators(
  broker: string,
  clients: RegularClient[],
  unrelated: RegularClient[],
  same: RegularClient[],
  signals: Map<string, PartySignals>,
  o: MisdeclaringOptions,
): IndicatorInput[] {
  const members = [...unrelated, ...same];
  const keys = members.map((c) => c.key);
  const n = members.length;
  const concentration = members.reduce((s, c) => s + c.share, 0) / n;
  const w = o.weights;
  return [
    {
      name: 'broker_concentration',
      value: concentration,
      weight: w.broker_concentration,
      description: `broker ${idOf(broker)} filed ${percent(concentration)} of their declarations`,
      evidence: evidence([broker, ...keys]),
    },
    {
      name: 'seized_clients',
      value: clamp01(unrelated.length / Math.max(2, clients.length * o.minSeizedShare * 2)),
      weight: w.seized_clients,
      description: `${unrelated.length} of the broker's ${clients.length} regular clients had goods seized`,
      evidence: evidence(
        unrelated.map((c) => c.key),
        [],
        unrelated.flatMap((c) => signals.get(c.key)?.seizedLines ?? []),
      ),
    },
    {
      name: 'unrelated_clients',
      value: 1,
      weight: w.unrelated_clients,
      description: `they share no identifier or director: the broker is their common factor`,
      evidence: evidence([broker, ...unrelated.map((c) => c.key)]),
    },
    {
      name: 'same_goods',
      value: n > 0 ? same.length / n : 0,
      weight: w.same_goods,
      description: `${same.length} more of its clients declare mostly the headings seized from them`,
      evidence: evidence(same.map((c) => c.key)),
    },
  ];
}
