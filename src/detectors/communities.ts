// Communities: Louvain (graphology-communities-louvain, seeded) on the damped entity graph; each
// community is cut to its core (community-core.ts) and reported when several of its importers
// show a fraud signal of their own — structure alone (a family group, a business centre) is no
// ring — scored on identity links, cohesion, youth and risk. Ring ids come from sorted member
// keys, so community numbers never leak.
import louvainModule from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { z } from 'zod';
import { seededRng } from '../model/rng.ts';
import type { DetectionView } from '../graph/view.ts';
import {
  byMembers,
  type CandidateRing,
  evidence,
  IndicatorWeight,
  member,
  weightedScore,
} from './candidate.ts';
import { isYoung } from './dates.ts';
import { assertView, DetectorInputError, parseOptions } from './input.ts';
import { describeParties, percent } from './phrasing.ts';
import { communityCore, specificLinks } from './community-core.ts';
import { labelOfKey } from './keys.ts';
import { partySignals } from './party-signals.ts';
import { isRiskyFirm, RISKY_FIRM, RiskyFirmRule } from './risky-firm.ts';

// The package is CommonJS whose typings declare an ES default export; at run time the default
// import is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

export interface PartitionOptions {
  seed: number;
  resolution?: number;
}

/**
 * Louvain communities of any graphology graph (edge attribute `weight` when present), seeded:
 * the same graph and seed give the same partition. Used by detection and by `ringscope eval
 * --communities` on the public benchmarks.
 */
export function partition(graph: AbstractGraph, options: PartitionOptions): Record<string, number> {
  if (graph.multi)
    throw new DetectorInputError('community', 'partition needs a simple graph, got a multigraph');
  if (graph.size === 0) return Object.fromEntries(graph.nodes().map((n, i) => [n, i]));
  return louvain(graph, {
    rng: seededRng(options.seed),
    resolution: options.resolution ?? 1,
    getEdgeWeight: (_edge: string, attrs: Record<string, unknown>) =>
      typeof attrs.weight === 'number' ? attrs.weight : 1,
  });
}

