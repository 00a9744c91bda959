// Shared identifiers: firms tied together through the same address, phone, e-mail, bank account
// or director. Identifiers held by many parties — business centres, registered agents — are
// ignored. A pair is strongly tied when it shares a bank account or several specific
// identifiers; one shared identifier only joins a firm to a strongly tied one when the two were
// registered together (a batch of shells is set up at one time), so it extends a ring but never
// starts one. No pair counts when both firms were established long before the data starts: old
// firms sharing a seat, an agent or a family director are the usual lawful look-alike. Nor does
// an identifier or director most of whose firms are established (lawful-seats.ts): a new firm in a
// business centre or a family group shares it with old neighbours, not with a batch of shells.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView } from '../graph/view.ts';
import { isBusinessKey } from './keys.ts';
import { adjacency } from './adjacency.ts';
import { isLawfulSeat } from './lawful-seats.ts';
import {
  byMembers,
  type CandidateRing,
  clamp01,
  evidence,
  IndicatorWeight,
  member,
  weightedScore,
} from './candidate.ts';
import { dataEnd, daysBetween, isNewFirm, isYoung } from './dates.ts';
import { assertView, parseOptions } from './input.ts';
import { countOf, describeParties, listing, percent } from './phrasing.ts';
import { partySignals } from './party-signals.ts';
import { isUndervaluing, UNDERVALUING, UndervaluingRule } from './risky-firm.ts';

