// Centrality: the brokers and people who hold a risky network together. For each broker or
// person, how many otherwise unconnected groups of parties meet only through them (ego
// betweenness) and how risky those parties are. Big legitimate brokers are left out by degree.
// Each such party is a *lead*, with the shortest chain of links to a seized party when there is
// one: holding risky firms together says where to look, not that they form a ring.
import { z } from 'zod';
import type { DetectionView } from '../graph/view.ts';
import type { Lead } from '../model/index.ts';
import { type Adjacency, adjacency } from './adjacency.ts';
import { clamp01, evidence, IndicatorWeight, ref, weightedScore } from './candidate.ts';
import { isYoung } from './dates.ts';
import { assertView, parseOptions } from './input.ts';
import { describeParties, idOf, percent } from './phrasing.ts';
import { labelOfKey } from './keys.ts';
import { partySignals } from './party-signals.ts';
import { isRiskyFirm, RISKY_FIRM, RiskyFirmRule } from './risky-firm.ts';
import { byLead, describePath, seizurePaths } from './seizure-path.ts';

const Options = z
  .object({
    minNeighbours: z.number().int().min(2),
    maxDegree: z.number().int().min(2),
    /** Groups of neighbours that meet only through the party. */
    minBridgedGroups: z.number().int().min(2),
    /**
     * Risky neighbours must be more than this share. At 0.5 they must be a majority: a party
     * half of whose contacts are risky bridges mixed company, which is what any busy firm does.
     */
    minRiskyShare: z.number().min(0).max(1),
    youngDays: z.number().nonnegative(),
    minScore: z.number().min(0).max(1),
    /** Longest seizure path explained, in links. */
    maxPathLength: z.number().int().min(1),
    /** A neighbour is risky when young, or when this rule holds (undervalues or had goods seized). */
    riskyNeighbour: RiskyFirmRule,
    weights: z
      .object({
        bridged_groups: IndicatorWeight,
        ego_betweenness: IndicatorWeight,
        risky_neighbours: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type CentralityOptions = z.infer<typeof Options>;

export const DEFAULTS: CentralityOptions = {
  minNeighbours: 3,
  maxDegree: 25,
  minBridgedGroups: 2,
  minRiskyShare: 0.5,
  youngDays: 90,
  minScore: 0.45,
  maxPathLength: 6,
  riskyNeighbour: RISKY_FIRM,
  weights: { bridged_groups: 0.35, ego_betweenness: 0.25, risky_neighbours: 0.4 },
};

/**
 * The sizes of the groups the parties form among themselves (linked directly), in no order.
 * `position` is all −1 and is left so: it holds each party's place among them while they are
 * grouped.
 */
function groupSizes(adj: Adjacency, parties: readonly string[], position: Int32Array): number[] {
  const at = parties.map((k) => adj.index.get(k)!);
  at.forEach((p, j) => (position[p] = j));
  const parent = Int32Array.from(at, (_p, j) => j);
  const root = (j: number): number => {
    while (parent[j] !== j) j = parent[j] = parent[parent[j]!]!;
    return j;
  };
  at.forEach((p, j) => {
    for (let e = adj.start[p]!; e < adj.start[p + 1]!; e++) {
      const q = position[adj.neighbour[e]!]!;
      if (q >= 0) parent[root(j)] = root(q);
    }
  });
  const sizes = new Map<number, number>();
  for (let j = 0; j < at.length; j++) sizes.set(root(j), (sizes.get(root(j)) ?? 0) + 1);
  for (const p of at) position[p] = -1;
  return [...sizes.values()];
}

export function detect(view: DetectionView, options: Partial<CentralityOptions> = {}): Lead[] {
  assertView('centrality', view);
  const o = parseOptions('centrality', Options, DEFAULTS, options);
  const { graph } = view;
  const signals = partySignals(view);
  const risky = (k: string): boolean =>
    isYoung(view, k, o.youngDays) || isRiskyFirm(signals.get(k), o.riskyNeighbour);
  const leads: Lead[] = [];
  const seized = [...signals].filter(([, s]) => s.seizedLines.length > 0).map(([k]) => k);
  const paths = seizurePaths(view, seized, o.maxPathLength);
  const holders = graph
    .filterNodes(
      (k, a) =>
        (a.label === 'Broker' || a.label === 'Person') &&
        graph.degree(k) >= o.minNeighbours &&
        graph.degree(k) <= o.maxDegree,
    )
    .sort();
  const adj = adjacency(view);
  const position = new Int32Array(adj.keys.length).fill(-1);
  for (const holder of holders) {
    const neighbours = graph.neighbors(holder).sort();
    const parts = groupSizes(adj, neighbours, position);
    if (parts.length < o.minBridgedGroups) continue;
    const riskyOnes = neighbours.filter(risky);
    const riskyShare = riskyOnes.length / neighbours.length;
    if (riskyShare <= o.minRiskyShare) continue;
    const pairs = (neighbours.length * (neighbours.length - 1)) / 2;
    const connectedPairs = parts.reduce((s, size) => s + (size * (size - 1)) / 2, 0);
    const egoBetweenness = pairs > 0 ? 1 - connectedPairs / pairs : 0;
    const rels = neighbours.flatMap((n) => graph.getEdgeAttributes(holder, n).links.flatMap((l) => l.rels));
    const indicators = [
      {
        name: 'bridged_groups',
        value: clamp01(parts.length / 4),
        weight: o.weights.bridged_groups,
        description: `${labelOfKey(holder) === 'Person' ? 'person' : 'broker'} ${idOf(holder)} is the only link between ${parts.length} groups of ${describeParties(neighbours)}`,
        evidence: evidence([holder, ...neighbours], rels),
      },
      {
        name: 'ego_betweenness',
        value: egoBetweenness,
        weight: o.weights.ego_betweenness,
        description: `${percent(egoBetweenness)} of the pairs among them connect only through ${idOf(holder)}`,
        evidence: evidence([holder]),
      },
      {
        name: 'risky_neighbours',
        value: riskyShare,
        weight: o.weights.risky_neighbours,
        description: `${riskyOnes.length} of ${neighbours.length} are young, undervalue or had goods seized`,
        evidence: evidence(
          riskyOnes,
          [],
          riskyOnes.flatMap((k) => signals.get(k)?.seizedLines ?? []),
        ),
      },
    ];
    const score = weightedScore(indicators);
    if (score < o.minScore) continue;
    const path = paths.pathOf(holder);
    leads.push({
      ...ref(holder),
      detector: 'centrality',
      score: Math.round(score * 1e6) / 1e6,
      reason: `${indicators.map((i) => i.description).join('; ')}; ${describePath(path)}`,
      path,
      evidence: evidence(
        [...new Set([...neighbours, ...paths.keysOf(holder)])],
        [...rels, ...paths.relsOf(holder)],
        riskyOnes.flatMap((k) => signals.get(k)?.seizedLines ?? []),
      ),
    });
  }
  return leads.sort(byLead);
}
