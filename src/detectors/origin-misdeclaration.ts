// Origin misdeclaration / transshipment: importers of the same goods switch, at about the same
// time, from a supplier in one country to suppliers in another whose origin pays less duty —
// the goods are the same, only the route and the declared origin changed. Revenue at risk is
// the duty difference between the two origins on the lines after the switch.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import { lineGroups } from '../graph/line-groups.ts';
import { compareKeys, type DetectionView, type LineTable } from '../graph/view.ts';
import {
  byMembers,
  type CandidateRing,
  clamp01,
  declarationOf,
  evidence,
  IndicatorWeight,
  member,
} from './candidate.ts';
import { assertView, parseOptions } from './input.ts';
import { DEFAULT_PROFILE, profileDutyRate, surcharge, type AdministrationProfile } from '../model/profile.ts';
import { mismatchRings, type Rates } from './origin-mismatch.ts';
import { observedSurcharges } from './origin-surcharges.ts';
import { idOf, listing } from './phrasing.ts';

const Options = z
  .object({
    /** Lines an importer must have bought from the old supplier, and from the new ones. */
    minLinesEachSide: z.number().int().min(1),
    /** Importers making the same switch. */
    minImporters: z.number().int().min(1),
    /** The new origin's duty rate must be at least this much lower (0.02 = 2 points). */
    minDutyGap: z.number().min(0),
    /** Share of a new supplier's lines in the heading that must be rerouted ones. */
    minDedicatedShare: z.number().min(0).max(1),
    /** Without a switch: lines a supplier declared from another origin than its own country. */
    minMismatchLines: z.number().int().min(1),
    /** Share of the supplier's lines in those headings that must be mismatched. */
    minMismatchShare: z.number().min(0).max(1),
    /** Without a surcharge, the supplier's country must pay at least this much more duty. */
    minMismatchGap: z.number().min(0),
    /** Lines departing from a surcharged country that make it the source of all a supplier's lines of that heading and declared origin. */
    minDepartureLines: z.number().int().min(1),
    /** An origin whose observed duty rate is this much above the heading's usual rate is surcharged. */
    minObservedSurcharge: z.number().positive(),
    /** From the profile: rates where the data states none, surcharges, transshipment hubs. */
    defaultDutyRate: z.number().min(0).max(1),
    dutyRates: z.array(z.object({ heading: z.string(), origin: z.string().optional(), rate: z.number() })),
    surcharges: z.array(z.object({ heading: z.string(), origins: z.array(z.string()), rate: z.number() })),
    transshipmentHubs: z.array(z.string()),
    weights: z
      .object({
        coordinated_origin_switch: IndicatorWeight,
        lower_duty_origin: IndicatorWeight,
        share_rerouted: IndicatorWeight,
        origin_differs_from_supplier: IndicatorWeight,
        known_hub: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type OriginMisdeclarationOptions = z.infer<typeof Options>;

/** The facts of an administration this detector reads. */
export function profileOptions(profile: AdministrationProfile): Partial<OriginMisdeclarationOptions> {
  const { defaultDutyRate, dutyRates, surcharges, transshipmentHubs } = profile;
  return { defaultDutyRate, dutyRates, surcharges, transshipmentHubs };
}

export const DEFAULTS: OriginMisdeclarationOptions = {
  minLinesEachSide: 2,
  minImporters: 2,
  minDutyGap: 0.02,
  minDedicatedShare: 0.25,
  minMismatchLines: 4,
  minMismatchShare: 0.5,
  minMismatchGap: 0.1,
  minDepartureLines: 2,
  minObservedSurcharge: 0.15,
  ...(profileOptions(DEFAULT_PROFILE) as Pick<
    OriginMisdeclarationOptions,
    'defaultDutyRate' | 'dutyRates' | 'surcharges' | 'transshipmentHubs'
  >),
  weights: {
    coordinated_origin_switch: 0.45,
    lower_duty_origin: 0.35,
    share_rerouted: 0.2,
    origin_differs_from_supplier: 0.45,
    known_hub: 0.2,
  },
};

interface OriginUse {
  lines: number[];
  first: string;
  last: string;
}

interface Switch {
  importer: string;
  heading: string;
  /** The heading's index in lineGroups(lines).keys. */
  headingGroup: number;
  fromOrigin: string;
  toOrigin: string;
  before: number[];
  after: number[];
}

/**
 * What every phase reads: importer and heading (or supplier and heading) as one number, party
 * index × headings + heading group, and the duty rate of a heading from an origin.
 */
interface Context {
  view: DetectionView;
  lines: LineTable;
  lineGroup: ReturnType<typeof lineGroups>;
  /** Number of line groups: the multiplier of a party index in a party–heading key. */
  G: number;
  rate: (heading: string, origin: string) => number | null;
}

type KeptSwitch = Switch & { from: string[]; to: string[]; toSuppliers: number[] };

function bump(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * importer|heading → declared origin → its lines (lines come in date order); and each
 * supplier's lines per heading, to tell a dedicated route from a market supplier.
 */
function originUses(c: Context): {
  uses: Map<number, Map<string, OriginUse>>;
  supplierLines: Map<number, number>;
} {
  const { lines, lineGroup, G } = c;
  const uses = new Map<number, Map<string, OriginUse>>();
  const supplierLines = new Map<number, number>();
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i] ?? -1;
    const origin = lines.origin[i];
    if (m < 0 || !origin) continue;
    const h = lineGroup.heading[i]!;
    const s = lines.supplier[i] ?? -1;
    if (s >= 0) bump(supplierLines, s * G + h);
    let byOrigin = uses.get(m * G + h);
    if (!byOrigin) uses.set(m * G + h, (byOrigin = new Map<string, OriginUse>()));
    const use = byOrigin.get(origin);
    if (use) {
      use.lines.push(i);
      use.last = lines.date[i]!;
    } else byOrigin.set(origin, { lines: [i], first: lines.date[i]!, last: lines.date[i]! });
  }
  return { uses, supplierLines };
}

/** Clean switches: every line of the old origin before every line of the new, to a cheaper origin. */
function cleanSwitches(
  c: Context,
  uses: Map<number, Map<string, OriginUse>>,
  o: OriginMisdeclarationOptions,
): Switch[] {
  const { lines, lineGroup, G, rate } = c;
  const importerOf = (key: number): string => lines.partyKeys[Math.floor(key / G)]!;
  const headingOf = (key: number): string => lineGroup.keys[key % G]!;
  const switches: Switch[] = [];
  const ordered = [...uses].sort(
    (a, b) =>
      compareKeys(importerOf(a[0]), importerOf(b[0])) || compareKeys(headingOf(a[0]), headingOf(b[0])),
  );
  for (const [key, byOrigin] of ordered) {
    const importer = importerOf(key);
    const heading = headingOf(key);
    const origins = [...byOrigin].filter(([, u]) => u.lines.length >= o.minLinesEachSide);
    for (const [fromOrigin, old] of origins) {
      for (const [toOrigin, next] of origins) {
        if (fromOrigin === toOrigin || old.last > next.first) continue;
        const oldRate = rate(heading, fromOrigin);
        const newRate = rate(heading, toOrigin);
        if (oldRate === null || newRate === null || oldRate - newRate < o.minDutyGap) continue;
        switches.push({
          importer,
          heading,
          headingGroup: key % G,
          fromOrigin,
          toOrigin,
          before: old.lines,
          after: next.lines,
        });
      }
    }
  }
  return switches;
}

/**
 * The switches whose new route's suppliers live off the switch (most of their lines in the
 * heading are rerouted ones) and whose old goods came from one producer; grouped per producer.
 */
function dedicatedSwitches(
  c: Context,
  switches: readonly Switch[],
  supplierLines: Map<number, number>,
  o: OriginMisdeclarationOptions,
): { kept: KeptSwitch[]; groups: UnionFind } {
  const { lines, G } = c;
  const rerouted = new Map<number, number>();
  for (const sw of switches) {
    for (const i of sw.after) {
      const s = lines.supplier[i] ?? -1;
      if (s >= 0) bump(rerouted, s * G + sw.headingGroup);
    }
  }
  const dedicated = (supplierHeading: number): boolean =>
    (rerouted.get(supplierHeading) ?? 0) >=
    o.minDedicatedShare * (supplierLines.get(supplierHeading) ?? Infinity);
  const suppliersOf = (ids: readonly number[]): number[] =>
    [...new Set(ids.map((i) => lines.supplier[i] ?? -1))].filter((s) => s >= 0);
  const groups = new UnionFind();
  const kept: KeptSwitch[] = [];
  for (const sw of switches) {
    const toSuppliers = suppliersOf(sw.after).filter((s) => dedicated(s * G + sw.headingGroup));
    if (toSuppliers.length === 0) continue;
    const to = toSuppliers.map((s) => lines.partyKeys[s]!);
    const from = suppliersOf(sw.before).map((s) => lines.partyKeys[s]!);
    // The old goods came from one producer; an importer shopping around many suppliers is a market.
    if (from.length !== 1) continue;
    kept.push({ ...sw, from, to, toSuppliers });
    // One scheme per producer: importers leaving the same supplier for the same goods.
    groups.union(sw.importer, `${from[0]}\t${sw.heading}`);
  }
  return { kept, groups };
}

/** Who bought the new routes' suppliers' goods, per supplier and heading (for their other buyers). */
function routeBuyers(c: Context, kept: readonly KeptSwitch[]): Map<number, Set<string>> {
  const { lines, lineGroup, G } = c;
  const routes = new Set(kept.flatMap((sw) => sw.toSuppliers));
  const buyers = new Map<number, Set<string>>();
  for (let i = 0; i < lines.size; i++) {
    const s = lines.supplier[i] ?? -1;
    const m = lines.importer[i] ?? -1;
    if (s < 0 || m < 0 || !routes.has(s)) continue;
    const key = s * G + lineGroup.heading[i]!;
    let set = buyers.get(key);
    if (!set) buyers.set(key, (set = new Set()));
    set.add(lines.partyKeys[m]!);
  }
  return buyers;
}

/** Duty lost on the lines after the switch, and the mean gap in rate, against the old origin. */
function dutyGap(
  c: Context,
  heading: string,
  fromOrigin: readonly string[],
  after: readonly number[],
): { revenueAtRisk: number; gap: number } {
  let revenueAtRisk = 0;
  let gapSum = 0;
  const oldRate = Math.max(...fromOrigin.map((origin) => c.rate(heading, origin) ?? 0));
  for (const i of after) {
    const newRate = c.rate(heading, c.lines.origin[i] ?? '') ?? oldRate;
    revenueAtRisk += Math.max(0, oldRate - newRate) * (c.lines.customsValue[i] ?? 0);
    gapSum += Math.max(0, oldRate - newRate);
  }
  return { revenueAtRisk, gap: after.length > 0 ? gapSum / after.length : 0 };
}

/** One producer's switches as a ring: the importers, the old supplier and the new route. */
function originRing(
  c: Context,
  mine: readonly KeptSwitch[],
  buyers: Map<number, Set<string>>,
  o: OriginMisdeclarationOptions,
): CandidateRing {
  const { view, G } = c;
  const switched = new Set(mine.map((s) => s.importer));
  const newSuppliers = [...new Set(mine.flatMap((s) => s.to))].sort();
  const heading = mine[0]!.heading;
  // Importers that bought only by the new route belong to the scheme too.
  const newSupplierIds = [...new Set(mine.flatMap((s) => s.toSuppliers))];
  const newBuyers = newSupplierIds.flatMap((s) => [...(buyers.get(s * G + mine[0]!.headingGroup) ?? [])]);
  const importers = [...new Set([...switched, ...newBuyers])].sort();
  const oldSuppliers = [...new Set(mine.flatMap((s) => s.from))]
    .filter((k) => !newSuppliers.includes(k))
    .sort();
  const after = [...new Set(mine.flatMap((s) => s.after))].sort((a, b) => a - b);
  const fromOrigin = [...new Set(mine.map((s) => s.fromOrigin))].sort();
  const toOrigin = [...new Set(mine.map((s) => s.toOrigin))].sort();
  const { revenueAtRisk, gap } = dutyGap(c, heading, fromOrigin, after);
  const before = new Set(mine.flatMap((s) => s.before)).size;
  const declarations = after.map((i) => declarationOf(view, i));
  return {
    typology: 'origin_misdeclaration',
    members: [
      ...importers.map((k) => member(k, 'importer')),
      ...oldSuppliers.map((k) => member(k, 'origin_supplier')),
      ...newSuppliers.map((k) => member(k, 'transshipment_supplier')),
    ],
    indicators: [
      {
        name: 'coordinated_origin_switch',
        value: clamp01(switched.size / 4),
        weight: o.weights.coordinated_origin_switch,
        description: `${switched.size} importers of HS ${heading} switched from supplier ${listing(oldSuppliers.map(idOf))} (${listing(fromOrigin)}) to ${listing(newSuppliers.map(idOf))} declaring origin ${listing(toOrigin)}`,
        evidence: evidence([...importers, ...oldSuppliers, ...newSuppliers], [], declarations),
      },
      {
        name: 'lower_duty_origin',
        value: clamp01(gap / 0.1),
        weight: o.weights.lower_duty_origin,
        description: `the new origin pays ${Math.round(gap * 100)} percentage points less duty`,
        evidence: evidence(newSuppliers, [], declarations),
      },
      {
        name: 'share_rerouted',
        value: clamp01(after.length / Math.max(1, after.length + before)),
        weight: o.weights.share_rerouted,
        description: `${after.length} lines came by the new route after ${before} by the old`,
        evidence: evidence(importers, [], declarations),
      },
    ],
    revenueAtRisk,
  };
}

export function detect(
  view: DetectionView,
  options: Partial<OriginMisdeclarationOptions> = {},
): CandidateRing[] {
  assertView('origin_misdeclaration', view);
  const o = parseOptions('origin_misdeclaration', Options, DEFAULTS, options);
  const lineGroup = lineGroups(view.lines);
  const c: Context = {
    view,
    lines: view.lines,
    lineGroup,
    G: lineGroup.keys.length,
    rate: (heading, origin) =>
      view.dutyRates.get(`${heading}|${origin}`) ?? profileDutyRate(o, heading, origin),
  };
  const { uses, supplierLines } = originUses(c);
  const { kept, groups } = dedicatedSwitches(c, cleanSwitches(c, uses, o), supplierLines, o);
  const buyers = routeBuyers(c, kept);
  const rings: CandidateRing[] = [];
  for (const group of groups.groups()) {
    const set = new Set(group);
    const mine = kept.filter((s) => set.has(s.importer));
    if (new Set(mine.map((s) => s.importer)).size < o.minImporters) continue;
    rings.push(originRing(c, mine, buyers, o));
  }
  const observed = observedSurcharges(view.dutyRates, o.minObservedSurcharge);
  const rates: Rates = {
    rate: (h, origin) => c.rate(h, origin)!,
    surcharge: (h, origin) => Math.max(surcharge(o, h, origin), observed.get(`${h}|${origin}`) ?? 0),
  };
  const switched = new Set(kept.flatMap((sw) => sw.to));
  rings.push(...mismatchRings(view, rates, o, switched));
  return rings.sort(byMembers);
}
