// Phoenix successions: a firm stops trading (or closes) and a new firm with the same people,
// address, phone, broker or suppliers starts within a window. Chains of successors form one ring.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView } from '../graph/view.ts';
import {
  byMembers,
  type CandidateRing,
  clamp01,
  evidence,
  IndicatorWeight,
  member,
  weightedScore,
} from './candidate.ts';
import { adjacency } from './adjacency.ts';
import { daysBetween } from './dates.ts';
import { assertView, parseOptions } from './input.ts';
import { idOf } from './phrasing.ts';
import { formatMoney } from './money.ts';
import { partySignals, type PartySignals } from './party-signals.ts';

const Options = z
  .object({
    /** Longest gap in days between the old firm's end and the new firm's start. */
    maxGapDays: z.number().nonnegative(),
    /** How far before the new firm's start the old one may still trade (overlap), in days. */
    maxOverlapDays: z.number().nonnegative(),
    /** A firm whose last line is this close to the end of the data has not stopped. */
    minQuietDays: z.number().nonnegative(),
    /** Kinds of tie the two firms must share (director, address, phone, broker, suppliers…). */
    minSharedKinds: z.number().int().min(1),
    /** Identifiers or persons shared by more parties than this are not ties. */
    maxHolders: z.number().int().min(2),
    /** Share of the chain's lines that left duty unpaid; a chain that paid is a lawful reopening. */
    minUnpaidShare: z.number().min(0).max(1),
    minScore: z.number().min(0).max(1),
    weights: z
      .object({
        succession: IndicatorWeight,
        shared_ties: IndicatorWeight,
        unpaid_duty: IndicatorWeight,
        quick_restart: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type PhoenixOptions = z.infer<typeof Options>;

export const DEFAULTS: PhoenixOptions = {
  maxGapDays: 120,
  maxOverlapDays: 30,
  minQuietDays: 60,
  minSharedKinds: 2,
  maxHolders: 8,
  minUnpaidShare: 0.05,
  minScore: 0.6,
  weights: { succession: 0.35, shared_ties: 0.4, unpaid_duty: 0.35, quick_restart: 0.25 },
};

const IMPORTER = 'Importer:';

interface Tie {
  kind: string;
  nodes: string[];
  rels: string[];
}

/** What two importers share: identity links (direct or through a director), brokers, suppliers. */
function tiesBetween(view: DetectionView, a: string, b: string, maxHolders: number): Tie[] {
  const { graph } = view;
  const ties: Tie[] = [];
  const edge = graph.edge(a, b);
  if (edge !== undefined) {
    for (const l of graph.getEdgeAttributes(edge).links) {
      if (l.via && (view.identifiers.get(`${l.via.label}:${l.via.id}`)?.holders.length ?? 0) > maxHolders)
        continue;
      ties.push({ kind: l.kind, nodes: l.via ? [`${l.via.label}:${l.via.id}`] : [], rels: l.rels });
    }
  }
  for (const shared of graph.neighbors(a)) {
    if (!graph.hasEdge(shared, b) || graph.degree(shared) > maxHolders * 4) continue;
    const label = graph.getNodeAttribute(shared, 'label');
    const kind = label === 'Person' ? 'director' : label.toLowerCase();
    if (label === 'Importer') continue;
    ties.push({
      kind,
      nodes: [shared],
      rels: [
        ...graph.getEdgeAttributes(a, shared).links,
        ...graph.getEdgeAttributes(b, shared).links,
      ].flatMap((l) => l.rels),
    });
  }
  return ties;
}

interface LifeDates {
  /** When the firm stopped: its closure, or its last line when it fell quiet before the data ends. */
  endOf: (k: string) => string | null;
  /** When the firm started: its first line, else its registration. */
  startOf: (k: string) => string | null;
}

function lifeDates(view: DetectionView, o: PhoenixOptions): LifeDates {
  const { graph } = view;
  let dataEnd = '';
  for (const t of view.trade.values()) if (t.lastDate && t.lastDate > dataEnd) dataEnd = t.lastDate;
  const endOf = (k: string): string | null => {
    const closed = graph.getNodeAttribute(k, 'closedOn');
    const last = view.trade.get(k)?.lastDate ?? null;
    if (closed) return closed;
    return last && dataEnd && daysBetween(last, dataEnd) >= o.minQuietDays ? last : null;
  };
  const startOf = (k: string): string | null =>
    view.trade.get(k)?.firstDate ?? graph.getNodeAttribute(k, 'registeredOn');
  return { endOf, startOf };
}

/** Chains of firms where one stopped and a tied one took over, with the ties of each pair. */
function successionChains(
  view: DetectionView,
  o: PhoenixOptions,
  { endOf, startOf }: LifeDates,
): { chains: UnionFind; pairsByChain: Map<string, [string, Tie[]][]> } {
  const { graph } = view;
  const importers = graph.filterNodes((_k, a) => a.label === 'Importer').sort();
  const chains = new UnionFind();
  const pairTies = new Map<string, Tie[]>();
  const { keys, index, start: from, neighbour, degree } = adjacency(view);
  const isImporter = Uint8Array.from(keys, (k) => (k.startsWith(IMPORTER) ? 1 : 0));
  const starts = keys.map((k, q) => (isImporter[q] ? startOf(k) : null));
  /** Which old firm last considered a party (each candidate judged once per old firm). */
  const seenBy = new Int32Array(keys.length).fill(-1);
  for (const old of importers) {
    const end = endOf(old);
    if (!end) continue;
    // Candidates: the old firm's neighbours and their neighbours (through a director, broker…).
    // Only those that started within the gap after the old one stopped, and after it started,
    // are weighed (each candidate judged once, however many paths reach it).
    const p = index.get(old)!;
    const oldStart = startOf(old);
    const candidates: string[] = [];
    const consider = (q: number): void => {
      if (seenBy[q] === p) return;
      seenBy[q] = p;
      const start = starts[q];
      if (!start) return;
      const gap = daysBetween(end, start);
      if (gap > o.maxGapDays || gap < -o.maxOverlapDays) return;
      if (oldStart && oldStart >= start) return;
      candidates.push(keys[q]!);
    };
    for (let e = from[p]!; e < from[p + 1]!; e++) {
      const n = neighbour[e]!;
      if (isImporter[n]) consider(n);
      else if (degree[n]! <= o.maxHolders * 4)
        for (let f = from[n]!; f < from[n + 1]!; f++) {
          const m = neighbour[f]!;
          if (m !== p && isImporter[m]) consider(m);
        }
    }
    for (const successor of candidates.sort()) {
      const ties = tiesBetween(view, old, successor, o.maxHolders);
      const kinds = new Set(ties.map((t) => t.kind));
      if (!kinds.has('succession') && kinds.size < o.minSharedKinds) continue;
      chains.union(old, successor);
      pairTies.set(`${old}\t${successor}`, ties);
    }
  }
  const pairsByChain = new Map<string, [string, Tie[]][]>();
  for (const entry of pairTies) {
    const root = chains.find(entry[0].split('\t')[0]!);
    (pairsByChain.get(root) ?? pairsByChain.set(root, []).get(root)!).push(entry);
  }
  return { chains, pairsByChain };
}

/** The chain as a phoenix ring, or null when it paid its duty or scores too low. */
function phoenixRing(
  view: DetectionView,
  firms: string[],
  pairs: [string, Tie[]][],
  signals: Map<string, PartySignals>,
  o: PhoenixOptions,
  { endOf, startOf }: LifeDates,
): CandidateRing | null {
  const successors = new Set(pairs.map(([p]) => p.split('\t')[1]!));
  const ties = pairs.flatMap(([, t]) => t);
  const kinds = [...new Set(ties.map((t) => t.kind))].sort();
  const directors = [...new Set(ties.filter((t) => t.kind === 'director').flatMap((t) => t.nodes))].sort();
  const gaps = pairs.map(([p]) => {
    const [a, b] = p.split('\t') as [string, string];
    return Math.abs(daysBetween(endOf(a) ?? '', startOf(b) ?? ''));
  });
  const seized = firms.flatMap((k) => signals.get(k)?.seizedLines ?? []);
  const unpaidLines = firms.flatMap((k) => signals.get(k)?.unpaidLines ?? []);
  const unpaid = firms.reduce((s, k) => s + (signals.get(k)?.unpaidDuty ?? 0), 0);
  const tradedLines = firms.reduce((s, k) => s + (view.trade.get(k)?.lines ?? 0), 0);
  const described = pairs.map(([p]) => p.split('\t').map(idOf).join(' → ')).join(', ');
  const ring: CandidateRing = {
    typology: 'phoenix',
    members: [
      ...firms.map((k) => member(k, successors.has(k) ? 'successor' : 'predecessor')),
      ...directors.map((k) => member(k, 'director')),
    ],
    indicators: [
      {
        name: 'succession',
        value: clamp01(pairs.length / 2 + 0.5),
        weight: o.weights.succession,
        description: `${described}: a firm stopped and another took over its trade`,
        evidence: evidence(firms),
      },
      {
        name: 'shared_ties',
        value: clamp01(kinds.length / 4),
        weight: o.weights.shared_ties,
        description: `the firms share ${kinds.join(', ').replace(/_/g, ' ')}`,
        evidence: evidence(
          [...firms, ...ties.flatMap((t) => t.nodes)],
          ties.flatMap((t) => t.rels),
        ),
      },
      {
        name: 'unpaid_duty',
        value: clamp01(unpaidLines.length / Math.max(1, tradedLines) / 0.25),
        weight: o.weights.unpaid_duty,
        description: `${unpaidLines.length} of their ${tradedLines} declaration lines left the duty unpaid (${formatMoney(unpaid)})`,
        evidence: evidence(firms, [], unpaidLines),
      },
      {
        name: 'quick_restart',
        value: clamp01(1 - Math.max(...gaps, 0) / o.maxGapDays),
        weight: o.weights.quick_restart,
        description: `each successor started within ${Math.round(Math.max(...gaps, 0))} days`,
        evidence: evidence(firms, [], seized),
      },
    ],
    revenueAtRisk: unpaid + firms.reduce((s, k) => s + (signals.get(k)?.shortfallDuty ?? 0), 0),
  };
  const unpaidShare = unpaidLines.length / Math.max(1, tradedLines);
  return unpaidShare >= o.minUnpaidShare && weightedScore(ring.indicators) >= o.minScore ? ring : null;
}

export function detect(view: DetectionView, options: Partial<PhoenixOptions> = {}): CandidateRing[] {
  assertView('phoenix', view);
  const o = parseOptions('phoenix', Options, DEFAULTS, options);
  const dates = lifeDates(view, o);
  const { chains, pairsByChain } = successionChains(view, o, dates);
  const signals = partySignals(view);
  const rings: CandidateRing[] = [];
  for (const firms of chains.groups()) {
    const ring = phoenixRing(view, firms, pairsByChain.get(chains.find(firms[0]!)) ?? [], signals, o, dates);
    if (ring) rings.push(ring);
  }
  return rings.sort(byMembers);
}
