// Undervaluation: unit values persistently below the robust median for the same HS heading and
// origin. The bias is judged per supplier and per importer buying from it: a supplier whose
// invoices sit far below the market for its importers, with those importers, is a ring. Revenue
// at risk = shortfall against the median × duty rate.
import { z } from 'zod';
import { median } from '../graph/robust.ts';
import { UnionFind } from '../graph/union-find.ts';
import {
  byMembers,
  type CandidateRing,
  clamp01,
  declarationOf,
  evidence,
  IndicatorWeight,
  member,
} from './candidate.ts';
import { dutyShortfall } from './duty.ts';
import { assertView, parseOptions } from './input.ts';
import { DEFAULT_PROFILE, type AdministrationProfile } from '../model/profile.ts';
import { listedParties } from './profile-parties.ts';
import { partnerRings } from './undervaluation-partners.ts';
import { biasIsPartners, otherTradeRatios } from './undervaluation-own-trade.ts';
import {
  biasedBuyerShare,
  convergingSuppliers,
  distributors,
  emptyFlow,
  type Flow,
} from './undervaluation-converging.ts';
import { isScored, supplierFlows, type SupplierFlow } from './undervaluation-flows.ts';
import { describeParties, idOf, listing, percent } from './phrasing.ts';
import { compareKeys, hsHeading, type DetectionView } from '../graph/view.ts';

