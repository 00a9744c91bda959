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
  percent,
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
  })
  .strict();
export type OriginMisdeclarationOptions = z.infer<typeof Options>;

export const DEFAULTS: OriginMisdeclarationOptions = { minLinesEachSide: 2, minImporters: 2, minDutyGap: 0.02 };

interface SupplierUse {
  lines: number[];
  first: string;
  last: string;
  origin: string;
}

interface Switch {
  importer: string;
  from: string;
  to: string;
  heading: string;
  after: number[];
}

export function detect(view: DetectionView, options: Partial<OriginMisdeclarationOptions> = {}): CandidateRing[] {
  assertView('origin_misdeclaration', view);
  const o = parseOptions('origin_misdeclaration', Options, DEFAULTS, options);
  const { lines } = view;
  // importer|heading → supplier → its lines (lines come in date order).
  const uses = new Map<string, Map<string, SupplierUse>>();
  for (let i = 0; i < lines.size; i++) {
    const s = lines.supplier[i] ?? -1;
    const m = lines.importer[i] ?? -1;
    const origin = lines.origin[i];
    if (s < 0 || m < 0 || !origin) continue;
    const key = `${lines.partyKeys[m]}\t${hsHeading(lines.hsCode[i] ?? '')}`;
    let bySupplier = uses.get(key);
    if (!bySupplier) uses.set(key, (bySupplier = new Map()));
    const supplier = lines.partyKeys[s]!;
    const use = bySupplier.get(supplier);
    if (use) {
      use.lines.push(i);
      use.last = lines.date[i]!;
    } else bySupplier.set(supplier, { lines: [i], first: lines.date[i]!, last: lines.date[i]!, origin });
  }
  const rate = (heading: string, origin: string): number | null => view.dutyRates.get(`${heading}|${origin}`) ?? null;
  const switches: Switch[] = [];
  for (const [key, bySupplier] of [...uses].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [importer, heading] = key.split('\t') as [string, string];
    const suppliers = [...bySupplier].filter(([, u]) => u.lines.length >= o.minLinesEachSide);
    for (const [from, old] of suppliers) {
      for (const [to, next] of suppliers) {
        if (from === to || old.origin === next.origin || old.last > next.first) continue;
        const oldRate = rate(heading, old.origin);
        const newRate = rate(heading, next.origin);
        if (oldRate === null || newRate === null || oldRate - newRate < o.minDutyGap) continue;
        switches.push({ importer, from, to, heading, after: next.lines });
      }
    }
  }
  // Importers switching away from the same supplier in the same goods form one scheme.
  const groups = new UnionFind();
  for (const s of switches) {
    groups.union(`${s.from}\t${s.heading}`, s.importer);
    groups.union(s.importer, s.to);
  }
  const rings: CandidateRing[] = [];
  for (const group of groups.groups()) {
    const set = new Set(group);
    const mine = switches.filter((s) => set.has(s.importer));
    const importers = [...new Set(mine.map((s) => s.importer))].sort();
    if (importers.length < o.minImporters) continue;
    const oldSuppliers = [...new Set(mine.map((s) => s.from))].sort();
    const newSuppliers = [...new Set(mine.map((s) => s.to))].filter((k) => !oldSuppliers.includes(k)).sort();
    const heading = mine[0]!.heading;
    const after = [...new Set(mine.flatMap((s) => s.after))].sort((a, b) => a - b);
    const fromOrigin = [...new Set(mine.map((s) => uses.get(`${s.importer}\t${s.heading}`)?.get(s.from)?.origin ?? ''))].sort();
    const toOrigin = [...new Set(after.map((i) => lines.origin[i] ?? ''))].sort();
    let revenueAtRisk = 0;
    let gapSum = 0;
    for (const i of after) {
      const oldRate = Math.max(...fromOrigin.map((c) => rate(heading, c) ?? 0));
      const newRate = rate(heading, lines.origin[i] ?? '') ?? oldRate;
      revenueAtRisk += Math.max(0, oldRate - newRate) * (lines.customsValue[i] ?? 0);
      gapSum += Math.max(0, oldRate - newRate);
    }
    const gap = after.length > 0 ? gapSum / after.length : 0;
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
          value: clamp01(importers.length / 4),
          weight: 0.45,
          description: `${importers.length} importers of HS ${heading} switched from supplier ${listing(oldSuppliers.map(idOf))} (${listing(fromOrigin)}) to ${listing(newSuppliers.map(idOf))} declaring origin ${listing(toOrigin)}`,
          evidence: evidence([...importers, ...oldSuppliers, ...newSuppliers], [], declarations),
        },
        {
          name: 'lower_duty_origin',
          value: clamp01(gap / 0.1),
          weight: 0.35,
          description: `the new origin pays ${percent(gap)} points less duty`,
          evidence: evidence(newSuppliers, [], declarations),
        },
        {
          name: 'share_rerouted',
          value: clamp01(after.length / Math.max(1, after.length + mine.length)),
          weight: 0.2,
          description: `${after.length} lines came by the new route`,
          evidence: evidence(importers, [], declarations),
        },
      ],
      revenueAtRisk,
    });
  }
  return rings.sort(byMembers);
}