const Options = z
  .object({
    seed: z.number().int(),
    resolution: z.number().positive(),
    minSize: z.number().int().min(2),
    maxSize: z.number().int().min(2),
    youngDays: z.number().nonnegative(),
    /** Identifiers held by more parties than this tie no one into a community's core. */
    maxCoreHolders: z.number().int().min(2),
    /** A firm registered more than this many days before the data starts is established. */
    establishedDays: z.number().nonnegative(),
    /** A seat or director of mostly established firms ties no one (a business centre, a family). */
    maxEstablishedShare: z.number().min(0).max(1),
    /** Lines with duty left unpaid that make that a firm's own fraud signal. */
    minUnpaidLines: z.number().int().min(1),
    /** Importers of the core that must show a fraud signal of their own: a ring is several. */
    minFlagged: z.number().int().min(1),
    /** Share of the core's importers that must show a fraud signal of their own. */
    minFlaggedShare: z.number().min(0).max(1),
    /** Share of a broker's, supplier's or consignee's lines that must be with the core. */
    minPartnerShare: z.number().min(0).max(1),
    minScore: z.number().min(0).max(1),
    /** Which firms count as risky (undervalue or had goods seized). */
    riskyFirm: RiskyFirmRule,
    weights: z
      .object({
        identity_links: IndicatorWeight,
        cohesion: IndicatorWeight,
        young_firms: IndicatorWeight,
        risky_firms: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type CommunityOptions = z.infer<typeof Options>;

export const DEFAULTS: CommunityOptions = {
  seed: 1,
  resolution: 1,
  minSize: 3,
  maxSize: 40,
  youngDays: 90,
  maxCoreHolders: 10,
  establishedDays: 365,
  maxEstablishedShare: 0.5,
  minUnpaidLines: 2,
  minFlagged: 2,
  minFlaggedShare: 0.5,
  minPartnerShare: 0.5,
  minScore: 0.5,
  riskyFirm: RISKY_FIRM,
  weights: { identity_links: 0.35, cohesion: 0.2, young_firms: 0.2, risky_firms: 0.25 },
};

/**
 * How the core holds together: the members with an identity link inside it, and the share of
 * their link weight that stays inside.
 */
function internalLinks(
  view: DetectionView,
  keys: readonly string[],
  specific: ReturnType<typeof specificLinks>,
): { identityLinked: Set<string>; rels: string[]; cohesion: number } {
  const { graph } = view;
  const set = new Set(keys);
  let internal = 0;
  let total = 0;
  const identityLinked = new Set<string>();
  const rels: string[] = [];
  for (const k of keys) {
    graph.forEachNeighbor(k, (other) => {
      const attrs = graph.getEdgeAttributes(k, other);
      total += attrs.weight;
      if (!set.has(other)) return;
      internal += attrs.weight;
      const identity = attrs.links.filter((l) => specific(l, k, other));
      if (identity.length > 0) {
        identityLinked.add(k);
        rels.push(...identity.flatMap((l) => l.rels));
      }
    });
  }
  return { identityLinked, rels, cohesion: total > 0 ? internal / total : 0 };
}

/**
 * The parties of each community, in the graph's node order: the view's own communities (computed
 * in Neo4j) where it has them, else Louvain here (whose answer lists the nodes in that order too).
 */
function communitiesOf(view: DetectionView, o: CommunityOptions): Map<number, string[]> {
  const communities = new Map<number, string[]>();
  const add = (key: string, c: number): void => {
    const members = communities.get(c);
    if (members) members.push(key);
    else communities.set(c, [key]);
  };
  if (!view.communities) {
    const found = partition(view.graph, o);
    view.graph.forEachNode((key) => add(key, found[key]!));
    return communities;
  }
  const given = view.communities;
  // A party the other engine did not see stays alone (GDS community ids are never negative).
  let alone = -1;
  view.graph.forEachNode((key) => add(key, given.get(key) ?? alone--));
  return communities;
}

export function detect(view: DetectionView, options: Partial<CommunityOptions> = {}): CandidateRing[] {
  assertView('community', view);
  const o = parseOptions('community', Options, DEFAULTS, options);
  const communities = communitiesOf(view, o);
  const signals = partySignals(view);
  const rings: CandidateRing[] = [];
  const specific = specificLinks(view, o);
  // Only parties with signals can be risky or flagged: each is judged once, then looked up.
  const risky = new Set<string>();
  const flagged = new Set<string>();
  for (const [k, s] of signals) {
    if (isRiskyFirm(s, o.riskyFirm)) risky.add(k);
    if (risky.has(k) || s.unpaidLines.length >= o.minUnpaidLines) flagged.add(k);
  }
  const isRisky = (k: string): boolean => risky.has(k);
  const isFlagged = (k: string): boolean => flagged.has(k);
  for (const all of communities.values()) {
    if (all.length < o.minSize) continue;
    const keys = communityCore(view, all.sort(), isFlagged, o, specific);
    if (keys.length < o.minSize || keys.length > o.maxSize) continue;
    const importers = keys.filter((k) => labelOfKey(k) === 'Importer');
    const flagged = importers.filter(isFlagged).length;
    if (flagged < o.minFlagged || flagged < o.minFlaggedShare * importers.length) continue;
    const { identityLinked, rels, cohesion } = internalLinks(view, keys, specific);
    const firms = keys.filter((k) => labelOfKey(k) !== 'Person');
    const young = firms.filter((k) => isYoung(view, k, o.youngDays));
    const risky = firms.filter(isRisky);
    const n = Math.max(1, firms.length);
    const indicators = [
      {
        name: 'identity_links',
        value: identityLinked.size / keys.length,
        weight: o.weights.identity_links,
        description: `${identityLinked.size} of ${keys.length} members share an address, phone, e-mail, account or director with another member`,
        evidence: evidence([...identityLinked], rels),
      },
      {
        name: 'cohesion',
        value: cohesion,
        weight: o.weights.cohesion,
        description: `${percent(cohesion)} of their link weight stays inside the group`,
        evidence: evidence(keys),
      },
      {
        name: 'young_firms',
        value: young.length / n,
        weight: o.weights.young_firms,
        description: `${young.length} of ${firms.length} firms were registered less than ${o.youngDays} days before their first import`,
        evidence: evidence(young),
      },
      {
        name: 'risky_firms',
        value: risky.length / n,
        weight: o.weights.risky_firms,
        description: `${risky.length} of ${firms.length} firms undervalue or had goods seized`,
        evidence: evidence(
          risky,
          [],
          risky.flatMap((k) => [
            ...(signals.get(k)?.seizedLines ?? []),
            ...(signals.get(k)?.lowLines.slice(0, 5) ?? []),
          ]),
        ),
      },
    ];
    if (weightedScore(indicators) < o.minScore) continue;
    rings.push({
      typology: 'community',
      members: keys.map((k) => member(k, labelOfKey(k).toLowerCase())),
      indicators: [
        { ...indicators[0]!, description: `${describeParties(keys)}: ${indicators[0]!.description}` },
        ...indicators.slice(1),
      ],
      revenueAtRisk: firms.reduce((s, k) => s + (signals.get(k)?.shortfallDuty ?? 0), 0),
    });
  }
  return rings.sort(byMembers);
}
