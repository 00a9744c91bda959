// Split shipments: many low-value lines from one supplier to one consignee (or importer) inside
// a short window — one consignment cut up to stay under a value threshold. The threshold is a
// low quantile of all line values unless given.
import { z } from 'zod';
import { quantile } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';
import {
  assertView,
  byMembers,
  clamp01,
  daysBetween,
  declarationOf,
  dutyRateOf,
  evidence,
  idOf,
  member,
  parseOptions,
  type CandidateRing,
} from './common.ts';

const Options = z
  .object({
    windowDays: z.number().positive(),
    minLines: z.number().int().min(2),
    /** Lines at or below this value are low-value; null = the `lowValueQuantile` of all lines. */
    lowValueThreshold: z.number().positive().nullable(),
    lowValueQuantile: z.number().min(0).max(1),
  })
  .strict();
export type SplitShipmentsOptions = z.infer<typeof Options>;

export const DEFAULTS: SplitShipmentsOptions = { windowDays: 7, minLines: 5, lowValueThreshold: null, lowValueQuantile: 0.1 };

/** The densest run of lines (sorted by date) that fits in the window. */
function densestWindow(view: DetectionView, idx: number[], windowDays: number): number[] {
  let best: number[] = [];
  let start = 0;
  for (let end = 0; end < idx.length; end++) {
    while (daysBetween(view.lines.date[idx[start]!]!, view.lines.date[idx[end]!]!) > windowDays) start++;
    if (end - start + 1 > best.length) best = idx.slice(start, end + 1);
  }
  return best;
}

export function detect(view: DetectionView, options: Partial<SplitShipmentsOptions> = {}): CandidateRing[] {
  assertView('split_shipments', view);
  const o = parseOptions('split_shipments', Options, DEFAULTS, options);
  const { lines } = view;
  const threshold = o.lowValueThreshold ?? quantile(lines.customsValue, o.lowValueQuantile);
  const flows = new Map<string, number[]>();
  for (let i = 0; i < lines.size; i++) {
    if (!((lines.customsValue[i] ?? Infinity) <= threshold)) continue;
    const s = lines.supplier[i] ?? -1;
    const receiver = (lines.consignee[i] ?? -1) >= 0 ? lines.consignee[i]! : (lines.importer[i] ?? -1);
    if (s < 0 || receiver < 0) continue;
    const key = `${lines.partyKeys[s]}\t${lines.partyKeys[receiver]}`;
    (flows.get(key) ?? flows.set(key, []).get(key)!).push(i);
  }
  const rings: CandidateRing[] = [];
  for (const [key, idx] of [...flows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (idx.length < o.minLines) continue;
    const burst = densestWindow(view, idx, o.windowDays);
    if (burst.length < o.minLines) continue;
    const [supplier, receiver] = key.split('\t') as [string, string];
    const importers = [...new Set(burst.map((i) => lines.partyKeys[lines.importer[i] ?? -1]!))].filter((k) => k && k !== receiver).sort();
    const total = burst.reduce((s, i) => s + (lines.customsValue[i] ?? 0), 0);
    const declarations = burst.map((i) => declarationOf(view, i));
    const days = daysBetween(lines.date[burst[0]!]!, lines.date[burst.at(-1)!]!);
    rings.push({
      typology: 'split_shipments',
      members: [
        member(supplier, 'supplier'),
        member(receiver, receiver.startsWith('Consignee:') ? 'consignee' : 'importer'),
        ...importers.map((k) => member(k, 'importer')),
      ],
      indicators: [
        {
          name: 'low_value_burst',
          value: clamp01(burst.length / (o.minLines * 2)),
          weight: 0.6,
          description: `${burst.length} lines under ${Math.round(threshold)} each from supplier ${idOf(supplier)} to ${idOf(receiver)} within ${Math.round(days)} days`,
          evidence: evidence([supplier, receiver, ...importers], [], declarations),
        },
        {
          name: 'combined_value',
          value: clamp01(total / (threshold * o.minLines * 2)),
          weight: 0.4,
          description: `together they are worth ${Math.round(total)}, ${(total / threshold).toFixed(1)} times the threshold`,
          evidence: evidence([supplier, receiver], [], declarations),
        },
      ],
      revenueAtRisk: burst.reduce((s, i) => s + (lines.customsValue[i] ?? 0) * dutyRateOf(view, i), 0),
    });
  }
  return rings.sort(byMembers);
}
