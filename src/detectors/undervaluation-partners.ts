// Undervaluation rings found through trade partners: importers whose own lines sit far below
// the usual unit value, joined by the suppliers and consignees they share, where the supplier's
// invoices are not biased for its other clients (so the supplier path does not see them).
// A partner serving many importers (a marketplace, a retail chain) or a listed forwarder joins nobody.
import { median } from '../graph/robust.ts';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView } from '../graph/view.ts';
import { type CandidateRing, clamp01, declarationOf, evidence, member } from './candidate.ts';
import { dutyShortfall } from './duty.ts';
import { partySignals } from './party-signals.ts';
import { biasIsPartners, otherTradeRatios } from './undervaluation-own-trade.ts';
import { describeParties, idOf, listing, percent } from './phrasing.ts';

export interface PartnerOptions {
  minLines: number;
  maxImporterRatio: number;
  minSignificance: number;
  lowRatio: number;
  minImporters: number;
  /** A partner with more importers than this is a hub, not a ring's. */
  maxPartnerImporters: number;
  /** Share of a partner's importers that must show the bias. */
  minBiasedShare: number;
  /** Partners a ring's importers must share: cheap buyers meeting at one consignee are no ring. */
  minSharedPartners: number;
  minOtherLines: number;
  maxRatioToOwnTrade: number;
  weights: { unit_value_below_median: number; persistent_bias: number; shared_partners: number };
}

/** Importers biased on their own lines (median ratio and significance), not already in a ring. */
function biasedImporters(view: DetectionView, o: PartnerOptions, skip: ReadonlySet<string>): Set<string> {
  const biased = new Set<string>();
  for (const [key, s] of partySignals(view)) {
    if (!key.startsWith('Importer:') || skip.has(key) || s.scoredLines < o.minLines) continue;
    if (s.medianValueRatio > o.maxImporterRatio) continue;
    if (-s.medianZ * Math.sqrt(s.scoredLines) < o.minSignificance) continue;
    biased.add(key);
  }
  return biased;
}

/** Each supplier's and consignee's importers, for those that serve a biased importer. */
function partners(view: DetectionView, biased: ReadonlySet<string>): Map<number, Set<number>> {
  const { lines } = view;
  const isBiased = Uint8Array.from(lines.partyKeys, (k) => (biased.has(k) ? 1 : 0));
  const candidate = new Uint8Array(lines.partyKeys.length);
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i]!;
    if (m < 0 || isBiased[m] !== 1) continue;
    if (lines.supplier[i]! >= 0) candidate[lines.supplier[i]!] = 1;
    if (lines.consignee[i]! >= 0) candidate[lines.consignee[i]!] = 1;
  }
  const clients = new Map<number, Set<number>>();
  const add = (p: number, m: number): void => {
    if (p < 0 || candidate[p] !== 1) return;
    const set = clients.get(p);
    if (set) set.add(m);
    else clients.set(p, new Set([m]));
  };
  // Supplier before consignee on each line: partners come in the order they first appear.
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i]!;
    if (m < 0) continue;
    add(lines.supplier[i]!, m);
    add(lines.consignee[i]!, m);
  }
  return clients;
}

/** The valued lines of each group's importers (one pass over the lines for every group). */
function groupLines(view: DetectionView, groups: readonly string[][]): number[][] {
  const { lines } = view;
  const groupOf = new Map<string, number>();
  groups.forEach((g, n) => g.forEach((k) => groupOf.set(k, n)));
  const byParty = new Int32Array(lines.partyKeys.length).fill(-1);
  lines.partyKeys.forEach((k, p) => (byParty[p] = groupOf.get(k) ?? -1));
  const out = groups.map((): number[] => []);
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i] ?? -1;
    const n = m >= 0 ? byParty[m]! : -1;
    if (n >= 0 && (lines.expectedValue[i] ?? Number.NaN) > 0) out[n]!.push(i);
  }
  return out;
}

