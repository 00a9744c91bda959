// Origin misdeclaration / transshipment: importers of the same goods switch, at about the same
// time, from a supplier in one country to suppliers in another whose origin pays less duty —
// the goods are the same, only the route and the declared origin changed. Revenue at risk is
// the duty difference between the two origins on the lines after the switch.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import { hsHeading, type DetectionView } from '../graph/view.ts';
import {
  assertView,
  byMembers,
  clamp01,
  declarationOf,
  evidence,
  idOf,
  listing,
  member,
  parseOptions,
  type CandidateRing,
} from './common.ts';

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
  })
  .strict();
export type OriginMisdeclarationOptions = z.infer<typeof Options>;

export const DEFAULTS: OriginMisdeclarationOptions = {
  minLinesEachSide: 2,
  minImporters: 2,
  minDutyGap: 0.02,
  minDedicatedShare: 0.25,
};

interface OriginUse {
  lines: number[];
  first: string;
  last: string;
}

interface Switch {
  importer: string;
  heading: string;
  fromOrigin: string;
  toOrigin: string;
  before: number[];
  after: number[];
}

export function detect(
  view: DetectionView,
  options: Partial<OriginMisdeclarationOptions> = {},
): CandidateRing[] {
  assertView('origin_misdeclaration', view);
  const o = parseOptions('origin_misdeclaration', Options, DEFAULTS, options);
  const { lines } = view;
  // importer|heading → declared origin → its lines (lines come in date order); and each
  // supplier's lines per heading, to tell a dedicated route from a market supplier.
  const uses = new Map<string, Map<string, OriginUse>>();
  const supplierLines = new Map<string, number>();
  for (let i = 0; i < lines.size; i++) {
    const m = lines.importer[i] ?? -1;
    const origin = lines.origin[i];
    if (m < 0 || !origin) continue;
    const heading = hsHeading(lines.hsCode[i] ?? '');
    const s = lines.supplier[i] ?? -1;
    if (s >= 0)
      supplierLines.set(
        `${lines.partyKeys[s]}\t${heading}`,
        (supplierLines.get(`${lines.partyKeys[s]}\t${heading}`) ?? 0) + 1,
      );
    const key = `${lines.partyKeys[m]}\t${heading}`;
    let byOrigin = uses.get(key);
    if (!byOrigin) uses.set(key, (byOrigin = new Map<string, OriginUse>()));
    const use = byOrigin.get(origin);
    if (use) {
      use.lines.push(i);
      use.last = lines.date[i]!;
    } else byOrigin.set(origin, { lines: [i], first: lines.date[i]!, last: lines.date[i]! });
  }
  const rate = (heading: string, origin: string): number | null =>
    view.dutyRates.get(`${heading}|${origin}`) ?? null;
  // A clean switch: every line of the old origin before every line of the new, to a cheaper origin.
  const switches: Switch[] = [];
  for (const [key, byOrigin] of [...uses].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [importer, heading] = key.split('\t') as [string, string];
    const origins = [...byOrigin].filter(([, u]) => u.lines.length >= o.minLinesEachSide);
    for (const [fromOrigin, old] of origins) {
      for (const [toOrigin, next] of origins) {
        if (fromOrigin === toOrigin || old.last > next.first) continue;
        const oldRate = rate(heading, fromOrigin);
        const newRate = rate(heading, toOrigin);
        if (oldRate === null || newRate === null || oldRate - newRate < o.minDutyGap) continue;
        switches.push({ importer, heading, fromOrigin, toOrigin, before: old.lines, after: next.lines });
      }
    }
  }
  // The new route's suppliers must live off the switch: most of their lines in the heading are rerouted ones.
  const rerouted = new Map<string, number>();
  for (const sw of switches) {
    for (const i of sw.after) {
      const s = lines.supplier[i] ?? -1;
      if (s >= 0)
        rerouted.set(
          `${lines.partyKeys[s]}\t${sw.heading}`,
          (rerouted.get(`${lines.partyKeys[s]}\t${sw.heading}`) ?? 0) + 1,
        );
    }
  }
  const dedicated = (supplierHeading: string): boolean =>
    (rerouted.get(supplierHeading) ?? 0) >=
    o.minDedicatedShare * (supplierLines.get(supplierHeading) ?? Infinity);
  const supplierOf = (i: number): string | null =>
    (lines.supplier[i] ?? -1) >= 0 ? lines.partyKeys[lines.supplier[i]!]! : null;
  // Who bought each supplier's goods, per heading (one pass, for the route's other buyers).
  const buyers = new Map<string, Set<string>>();
  for (let i = 0; i < lines.size; i++) {
    const s = supplierOf(i);
    const m = lines.importer[i] ?? -1;
    if (s === null || m < 0) continue;
    const key = `${s}\t${hsHeading(lines.hsCode[i] ?? '')}`;
    (buyers.get(key) ?? buyers.set(key, new Set()).get(key)!).add(lines.partyKeys[m]!);
  }
  const buyersOf = (suppliers: string[], heading: string): string[] =>
    suppliers.flatMap((s) => [...(buyers.get(`${s}\t${heading}`) ?? [])]);
  const groups = new UnionFind();
  const kept: (Switch & { from: string[]; to: string[] })[] = [];
  for (const sw of switches) {
    const to = [...new Set(sw.after.map(supplierOf).filter((k): k is string => k !== null))].filter((k) =>
      dedicated(`${k}\t${sw.heading}`),
    );
    if (to.length === 0) continue;
    const from = [...new Set(sw.before.map(supplierOf).filter((k): k is string => k !== null))];
    // The old goods came from one producer; an importer shopping around many suppliers is a market.
    if (from.length !== 1) continue;
    kept.push({ ...sw, from, to });
    // One scheme per producer: importers leaving the same supplier for the same goods.
    groups.union(sw.importer, `${from[0]}\t${sw.heading}`);
  }
  const rings: CandidateRing[] = [];
  for (const group of groups.groups()) {
    const set = new Set(group);
    const mine = kept.filter((s) => set.has(s.importer));
    const switched = new Set(mine.map((s) => s.importer));
    if (switched.size < o.minImporters) continue;
    const newSuppliers = [...new Set(mine.flatMap((s) => s.to))].sort();
    const heading = mine[0]!.heading;
    // Importers that bought only by the new route belong to the scheme too.
    const importers = [...new Set([...switched, ...buyersOf(newSuppliers, heading)])].sort();
    const oldSuppliers = [...new Set(mine.flatMap((s) => s.from))]
      .filter((k) => !newSuppliers.includes(k))
      .sort();
    const after = [...new Set(mine.flatMap((s) => s.after))].sort((a, b) => a - b);
    const fromOrigin = [...new Set(mine.map((s) => s.fromOrigin))].sort();
    const toOrigin = [...new Set(mine.map((s) => s.toOrigin))].sort();
    let revenueAtRisk = 0;
    let gapSum = 0;
    for (const i of after) {
      const oldRate = Math.max(...fromOrigin.map((c) => rate(heading, c) ?? 0));
      const newRate = rate(heading, lines.origin[i] ?? '') ?? oldRate;
      revenueAtRisk += Math.max(0, oldRate - newRate) * (lines.customsValue[i] ?? 0);
      gapSum += Math.max(0, oldRate - newRate);
    }
    const gap = after.length > 0 ? gapSum / after.length : 0;
    const before = new Set(mine.flatMap((s) => s.before)).size;
    const declarations = after.map((i) => declarationOf(view, i));
    rings.push({
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
          weight: 0.45,
          description: `${switched.size} importers of HS ${heading} switched from supplier ${listing(oldSuppliers.map(idOf))} (${listing(fromOrigin)}) to ${listing(newSuppliers.map(idOf))} declaring origin ${listing(toOrigin)}`,
          evidence: evidence([...importers, ...oldSuppliers, ...newSuppliers], [], declarations),
        },
        {
          name: 'lower_duty_origin',
          value: clamp01(gap / 0.1),
          weight: 0.35,
          description: `the new origin pays ${Math.round(gap * 100)} percentage points less duty`,
          evidence: evidence(newSuppliers, [], declarations),
        },
        {
          name: 'share_rerouted',
          value: clamp01(after.length / Math.max(1, after.length + before)),
          weight: 0.2,
          description: `${after.length} lines came by the new route after ${before} by the old`,
          evidence: evidence(importers, [], declarations),
        },
      ],
      revenueAtRisk,
    });
  }
  return rings.sort(byMembers);
}