const Options = z
  .object({
    /** Identifiers held by more parties than this are treated as legitimate hubs. */
    maxHolders: z.number().int().min(2),
    /** A person directing more firms than this is a professional director, not a tie. */
    maxDirectorships: z.number().int().min(2),
    /** Distinct identifiers a pair must share (a shared bank account is enough on its own). */
    minSharedIdentifiers: z.number().int().min(1),
    minMembers: z.number().int().min(2),
    maxMembers: z.number().int().min(2),
    youngDays: z.number().nonnegative(),
    /** Days both firms of a pair must have existed side by side (a successor is phoenix, not this). */
    minOverlapDays: z.number().nonnegative(),
    /** Firms registered within this many days of each other count as one batch. */
    cohortDays: z.number().nonnegative(),
    /** A firm registered more than this many days before the data starts is established. */
    establishedDays: z.number().nonnegative(),
    /** An identifier or director ties no one when more than this share of its firms are established. */
    maxEstablishedShare: z.number().min(0).max(1),
    minScore: z.number().min(0).max(1),
    /** Which firms declare unit values persistently below the usual ones. */
    undervaluing: UndervaluingRule,
    weights: z
      .object({
        shared_identifiers: IndicatorWeight,
        young_firms: IndicatorWeight,
        unit_value_bias: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type SharedIdentifiersOptions = z.infer<typeof Options>;

export const DEFAULTS: SharedIdentifiersOptions = {
  maxHolders: 20,
  maxDirectorships: 6,
  minSharedIdentifiers: 2,
  minMembers: 2,
  maxMembers: 30,
  youngDays: 90,
  minOverlapDays: 30,
  cohortDays: 90,
  establishedDays: 365,
  maxEstablishedShare: 0.5,
  minScore: 0.3,
  undervaluing: UNDERVALUING,
  weights: { shared_identifiers: 0.45, young_firms: 0.3, unit_value_bias: 0.25 },
};

interface Shared {
  /** Identifier node key (or the director's person key). */
  key: string;
  label: string;
  rels: string[];
}

/** Every pair of firms and what they share. */
function sharedByPair(view: DetectionView, o: SharedIdentifiersOptions): Map<string, Shared[]> {
  const pairs = new Map<string, Shared[]>();
  const add = (a: string, b: string, s: Shared): void => {
    const key = a < b ? `${a}\t${b}` : `${b}\t${a}`;
    const list = pairs.get(key);
    if (list) list.push(s);
    else pairs.set(key, [s]);
  };
  for (const [key, shared] of view.identifiers) {
    const holders = shared.holders.filter((h) => isBusinessKey(h.key));
    if (holders.length < 2 || shared.holders.length > o.maxHolders) continue;
    if (
      isLawfulSeat(
        view,
        holders.map((h) => h.key),
        o,
      )
    )
      continue;
    for (let i = 0; i < holders.length; i++) {
      for (let j = i + 1; j < holders.length; j++) {
        add(holders[i]!.key, holders[j]!.key, {
          key,
          label: shared.ref.label,
          rels: [holders[i]!.rel, holders[j]!.rel],
        });
      }
    }
  }
  // People in the graph's node order, each one's firms in the order of its links.
  const adj = adjacency(view);
  view.graph.forEachNode((person, attrs) => {
    if (attrs.label !== 'Person') return;
    const firms: { key: string; rel: string }[] = [];
    const p = adj.index.get(person)!;
    for (let e = adj.start[p]!; e < adj.start[p + 1]!; e++) {
      const other = adj.keys[adj.neighbour[e]!]!;
      const director = adj.edge[e]!.links.find((l) => l.kind === 'director');
      if (director && isBusinessKey(other)) firms.push({ key: other, rel: director.rels[0] ?? '' });
    }
    if (firms.length < 2 || firms.length > o.maxDirectorships) return;
    if (
      isLawfulSeat(
        view,
        firms.map((f) => f.key),
        o,
      )
    )
      return;
    firms.sort((a, b) => (a.key < b.key ? -1 : 1));
    for (let i = 0; i < firms.length; i++) {
      for (let j = i + 1; j < firms.length; j++) {
        add(firms[i]!.key, firms[j]!.key, {
          key: person,
          label: 'Person',
          rels: [firms[i]!.rel, firms[j]!.rel],
        });
      }
    }
  });
  return pairs;
}

function registeredOn(view: DetectionView, key: string): string | null {
  return view.graph.hasNode(key) ? view.graph.getNodeAttribute(key, 'registeredOn') : null;
}

/**
 * A firm's life: from its registration (or first line) to its closure (or, when it is still
 * open, its last line; a registered firm that never traded is alive to the end of the data).
 * Null when nothing dates it.
 */
function lifeSpan(view: DetectionView, key: string): { from: string; to: string } | null {
  const trade = view.trade.get(key);
  const attrs = view.graph.hasNode(key) ? view.graph.getNodeAttributes(key) : null;
  const starts = [attrs?.registeredOn, trade?.firstDate].filter((d): d is string => Boolean(d));
  const from = starts.sort()[0];
  const to = attrs?.closedOn ?? trade?.lastDate ?? dataEnd(view);
  return from && to ? { from, to } : null;
}

/** Days the two firms' lives overlap (negative when one followed the other). */
function overlapDays(view: DetectionView, a: string, b: string): number {
  const la = lifeSpan(view, a);
  const lb = lifeSpan(view, b);
  if (!la || !lb) return -Infinity;
  const start = la.from > lb.from ? la.from : lb.from;
  const end = la.to < lb.to ? la.to : lb.to;
  return daysBetween(start, end);
}

/** Were the two firms registered within `days` of each other? */
function registeredTogether(view: DetectionView, a: string, b: string, days: number): boolean {
  const ra = registeredOn(view, a);
  const rb = registeredOn(view, b);
  return Boolean(ra && rb && Math.abs(daysBetween(ra, rb)) <= days);
}

type Tie = 'strong' | 'weak' | null;

/** How strongly what the pair shares ties the two firms together. */
function tieOf(
  view: DetectionView,
  a: string,
  b: string,
  shared: Shared[],
  o: SharedIdentifiersOptions,
): Tie {
  const established = (k: string) => registeredOn(view, k) !== null && !isNewFirm(view, k, o.establishedDays);
  if (established(a) && established(b)) return null;
  if (overlapDays(view, a, b) < o.minOverlapDays) return null;
  const distinct = new Set(shared.map((s) => s.key)).size;
  if (distinct >= o.minSharedIdentifiers || shared.some((s) => s.label === 'BankAccount')) return 'strong';
  return registeredTogether(view, a, b, o.cohortDays) ? 'weak' : null;
}

/**
 * Firms joined by strong ties, then extended by weak ties to a strongly tied firm; with what
 * each group shares (one list per tied pair, by the group's root).
 */
function tiedGroups(
  view: DetectionView,
  o: SharedIdentifiersOptions,
): { groups: UnionFind; sharedByGroup: Map<string, Shared[][]> } {
  const pairs = sharedByPair(view, o);
  const groups = new UnionFind();
  const groupShared = new Map<string, Shared[]>();
  const weak: [string, Shared[]][] = [];
  const tied = new Set<string>();
  for (const [pair, shared] of pairs) {
    const [a, b] = pair.split('\t') as [string, string];
    const tie = tieOf(view, a, b, shared, o);
    if (tie === 'weak') weak.push([pair, shared]);
    if (tie !== 'strong') continue;
    groups.union(a, b);
    groupShared.set(pair, shared);
    tied.add(a).add(b);
  }
  for (const [pair, shared] of weak) {
    const [a, b] = pair.split('\t') as [string, string];
    if (!tied.has(a) && !tied.has(b)) continue;
    groups.union(a, b);
    groupShared.set(pair, shared);
  }
  const sharedByGroup = new Map<string, Shared[][]>();
  for (const [pair, list] of groupShared) {
    const root = groups.find(pair.split('\t')[0]!);
    (sharedByGroup.get(root) ?? sharedByGroup.set(root, []).get(root)!).push(list);
  }
  return { groups, sharedByGroup };
}

export function detect(
  view: DetectionView,
  options: Partial<SharedIdentifiersOptions> = {},
): CandidateRing[] {
  assertView('shared_identifiers', view);
  const o = parseOptions('shared_identifiers', Options, DEFAULTS, options);
  const { groups, sharedByGroup } = tiedGroups(view, o);
  const signals = partySignals(view);
  const rings: CandidateRing[] = [];
  for (const firms of groups.groups()) {
    if (firms.length < o.minMembers || firms.length > o.maxMembers) continue;
    const shared = new Map<string, Shared>();
    const rels: string[] = [];
    for (const list of sharedByGroup.get(groups.find(firms[0]!)) ?? []) {
      for (const s of list) {
        shared.set(s.key, s);
        rels.push(...s.rels);
      }
    }
    const byLabel = new Map<string, number>();
    for (const s of shared.values()) byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + 1);
    const sharedText = listing(
      [...byLabel].sort().map(([label, n]) => countOf(n, label === 'Person' ? 'director' : label)),
    );
    const young = firms.filter((k) => isYoung(view, k, o.youngDays));
    const biased = firms.filter((k) => isUndervaluing(signals.get(k), o.undervaluing));
    const persons = [...shared.values()].filter((s) => s.label === 'Person').map((s) => s.key);
    const indicators = [
      {
        name: 'shared_identifiers',
        value: clamp01(shared.size / 3),
        weight: o.weights.shared_identifiers,
        description: `${describeParties(firms)} share ${sharedText}`,
        evidence: evidence([...firms, ...shared.keys()], rels),
      },
      {
        name: 'young_firms',
        value: young.length / firms.length,
        weight: o.weights.young_firms,
        description: `${young.length} of ${firms.length} were registered less than ${o.youngDays} days before their first import`,
        evidence: evidence(young),
      },
      {
        name: 'unit_value_bias',
        value: biased.length / firms.length,
        weight: o.weights.unit_value_bias,
        description: `${percent(biased.length / firms.length)} of them declare unit values persistently below the usual`,
        evidence: evidence(
          biased,
          [],
          biased.flatMap((k) => signals.get(k)?.lowLines.slice(0, 10) ?? []),
        ),
      },
    ];
    if (weightedScore(indicators) < o.minScore) continue;
    const revenueAtRisk = biased.reduce((s, k) => s + (signals.get(k)?.shortfallDuty ?? 0), 0);
    rings.push({
      typology: 'shared_identifiers',
      members: [
        ...firms.map((k) => member(k, 'linked_firm')),
        ...persons.sort().map((k) => member(k, 'director')),
      ],
      indicators,
      revenueAtRisk,
    });
  }
  return rings.sort(byMembers);
}
