// Split shipments: one consignment cut into lines just under a threshold — the administration's
// de-minimis value, or a round value the declared values heap below — arriving in bursts of a
// few days at one receiver (a consignee, or firms sharing a specific address or phone), often
// through several importers of record. Every burst of one supplier or receiver is one scheme.
import { z } from 'zod';
import { UnionFind } from '../graph/union-find.ts';
import type { DetectionView } from '../graph/view.ts';
import { DEFAULT_PROFILE, deMinimisValues, type AdministrationProfile } from '../model/profile.ts';
import { byMembers, type CandidateRing, IndicatorWeight } from './candidate.ts';
import { daysBetween } from './dates.ts';
import { assertView, parseOptions } from './input.ts';
import { businessCentres, listedParties } from './profile-parties.ts';
import { splitRing, type SplitScheme, type Threshold } from './split-ring.ts';
import { valueHeaps } from './value-heaps.ts';

const Options = z
  .object({
    windowDays: z.number().positive(),
    minLines: z.number().int().min(2),
    /** De-minimis values in the declarations' currency (from the administration profile). */
    deMinimis: z.array(z.number().positive()),
    /** Also split under round values the declared values heap below (value-heaps.ts). */
    revealHeaps: z.boolean(),
    heapWidth: z.number().gt(0).lt(1),
    minHeapLines: z.number().int().min(1),
    minHeapRatio: z.number().min(1),
    minHeapZ: z.number().min(0),
    /** Lines between this fraction of a threshold and the threshold sit "just under" it. */
    justUnderFraction: z.number().min(0).max(1),
    /** An address or phone held by more receivers than this is no convergence point. */
    maxPointHolders: z.number().int().min(2),
    /** From the profile: addresses of business centres and big forwarders (never a point or member). */
    businessCentreAddresses: z.array(z.string()),
    bigForwarders: z.array(z.string()),
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

/** The facts of an administration this detector reads. */
export function profileOptions(profile: AdministrationProfile): Partial<SplitShipmentsOptions> {
  return {
    deMinimis: deMinimisValues(profile),
    businessCentreAddresses: profile.businessCentreAddresses,
    bigForwarders: profile.bigForwarders,
  };
}

export const DEFAULTS: SplitShipmentsOptions = {
  windowDays: 7,
  minLines: 4,
  revealHeaps: true,
  heapWidth: 0.1,
  minHeapLines: 30,
  minHeapRatio: 3,
  minHeapZ: 6,
  justUnderFraction: 0.5,
  maxPointHolders: 6,
  weights: { low_value_burst: 0.4, repeated_bursts: 0.3, combined_value: 0.3 },
  ...(profileOptions(DEFAULT_PROFILE) as Pick<
    SplitShipmentsOptions,
    'deMinimis' | 'businessCentreAddresses' | 'bigForwarders'
  >),
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

/** The profile's de-minimis values and, unless switched off, the round values the data heaps below. */
function thresholds(view: DetectionView, o: SplitShipmentsOptions): Threshold[] {
  const out: Threshold[] = o.deMinimis.map((value) => ({ value, source: 'profile' as const }));
  if (o.revealHeaps) {
    for (const heap of valueHeaps(view.lines, o)) {
      if (o.deMinimis.some((d) => Math.abs(d - heap.threshold) <= d * 0.01)) continue;
      out.push({ value: heap.threshold, source: 'data', below: heap.below, above: heap.above });
    }
  }
  return out.sort((a, b) => a.value - b.value);
}

/**
 * Where split lines converge: receivers (consignees, else importers) sharing a specific address
 * or phone are one point; business centres and identifiers of many holders join nobody.
 */
function convergencePoints(view: DetectionView, o: SplitShipmentsOptions): UnionFind {
  const points = new UnionFind();
  const centres = businessCentres(view, o.businessCentreAddresses);
  for (const [key, shared] of view.identifiers) {
    if ((shared.kind !== 'address' && shared.kind !== 'phone') || centres.has(key)) continue;
    if (shared.holders.length > o.maxPointHolders) continue;
    const receivers = shared.holders
      .map((h) => h.key)
      .filter((k) => k.startsWith('Consignee:') || k.startsWith('Importer:'));
    for (const k of receivers.slice(1)) points.union(receivers[0]!, k);
  }
  return points;
}

/** Lines just under a threshold, per convergence point and supplier, each with its threshold. */
function lowValueFlows(
  view: DetectionView,
  o: SplitShipmentsOptions,
  limits: readonly Threshold[],
  excluded: ReadonlySet<string>,
): { flows: Map<string, number[]>; thresholdOf: Map<number, Threshold> } {
  const { lines } = view;
  const points = convergencePoints(view, o);
  const flows = new Map<string, number[]>();
  const thresholdOf = new Map<number, Threshold>();
  for (let i = 0; i < lines.size; i++) {
    const value = lines.customsValue[i] ?? Number.NaN;
    const limit = limits.find((t) => value < t.value && value >= t.value * o.justUnderFraction);
    if (!limit) continue;
    const c = lines.consignee[i] ?? -1;
    const receiver = c >= 0 ? c : (lines.importer[i] ?? -1);
    if (receiver < 0 || excluded.has(lines.partyKeys[receiver]!)) continue;
    const s = lines.supplier[i] ?? -1;
    const key = `${points.find(lines.partyKeys[receiver]!)}\t${s >= 0 ? lines.partyKeys[s] : ''}`;
    (flows.get(key) ?? flows.set(key, []).get(key)!).push(i);
    thresholdOf.set(i, limit);
  }
  return { flows, thresholdOf };
}

export function detect(view: DetectionView, options: Partial<SplitShipmentsOptions> = {}): CandidateRing[] {
  assertView('split_shipments', view);
  const o = parseOptions('split_shipments', Options, DEFAULTS, options);
  const { lines } = view;
  const forwarders = listedParties(view, o.bigForwarders);
  const { flows, thresholdOf } = lowValueFlows(view, o, thresholds(view, o), forwarders);
  // Bursts gathered per scheme: flows sharing a supplier or a convergence point.
  const groups = new UnionFind();
  const found = new Map<string, number[][]>();
  for (const [key, idx] of [...flows].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    idx.sort((a, b) => (lines.date[a]! < lines.date[b]! ? -1 : lines.date[a]! > lines.date[b]! ? 1 : a - b));
    const runs = bursts(view, idx, o.windowDays, o.minLines);
    if (runs.length === 0) continue;
    const [point, supplier] = key.split('\t') as [string, string];
    groups.find(`P\t${point}`);
    if (supplier) groups.union(`P\t${point}`, `S\t${supplier}`);
    found.set(key, runs);
  }
  const schemes = new Map<string, SplitScheme>();
  for (const [key, runs] of found) {
    const root = groups.find(`P\t${key.split('\t')[0]!}`);
    let scheme = schemes.get(root);
    if (!scheme) schemes.set(root, (scheme = { bursts: [], thresholds: new Map() }));
    scheme.bursts.push(...runs);
    for (const i of runs.flat()) scheme.thresholds.set(thresholdOf.get(i)!.value, thresholdOf.get(i)!);
  }
  return [...schemes.values()].map((s) => splitRing(view, s, forwarders, o)).sort(byMembers);
}
