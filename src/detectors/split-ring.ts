// One split-shipment scheme as a candidate ring: its suppliers, the receivers the bursts
// converge on and the importers of record, with the thresholds the lines sit under and where
// each threshold comes from (the administration's de-minimis, or a heap in the declared values).
import type { DetectionView } from '../graph/view.ts';
import { clamp01, declarationOf, evidence, member, type CandidateRing } from './candidate.ts';
import { daysBetween } from './dates.ts';
import { dutyRateOf } from './duty.ts';
import { idOf, listing } from './phrasing.ts';

export interface Threshold {
  value: number;
  source: 'profile' | 'data';
  /** For a threshold read from the data: lines in the bands just below and just above it. */
  below?: number;
  above?: number;
}

export interface SplitScheme {
  bursts: number[][];
  thresholds: Map<number, Threshold>;
}

interface RingWeights {
  minLines: number;
  weights: { low_value_burst: number; repeated_bursts: number; combined_value: number };
}

function describeThresholds(thresholds: readonly Threshold[]): string {
  return listing(
    thresholds.map((t) =>
      t.source === 'profile'
        ? `the de-minimis value ${Math.round(t.value)}`
        : `${Math.round(t.value)}, a threshold the declared values reveal (${t.below} lines just under it, ${t.above} just over)`,
    ),
  );
}

/** Party keys of one column over the lines, sorted, without the excluded ones. */
function partiesOf(
  view: DetectionView,
  col: Int32Array,
  idx: readonly number[],
  excluded: ReadonlySet<string>,
): string[] {
  const keys = new Set<string>();
  for (const i of idx) {
    const p = col[i] ?? -1;
    if (p >= 0 && !excluded.has(view.lines.partyKeys[p]!)) keys.add(view.lines.partyKeys[p]!);
  }
  return [...keys].sort();
}

export function splitRing(
  view: DetectionView,
  scheme: SplitScheme,
  forwarders: ReadonlySet<string>,
  o: RingWeights,
): CandidateRing {
  const { lines } = view;
  const found = scheme.bursts;
  const burstLines = found.flat().sort((a, b) => a - b);
  const receiverOf = (i: number): number =>
    (lines.consignee[i] ?? -1) >= 0 ? lines.consignee[i]! : lines.importer[i]!;
  const receivers = [...new Set(burstLines.map((i) => lines.partyKeys[receiverOf(i)]!))].sort();
  const suppliers = partiesOf(view, lines.supplier, burstLines, forwarders);
  const importers = partiesOf(view, lines.importer, burstLines, new Set([...forwarders, ...receivers]));
  const limits = [...scheme.thresholds.values()].sort((a, b) => a.value - b.value);
  const threshold = limits[0]!.value;
  const total = burstLines.reduce((s, i) => s + (lines.customsValue[i] ?? 0), 0);
  const declarations = burstLines.map((i) => declarationOf(view, i));
  const longest = Math.max(...found.map((b) => daysBetween(lines.date[b[0]!]!, lines.date[b.at(-1)!]!)));
  const biggest = Math.max(...found.map((b) => b.length));
  const parties = [...suppliers, ...receivers, ...importers];
  const from = suppliers.length > 0 ? ` from supplier ${listing(suppliers.map(idOf))}` : '';
  const through = importers.length > 1 ? ` through ${importers.length} importers of record` : '';
  return {
    typology: 'split_shipments',
    members: [
      ...suppliers.map((k) => member(k, 'supplier')),
      ...receivers.map((k) => member(k, k.startsWith('Consignee:') ? 'consignee' : 'importer')),
      ...importers.map((k) => member(k, 'importer')),
    ],
    indicators: [
      {
        name: 'low_value_burst',
        value: clamp01(biggest / (o.minLines * 2)),
        weight: o.weights.low_value_burst,
        description: `${found.length} burst${found.length === 1 ? '' : 's'} of up to ${biggest} lines just under ${describeThresholds(limits)}${from} to ${listing(receivers.map(idOf))}${through}, each within ${Math.round(longest)} days`,
        evidence: evidence(parties, [], declarations),
      },
      {
        name: 'repeated_bursts',
        value: clamp01(found.length / 3),
        weight: o.weights.repeated_bursts,
        description: `${burstLines.length} low-value lines in ${found.length} bursts`,
        evidence: evidence([...suppliers, ...receivers], [], declarations),
      },
      {
        name: 'combined_value',
        value: clamp01(total / (threshold * o.minLines * 2)),
        weight: o.weights.combined_value,
        description: `together they are worth ${Math.round(total)}, ${(total / threshold).toFixed(1)} times the threshold`,
        evidence: evidence([...suppliers, ...receivers], [], declarations),
      },
    ],
    revenueAtRisk: burstLines.reduce((s, i) => s + (lines.customsValue[i] ?? 0) * dutyRateOf(view, i), 0),
  };
}
