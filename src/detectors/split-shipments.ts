// Split shipments: bursts of lines just under the de-minimis value from one supplier to the same
// consignees (or importers) inside a short window — one consignment cut up so none pays duty.
// Every burst of one supplier belongs to one scheme.
import { z } from 'zod';
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
import { daysBetween } from './dates.ts';
import { dutyRateOf } from './duty.ts';
import { assertView, parseOptions } from './input.ts';
import { idOf, listing } from './phrasing.ts';

const Options = z
  .object({
    windowDays: z.number().positive(),
    minLines: z.number().int().min(2),
    /** The value below which a consignment pays no duty (the EU de-minimis is 150 EUR). */
    deMinimisValue: z.number().positive(),
    /** Lines between this fraction of the de-minimis and the de-minimis sit "just under" it. */
    justUnderFraction: z.number().min(0).max(1),
    weights: z
      .object({
        low_value_burst: IndicatorWeight,
        repeated_bursts: IndicatorWeight,
        combined_value: IndicatorWeight,
      })
      .strict(),
  })
  .strict();
export type SplitShipmentsOptions = z.infer<typeof Options>;

export const DEFAULTS: SplitShipmentsOptions = {
  windowDays: 7,
  minLines: 4,
  deMinimisValue: 150,
  justUnderFraction: 0.5,
  weights: { low_value_burst: 0.4, repeated_bursts: 0.3, combined_value: 0.3 },
};

/** Runs of at least `minLines` lines (sorted by date) that each fit in the window, without overlap. */
function bursts(view: DetectionView, idx: number[], windowDays: number, minLines: number): number[][] {
  const found: number[][] = [];
  let start = 0;
  while (start < idx.length) {
    let end = start;
    while (
      end + 1 < idx.length &&
      daysBetween(view.lines.date[idx[start]!]!, view.lines.date[idx[end + 1]!]!) <= windowDays
    )
      end++;
    if (end - start + 1 >= minLines) {
      found.push(idx.slice(start, end + 1));
      start = end + 1;
    } else start++;
  }
  return found;
}

export function detect(view: DetectionView, options: Partial<SplitShipmentsOptions> = {}): CandidateRing[] {
  assertView('split_shipments', view);
  const o = parseOptions('split_shipments', Options, DEFAULTS, options);
  const { lines } = view;
  const threshold = o.deMinimisValue;
  const flows = new Map<string, number[]>();
  for (let i = 0; i < lines.size; i++) {
    const value = lines.customsValue[i] ?? Infinity;
    if (value >= threshold || value < threshold * o.justUnderFraction) continue;
    const s = lines.supplier[i] ?? -1;
    const receiver = (lines.consignee[i] ?? -1) >= 0 ? lines.consignee[i]! : (lines.importer[i] ?? -1);
    if (s < 0 || receiver < 0) continue;
    const key = `${lines.partyKeys[s]}\t${lines.partyKeys[receiver]}`;
    (flows.get(key) ?? flows.set(key, []).get(key)!).push(i);
  }
  // Every burst to every receiver, gathered per supplier: one consignment split many ways.
  const bySupplier = new Map<string, { receivers: Set<string>; bursts: number[][] }>();
  for (const [key, idx] of [...flows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const found = bursts(view, idx, o.windowDays, o.minLines);
    if (found.length === 0) continue;
    const [supplier, receiver] = key.split('\t') as [string, string];
    let entry = bySupplier.get(supplier);
    if (!entry) bySupplier.set(supplier, (entry = { receivers: new Set(), bursts: [] }));
    entry.receivers.add(receiver);
    entry.bursts.push(...found);
  }
  const rings: CandidateRing[] = [];
  for (const [supplier, { receivers, bursts: found }] of bySupplier) {
    const burstLines = found.flat().sort((a, b) => a - b);
    const receiverKeys = [...receivers].sort();
    const importers = [...new Set(burstLines.map((i) => lines.partyKeys[lines.importer[i] ?? -1]!))]
      .filter((k) => k && !receivers.has(k))
      .sort();
    const total = burstLines.reduce((s, i) => s + (lines.customsValue[i] ?? 0), 0);
    const declarations = burstLines.map((i) => declarationOf(view, i));
    const longest = Math.max(...found.map((b) => daysBetween(lines.date[b[0]!]!, lines.date[b.at(-1)!]!)));
    const biggest = Math.max(...found.map((b) => b.length));
    rings.push({
      typology: 'split_shipments',
      members: [
        member(supplier, 'supplier'),
        ...receiverKeys.map((k) => member(k, k.startsWith('Consignee:') ? 'consignee' : 'importer')),
        ...importers.map((k) => member(k, 'importer')),
      ],
      indicators: [
        {
          name: 'low_value_burst',
          value: clamp01(biggest / (o.minLines * 2)),
          weight: o.weights.low_value_burst,
          description: `${found.length} burst${found.length === 1 ? '' : 's'} of up to ${biggest} lines under ${Math.round(threshold)} each from supplier ${idOf(supplier)} to ${listing(receiverKeys.map(idOf))}, each within ${Math.round(longest)} days`,
          evidence: evidence([supplier, ...receiverKeys, ...importers], [], declarations),
        },
        {
          name: 'repeated_bursts',
          value: clamp01(found.length / 3),
          weight: o.weights.repeated_bursts,
          description: `${burstLines.length} low-value lines in ${found.length} bursts`,
          evidence: evidence([supplier], [], declarations),
        },
        {
          name: 'combined_value',
          value: clamp01(total / (threshold * o.minLines * 2)),
          weight: o.weights.combined_value,
          description: `together they are worth ${Math.round(total)}, ${(total / threshold).toFixed(1)} times the threshold`,
          evidence: evidence([supplier, ...receiverKeys], [], declarations),
        },
      ],
      revenueAtRisk: burstLines.reduce((s, i) => s + (lines.customsValue[i] ?? 0) * dutyRateOf(view, i), 0),
    });
  }
  return rings.sort(byMembers);
}
