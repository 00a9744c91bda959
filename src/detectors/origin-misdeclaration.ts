// Origin misdeclaration / transshipment: importers of the same goods switch, at about the same
// time, from a supplier in one country to suppliers in another whose origin pays less duty —
// the goods are the same, only the route and the declared origin changed. Revenue at risk is
// the duty difference between the two origins on the lines after the switch.
import { z } from 'zod';
import { lineGroups } from '../graph/line-groups.ts';
import type { DetectionView } from '../graph/view.ts';
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
import {
  cleanSwitches,
  type Context,
  dedicatedSwitches,
  type KeptSwitch,
  originUses,
  routeBuyers,
} from './origin-switches.ts';
import { idOf, listing } from './phrasing.ts';

const Options = z
  .object({
    /** Lines an importer must have bought from the old supplier, and from the new ones. */
    minLinesEachSide: z.number().int().min(1),
    /** Importers making the same switch. */
    minImporters: z.number().int().min(1),
    /**
     * The new origin's duty rate must be at least this much lower (0.1 = 10 points): a few points
     * of preference are an ordinary change of source; a reroute is paid for by a surcharge escaped.
     */
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
  minDutyGap: 0.1,
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
  const { kept, groups } = dedicatedSwitches(c, cleanSwitches(c, originUses(c), o), o);
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