function partnerRing(
  view: DetectionView,
  importers: string[],
  shared: string[],
  all: readonly number[],
  o: PartnerOptions,
): CandidateRing {
  const { lines } = view;
  const ratios = all.map((i) => (lines.customsValue[i] ?? 0) / lines.expectedValue[i]!);
  const low = all.filter((_, n) => ratios[n]! <= o.lowRatio);
  const below = 1 - median(ratios);
  const declarations = low.map((i) => declarationOf(view, i));
  const signals = partySignals(view);
  return {
    typology: 'undervaluation',
    members: [
      ...importers.map((k) => member(k, 'importer')),
      ...shared.map((k) => member(k, k.startsWith('Consignee:') ? 'consignee' : 'supplier')),
    ],
    indicators: [
      {
        name: 'unit_value_below_median',
        value: clamp01(below / 0.5),
        weight: o.weights.unit_value_below_median,
        description: `unit values are ${percent(below)} below the usual value of the same goods`,
        evidence: evidence([...importers, ...shared], [], declarations),
      },
      {
        name: 'persistent_bias',
        value: median(importers.map((k) => signals.get(k)?.shareBelow ?? 0)),
        weight: o.weights.persistent_bias,
        description: `${percent(low.length / Math.max(1, all.length))} of the ${all.length} lines of ${describeParties(importers)} are declared below the usual unit value`,
        evidence: evidence(importers, [], declarations),
      },
      {
        name: 'shared_partners',
        value: clamp01((importers.length - 1) / 3),
        weight: o.weights.shared_partners,
        description: `${importers.length} importers with the same bias share ${listing(shared.map(idOf))}`,
        evidence: evidence([...importers, ...shared]),
      },
    ],
    revenueAtRisk: low.reduce((s, i) => s + dutyShortfall(view, i), 0),
  };
}

/**
 * The biased importers whose lines with their group's shared partners sit clearly below their
 * other trade (see undervaluation-own-trade.ts): a buyer of cheap grades is cheap with everyone.
 */
function partnersOwnBias(
  view: DetectionView,
  groups: readonly string[][],
  biased: ReadonlySet<string>,
  links: ReadonlyMap<string, string[]>,
  o: PartnerOptions,
): Set<string> {
  const { lines } = view;
  const index = new Map(lines.partyKeys.map((k, p) => [k, p]));
  const partnersOf = new Map<number, Set<number>>();
  for (const g of groups) {
    const shared = new Set(g.filter((k) => links.has(k)).map((k) => index.get(k)!));
    for (const k of g) if (biased.has(k)) partnersOf.set(index.get(k)!, shared);
  }
  const suspect = new Set<number>();
  const flows = new Map<number, number[]>();
  for (let i = 0; i < lines.size; i++) {
    const shared = partnersOf.get(lines.importer[i] ?? -1);
    const expected = lines.expectedValue[i] ?? Number.NaN;
    if (!shared || !(expected > 0)) continue;
    if (!shared.has(lines.supplier[i] ?? -1) && !shared.has(lines.consignee[i] ?? -1)) continue;
    suspect.add(i);
    const m = lines.importer[i]!;
    (flows.get(m) ?? flows.set(m, []).get(m)!).push((lines.customsValue[i] ?? 0) / expected);
  }
  const other = otherTradeRatios(view, new Set(partnersOf.keys()), suspect);
  const out = new Set<string>();
  for (const [m, ratios] of flows) if (biasIsPartners(ratios, other.get(m), o)) out.add(lines.partyKeys[m]!);
  return out;
}

/** Rings of biased importers sharing suppliers or consignees that mostly serve biased importers. */
export function partnerRings(
  view: DetectionView,
  o: PartnerOptions,
  skip: ReadonlySet<string>,
  excludedPartners: ReadonlySet<string>,
): CandidateRing[] {
  const { lines } = view;
  const biased = biasedImporters(view, o, skip);
  if (biased.size < o.minImporters) return [];
  const groups = new UnionFind();
  const links = new Map<string, string[]>();
  const ordered = [...partners(view, biased)].sort((a, b) => a[0] - b[0]);
  for (const [p, clients] of ordered) {
    const key = lines.partyKeys[p]!;
    if (excludedPartners.has(key) || clients.size > o.maxPartnerImporters) continue;
    const mine = [...clients].map((m) => lines.partyKeys[m]!).filter((k) => biased.has(k));
    if (mine.length < 2 || mine.length < o.minBiasedShare * clients.size) continue;
    for (const m of mine) groups.union(key, m);
    links.set(key, mine);
  }
  const own = partnersOwnBias(view, groups.groups(), biased, links, o);
  const kept = groups
    .groups()
    .map((g) => g.filter((k) => !biased.has(k) || own.has(k)))
    .filter(
      (g) =>
        g.filter((k) => biased.has(k)).length >= o.minImporters &&
        g.filter((k) => links.has(k)).length >= o.minSharedPartners,
    );
  const valued = groupLines(
    view,
    kept.map((g) => g.filter((k) => biased.has(k))),
  );
  return kept.map((group, n) =>
    partnerRing(
      view,
      group.filter((k) => biased.has(k)),
      group.filter((k) => links.has(k)),
      valued[n]!,
      o,
    ),
  );
}