const Options = z
  .object({
    /** Fewest lines with a known unit value before a supplier's bias is judged. */
    minLines: z.number().int().min(1),
    /** The supplier's median declared ÷ usual value must be at or below this (0.7 = 30 % below). */
    maxMedianRatio: z.number().positive(),
    /** −median z × √lines: how far the bias stands out from the goods' own spread. */
    minSignificance: z.number().nonnegative(),
    /** Each importer's median ratio with the supplier must be at or below this. */
    maxImporterRatio: z.number().positive(),
    /**
     * Share of a biased supplier's buyers whose own median ratio with it is at or below
     * `maxImporterRatio` (`maxConvergingRatio` for a converging supplier): a complicit supplier
     * invoices its scheme's buyers low, where a lawful one is low by the line count of one big
     * cheap buyer.
     */
    minBiasedBuyerShare: z.number().min(0).max(1),
    /**
     * A milder bias (median ratio at most this, same significance) makes a supplier complicit when
     * its lines, from `minImporters` importers or more, converge on one consignee (at least
     * `minConsigneeShare` of them) serving at most `maxPartnerImporters` importers: the distributor
     * that organises the low invoices, where camouflage trade hides a shallow undervaluation.
     */
    maxConvergingRatio: z.number().positive(),
    minConsigneeShare: z.number().min(0).max(1),
    /**
     * The distributor path: a consignee serving `minImporters` to `maxPartnerImporters` importers
     * whose lines, together, sit at or below `maxConvergingRatio` with `minSignificance` joins the
     * importers whose own lines to it have a median ratio at or below this (1 = not above the
     * market): the bias of each firm is too shallow to judge alone, the distributor's is not.
     */
    maxDistributorImporterRatio: z.number().positive(),
    /** Share of a distributor's lines invoiced by suppliers selling to two or more of its importers. */
    minSharedSupplierShare: z.number().min(0).max(1),
    /**
     * A distributor with that structure but a shallower bias: its lines from those suppliers,
     * against the market without them (the same heading and origin with `minMarketLines` lines,
     * else the heading), have a median ratio at or below `maxMarketRatio`, a robust spread at most
     * `maxConsistentSpread` of the market's (one price list for the ring, where honest buyers each
     * pay their own) and a median that stands out from that spread by `minMarketSignificance`.
     */
    maxMarketRatio: z.number().positive(),
    minMarketSignificance: z.number().nonnegative(),
    maxConsistentSpread: z.number().positive(),
    minMarketLines: z.number().int().min(1),
    /** A line is counted as undervalued (evidence, revenue) at or below this ratio. */
    lowRatio: z.number().positive(),
    minImporters: z.number().int().min(1),
    /** Lines a ring's importers bought in its biased flows, on average: a few purchases are no scheme. */
    minLinesPerImporter: z.number().min(0),
    /**
     * A flow counts only when its median ratio is at most this times the importer's other trade
     * (when it has `minOtherLines` other valued lines): buyers of cheap grades are cheap everywhere.
     */
    maxRatioToOwnTrade: z.number().positive(),
    minOtherLines: z.number().int().min(1),
    /** Through partners: a supplier or consignee with more importers than this joins nobody. */
    maxPartnerImporters: z.number().int().min(2),
    /** Share of a partner's importers that must themselves be biased for it to join them. */
    minBiasedShare: z.number().min(0).max(1),
    /** Partners (suppliers, consignees) a ring's importers must share, at least. */
    minSharedPartners: z.number().int().min(1),
    /** From the profile: forwarders that join nobody. */
    bigForwarders: z.array(z.string()),
    weights: z
      .object({
        unit_value_below_median: IndicatorWeight,
        persistent_bias: IndicatorWeight,
        shared_supplier: IndicatorWeight,
        shared_partners: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type UndervaluationOptions = z.infer<typeof Options>;

export const DEFAULTS: UndervaluationOptions = {
  minLines: 4,
  maxMedianRatio: 0.65,
  minSignificance: 5,
  maxImporterRatio: 0.7,
  minBiasedBuyerShare: 0.6,
  maxConvergingRatio: 0.9,
  minConsigneeShare: 0.75,
  maxDistributorImporterRatio: 1,
  minSharedSupplierShare: 0.75,
  maxMarketRatio: 0.97,
  minMarketSignificance: 2,
  maxConsistentSpread: 0.75,
  minMarketLines: 8,
  lowRatio: 0.8,
  minImporters: 3,
  minLinesPerImporter: 4,
  maxRatioToOwnTrade: 0.9,
  minOtherLines: 3,
  maxPartnerImporters: 30,
  minBiasedShare: 0.5,
  minSharedPartners: 2,
  bigForwarders: DEFAULT_PROFILE.bigForwarders,
  weights: {
    unit_value_below_median: 0.45,
    persistent_bias: 0.35,
    shared_supplier: 0.2,
    shared_partners: 0.2,
  },
};

/** The facts of an administration this detector reads. */
export function profileOptions(profile: AdministrationProfile): Partial<UndervaluationOptions> {
  return { bigForwarders: profile.bigForwarders };
}

type RingPair = [supplier: string, importer: string, flow: Flow];

/** Suppliers biased far below the market on their own, for most of their buyers. */
function strongSuppliers(
  lines: DetectionView['lines'],
  bySupplier: ReadonlyMap<number, SupplierFlow>,
  o: UndervaluationOptions,
): Set<number> {
  const biased = (f: SupplierFlow): boolean =>
    f.lines.length >= o.minLines &&
    median(f.ratios) <= o.maxMedianRatio &&
    -median(f.zs) * Math.sqrt(f.lines.length) >= o.minSignificance &&
    biasedBuyerShare(lines, f, o.maxImporterRatio) >= o.minBiasedBuyerShare;
  return new Set([...bySupplier].filter(([, f]) => biased(f)).map(([s]) => s));
}

/**
 * Supplier–importer flows biased below the market: first the biased suppliers, then their flows
 * with each importer; groups of suppliers and importers joined by such flows.
 */
function biasedFlows(
  view: DetectionView,
  o: UndervaluationOptions,
  excluded: ReadonlySet<string>,
): { groups: UnionFind; ringPairs: RingPair[] } {
  const { lines } = view;
  const parties = lines.partyKeys.length;
  // First the suppliers, then the supplier–importer flows of the biased suppliers only.
  const bySupplier = supplierFlows(lines);
  const strong = strongSuppliers(lines, bySupplier, o);
  const converging = convergingSuppliers(view, bySupplier, o, strong);
  const complicit = new Uint8Array(parties);
  for (const s of [...strong, ...converging]) complicit[s] = 1;
  const { organising, shallow } = distributors(view, o, excluded);
  const byPair = new Map<number, Flow>();
  const addPair = (partner: number, i: number, ratio: number): void => {
    const key = partner * parties + lines.importer[i]!;
    let flow = byPair.get(key);
    if (!flow) byPair.set(key, (flow = emptyFlow()));
    flow.lines.push(i);
    flow.zs.push(lines.unitValueZScore[i]!);
    flow.ratios.push(ratio);
    if (ratio <= o.lowRatio) flow.low.push(i);
  };
  for (let i = 0; i < lines.size; i++) {
    if (!isScored(lines, i)) continue;
    const ratio = lines.customsValue[i]! / lines.expectedValue[i]!;
    if (complicit[lines.supplier[i]!] === 1) addPair(lines.supplier[i]!, i, ratio);
    const c = lines.consignee[i]!;
    if (c < 0 || !organising.has(c)) continue;
    // A shallow distributor's lines are judged against the market without its suppliers.
    addPair(c, i, shallow.get(c)?.ratios.get(i) ?? ratio);
  }
  const groups = new UnionFind();
  const ringPairs: RingPair[] = [];
  const pairs = [...byPair].map(([key, flow]) => ({
    distributor: organising.has(Math.floor(key / parties)),
    limit: organising.has(Math.floor(key / parties))
      ? Math.max(o.maxDistributorImporterRatio, shallow.get(Math.floor(key / parties))?.priceListTop ?? 0)
      : converging.has(Math.floor(key / parties))
        ? o.maxConvergingRatio
        : o.maxImporterRatio,
    supplier: lines.partyKeys[Math.floor(key / parties)]!,
    importer: lines.partyKeys[key % parties]!,
    flow,
  }));
  pairs.sort((a, b) => compareKeys(a.supplier, b.supplier) || compareKeys(a.importer, b.importer));
  const kept = pairs.filter(({ limit, flow }) => flow.lines.length >= 2 && median(flow.ratios) <= limit);
  const other = otherTradeRatios(
    view,
    new Set(kept.map(({ flow }) => lines.importer[flow.lines[0]!]!)),
    new Set(kept.flatMap(({ flow }) => flow.lines)),
  );
  for (const { distributor, supplier, importer, flow } of kept) {
    // A distributor's bias was judged over all its importers together: shallow for each.
    const mine = other.get(lines.importer[flow.lines[0]!]!);
    if (!distributor && !biasIsPartners(flow.ratios, mine, o)) continue;
    groups.union(supplier, importer);
    ringPairs.push([supplier, importer, flow]);
  }
  return { groups, ringPairs };
}

/** "from supplier S1 and S2 through distributor C1": the partners the bias comes with. */
function partnerPhrase(partners: readonly string[]): string {
  const suppliers = partners.filter((k) => !k.startsWith('Consignee:')).map(idOf);
  const consignees = partners.filter((k) => k.startsWith('Consignee:')).map(idOf);
  return [
    ...(suppliers.length > 0 ? [`from supplier ${listing(suppliers)}`] : []),
    ...(consignees.length > 0 ? [`through distributor ${listing(consignees)}`] : []),
  ].join(' ');
}

/** One group as an undervaluation ring, or null when too few importers share the bias. */
function undervaluationRing(
  view: DetectionView,
  group: string[],
  ringPairs: readonly RingPair[],
  o: UndervaluationOptions,
): CandidateRing | null {
  const { lines } = view;
  const set = new Set(group);
  const pairs = ringPairs.filter(([s]) => set.has(s));
  const importers = [...new Set(pairs.map(([, m]) => m))].sort();
  const suppliers = [...new Set(pairs.map(([s]) => s))].sort();
  if (importers.length < o.minImporters) return null;
  // A line can come through a supplier and a distributor both: counted once.
  const all = [...new Set(pairs.flatMap(([, , f]) => f.lines))];
  if (all.length < o.minLinesPerImporter * importers.length) return null;
  const low = [...new Set(pairs.flatMap(([, , f]) => f.low))].sort((a, b) => a - b);
  const below = 1 - median(pairs.flatMap(([, , f]) => f.ratios));
  const headings = new Map<string, number>();
  // The heading most lines were undervalued in (all lines, when none is below `lowRatio`).
  for (const i of low.length > 0 ? low : all) {
    const h = hsHeading(lines.hsCode[i] ?? '');
    headings.set(h, (headings.get(h) ?? 0) + 1);
  }
  const heading = [...headings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  const declarations = low.map((i) => declarationOf(view, i));
  const perImporter = importers.map((m) => {
    const flows = pairs.filter(([, x]) => x === m).map(([, , f]) => f);
    return (
      flows.reduce((s, f) => s + f.low.length, 0) /
      Math.max(
        1,
        flows.reduce((s, f) => s + f.lines.length, 0),
      )
    );
  });
  return {
    typology: 'undervaluation',
    members: [
      ...importers.map((k) => member(k, 'importer')),
      ...suppliers.map((k) => member(k, k.startsWith('Consignee:') ? 'consignee' : 'supplier')),
    ],
    indicators: [
      {
        name: 'unit_value_below_median',
        value: clamp01(below / 0.5),
        weight: o.weights.unit_value_below_median,
        description: `unit values are ${percent(below)} below the HS ${heading} median`,
        evidence: evidence([...importers, ...suppliers], [], declarations),
      },
      {
        name: 'persistent_bias',
        value: median(perImporter),
        weight: o.weights.persistent_bias,
        description: `${percent(low.length / all.length)} of the ${all.length} lines ${describeParties(importers)} bought ${partnerPhrase(suppliers)} are declared below the usual unit value`,
        evidence: evidence(importers, [], declarations),
      },
      {
        name: 'shared_supplier',
        value: clamp01((importers.length - 1) / 3),
        weight: o.weights.shared_supplier,
        description: `${importers.length} importers show the same bias ${partnerPhrase(suppliers)}`,
        evidence: evidence([...importers, ...suppliers]),
      },
    ],
    revenueAtRisk: low.reduce((s, i) => s + dutyShortfall(view, i), 0),
  };
}

export function detect(view: DetectionView, options: Partial<UndervaluationOptions> = {}): CandidateRing[] {
  assertView('undervaluation', view);
  const o = parseOptions('undervaluation', Options, DEFAULTS, options);
  const excluded = listedParties(view, o.bigForwarders);
  const { groups, ringPairs } = biasedFlows(view, o, excluded);
  const rings: CandidateRing[] = [];
  for (const group of groups.groups()) {
    const ring = undervaluationRing(view, group, ringPairs, o);
    if (ring) rings.push(ring);
  }
  const inRings = new Set(rings.flatMap((r) => r.members.map((m) => `${m.label}:${m.id}`)));
  rings.push(...partnerRings(view, o, inRings, excluded));
  return rings.sort(byMembers);
}
