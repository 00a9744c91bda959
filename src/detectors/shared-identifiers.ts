// Shared identifiers: firms tied together through the same address, phone, e-mail, bank account
// or director. A pair counts only when it shares several specific identifiers (or a bank
// account); identifiers held by many parties — business centres, registered agents — are ignored.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView } from '../graph/view.ts';
import { isBusinessKey } from './keys.ts';
import {
  assertView,
  byMembers,
  clamp01,
  countOf,
  daysBetween,
  describeParties,
  evidence,
  isYoung,
  listing,
  member,
  parseOptions,
  percent,
  type CandidateRing,
  weightedScore,
} from './common.ts';
import { isUndervaluing, partySignals } from './party-signals.ts';

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
    /** Days both firms of a pair must have traded side by side (a successor is phoenix, not this). */
    minOverlapDays: z.number().nonnegative(),
    minScore: z.number().min(0).max(1),
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
  minScore: 0.3,
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
  view.graph.forEachNode((person, attrs) => {
    if (attrs.label !== 'Person') return;
    const firms: { key: string; rel: string }[] = [];
    view.graph.forEachNeighbor(person, (other) => {
      const director = view.graph.getEdgeAttributes(person, other).links.find((l) => l.kind === 'director');
      if (director && isBusinessKey(other)) firms.push({ key: other, rel: director.rels[0] ?? '' });
    });
    if (firms.length < 2 || firms.length > o.maxDirectorships) return;
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

/** Days the two firms' trading periods overlap (negative when one followed the other). */
function overlapDays(view: DetectionView, a: string, b: string): number {
  const ta = view.trade.get(a);
  const tb = view.trade.get(b);
  if (!ta?.firstDate || !ta.lastDate || !tb?.firstDate || !tb.lastDate) return -Infinity;
  const start = ta.firstDate > tb.firstDate ? ta.firstDate : tb.firstDate;
  const end = ta.lastDate < tb.lastDate ? ta.lastDate : tb.lastDate;
  return daysBetween(start, end);
}

export function detect(
  view: DetectionView,
  options: Partial<SharedIdentifiersOptions> = {},
): CandidateRing[] {
  assertView('shared_identifiers', view);
  const o = parseOptions('shared_identifiers', Options, DEFAULTS, options);
  const pairs = sharedByPair(view, o);
  const groups = new UnionFind();
  const groupShared = new Map<string, Shared[]>();
  for (const [pair, shared] of pairs) {
    const distinct = new Set(shared.map((s) => s.key));
    const bank = shared.some((s) => s.label === 'BankAccount');
    if (distinct.size < o.minSharedIdentifiers && !bank) continue;
    const [a, b] = pair.split('\t') as [string, string];
    if (overlapDays(view, a, b) < o.minOverlapDays) continue;
    groups.union(a, b);
    groupShared.set(pair, shared);
  }
  const signals = partySignals(view);
  const sharedByGroup = new Map<string, Shared[][]>();
  for (const [pair, list] of groupShared) {
    const root = groups.find(pair.split('\t')[0]!);
    (sharedByGroup.get(root) ?? sharedByGroup.set(root, []).get(root)!).push(list);
  }
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
    const biased = firms.filter((k) => isUndervaluing(signals.get(k), 3, -1, 0.5));
    const persons = [...shared.values()].filter((s) => s.label === 'Person').map((s) => s.key);
    const indicators = [
      {
        name: 'shared_identifiers',
        value: clamp01(shared.size / 3),
        weight: 0.45,
        description: `${describeParties(firms)} share ${sharedText}`,
        evidence: evidence([...firms, ...shared.keys()], rels),
      },
      {
        name: 'young_firms',
        value: young.length / firms.length,
        weight: 0.3,
        description: `${young.length} of ${firms.length} were registered less than ${o.youngDays} days before their first import`,
        evidence: evidence(young),
      },
      {
        name: 'unit_value_bias',
        value: biased.length / firms.length,
        weight: 0.25,
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
