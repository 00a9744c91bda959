// Undervaluation: unit values persistently below the robust median for the same HS heading and
// origin. The bias is judged per supplier and per importer buying from it: a supplier whose
// invoices sit far below the market for its importers, with those importers, is a ring. Revenue
// at risk = shortfall against the median × duty rate.
import { z } from 'zod';
import { median } from '../graph/robust.ts';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView } from '../graph/view.ts';
import {
  assertView,
  byMembers,
  clamp01,
  declarationOf,
  describeParties,
  dutyShortfall,
  evidence,
  idOf,
  listing,
  member,
  parseOptions,
  percent,
  type CandidateRing,
} from './common.ts';
import { hsHeading } from '../graph/view.ts';

const Options = z
  .object({
    /** Fewest lines with a known unit value before a supplier's or importer's bias is judged. */
    minLines: z.number().int().min(1),
    /** A line counts as low when its robust z-score is at or below this. */
    lowZ: z.number(),
    /** Median z-score of the supplier's lines must be at or below this. */
    maxMedianZ: z.number(),
    /** Share of low lines for the supplier, and for each importer's lines from it. */
    minShareBelow: z.number().min(0).max(1),
    minImporters: z.number().int().min(1),
  })
  .strict();
export type UndervaluationOptions = z.infer<typeof Options>;

export const DEFAULTS: UndervaluationOptions = {
  minLines: 4,
  lowZ: -1,
  maxMedianZ: -1.5,
  minShareBelow: 0.6,
  minImporters: 3,
};

interface Flow {
  lines: number[];
  low: number[];
  zs: number[];
}

function flowOf(map: Map<string, Flow>, key: string): Flow {
  let f = map.get(key);
  if (!f) map.set(key, (f = { lines: [], low: [], zs: [] }));
  return f;
}

export function detect(view: DetectionView, options: Partial<UndervaluationOptions> = {}): CandidateRing[] {
  assertView('undervaluation', view);
  const o = parseOptions('undervaluation', Options, DEFAULTS, options);
  const { lines } = view;
  const bySupplier = new Map<string, Flow>();
  const byPair = new Map<string, Flow>();
  for (let i = 0; i < lines.size; i++) {
    const z = lines.unitValueZScore[i] ?? Number.NaN;
    const s = lines.supplier[i] ?? -1;
    const m = lines.importer[i] ?? -1;
    if (Number.isNaN(z) || s < 0 || m < 0) continue;
    const supplier = lines.partyKeys[s]!;
    for (const flow of [flowOf(bySupplier, supplier), flowOf(byPair, `${supplier}\t${lines.partyKeys[m]!}`)]) {
      flow.lines.push(i);
      flow.zs.push(z);
      if (z <= o.lowZ) flow.low.push(i);
    }
  }
  const biased = (f: Flow): boolean =>
    f.lines.length >= o.minLines && f.low.length / f.lines.length >= o.minShareBelow && median(f.zs) <= o.maxMedianZ;
  const complicit = new Set([...bySupplier].filter(([, f]) => biased(f)).map(([k]) => k));
  const groups = new UnionFind();
  const ringPairs: [string, string, Flow][] = [];
  for (const [pair, flow] of [...byPair].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [supplier, importer] = pair.split('\t') as [string, string];
    if (!complicit.has(supplier) || flow.low.length / flow.lines.length < o.minShareBelow || flow.low.length < 2) continue;
    groups.union(supplier, importer);
    ringPairs.push([supplier, importer, flow]);
  }
  const rings: CandidateRing[] = [];
  for (const group of groups.groups()) {
    const set = new Set(group);
    const pairs = ringPairs.filter(([s]) => set.has(s));
    const importers = [...new Set(pairs.map(([, m]) => m))].sort();
    const suppliers = [...new Set(pairs.map(([s]) => s))].sort();
    if (importers.length < o.minImporters) continue;
    const all = pairs.flatMap(([, , f]) => f.lines);
    const low = pairs.flatMap(([, , f]) => f.low);
    const ratios = low.map((i) => (lines.customsValue[i] ?? 0) / (lines.expectedValue[i] ?? 1));
    const below = 1 - median(ratios);
    const headings = new Map<string, number>();
    for (const i of low) headings.set(hsHeading(lines.hsCode[i] ?? ''), (headings.get(hsHeading(lines.hsCode[i] ?? '')) ?? 0) + 1);
    const heading = [...headings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
    const declarations = low.map((i) => declarationOf(view, i));
    const perImporter = importers.map((m) => {
      const flows = pairs.filter(([, x]) => x === m).map(([, , f]) => f);
      return flows.reduce((s, f) => s + f.low.length, 0) / Math.max(1, flows.reduce((s, f) => s + f.lines.length, 0));
    });
    rings.push({
      typology: 'undervaluation',
      members: [...importers.map((k) => member(k, 'importer')), ...suppliers.map((k) => member(k, 'supplier'))],
      indicators: [
        {
          name: 'unit_value_below_median',
          value: clamp01(below / 0.5),
          weight: 0.45,
          description: `unit values are ${percent(below)} below the HS ${heading} median`,
          evidence: evidence([...importers, ...suppliers], [], declarations),
        },
        {
          name: 'persistent_bias',
          value: median(perImporter),
          weight: 0.35,
          description: `${percent(low.length / all.length)} of the ${all.length} lines ${describeParties(importers)} bought from supplier ${listing(suppliers.map(idOf))} are declared below the usual unit value`,
          evidence: evidence(importers, [], declarations),
        },
        {
          name: 'shared_supplier',
          value: clamp01((importers.length - 1) / 3),
          weight: 0.2,
          description: `${importers.length} importers show the same bias with the same supplier`,
          evidence: evidence([...importers, ...suppliers]),
        },
      ],
      revenueAtRisk: low.reduce((s, i) => s + dutyShortfall(view, i), 0),
    });
  }
  return rings.sort(byMembers);
}
