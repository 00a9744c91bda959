// Undervaluation through partners whose own bias is mild: suppliers whose low invoices converge
// on one small consignee, and distributors (consignees) receiving a few importers' goods whose
// lines, together, sit below the market though no one firm's do clearly enough to judge alone.
import { median } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';
import type { UndervaluationOptions } from './undervaluation.ts';
import { type Candidate, type MarketFlow, marketRatios } from './undervaluation-market.ts';
import type { SupplierFlow } from './undervaluation-flows.ts';

export interface Flow {
  lines: number[];
  low: number[];
  zs: number[];
  ratios: number[];
}

export function emptyFlow(): Flow {
  return { lines: [], low: [], zs: [], ratios: [] };
}

/** Share of a supplier's buyers whose own median ratio with it is at or below `limit`. */
export function biasedBuyerShare(lines: DetectionView['lines'], f: SupplierFlow, limit: number): number {
  const byBuyer = new Map<number, number[]>();
  for (let n = 0; n < f.lines.length; n++) {
    const m = lines.importer[f.lines[n]!] ?? -1;
    const ratios = byBuyer.get(m);
    if (ratios) ratios.push(f.ratios[n]!);
    else byBuyer.set(m, [f.ratios[n]!]);
  }
  let biased = 0;
  for (const r of byBuyer.values()) if (median(r) <= limit) biased++;
  return biased / Math.max(1, byBuyer.size);
}

/** Mildly biased suppliers whose lines from several importers converge on one small consignee. */
export function convergingSuppliers(
  view: DetectionView,
  bySupplier: ReadonlyMap<number, SupplierFlow>,
  o: UndervaluationOptions,
  /** Suppliers biased enough on their own need no convergence. */
  strong: ReadonlySet<number>,
): Set<number> {
  const { lines, graph } = view;
  const out = new Set<number>();
  // Lines per consignee, counted in one array for every supplier (zeroed again after each).
  const perConsignee = new Int32Array(lines.partyKeys.length);
  for (const [s, f] of bySupplier) {
    if (f.lines.length < o.minLines || strong.has(s)) continue;
    // Convergence first: it is one counting pass, and most suppliers fail it. The top consignee
    // is the one with most lines, the lowest index among equals.
    let top = -1;
    let count = 0;
    for (const c of f.consignees) {
      if (c < 0) continue;
      const k = ++perConsignee[c]!;
      if (k > count || (k === count && c < top)) {
        top = c;
        count = k;
      }
    }
    for (const c of f.consignees) if (c >= 0) perConsignee[c] = 0;
    if (top < 0 || count / f.lines.length < o.minConsigneeShare) continue;
    if (median(f.ratios) > o.maxConvergingRatio) continue;
    if (biasedBuyerShare(lines, f, o.maxConvergingRatio) < o.minBiasedBuyerShare) continue;
    if (-median(f.zs) * Math.sqrt(f.lines.length) < o.minSignificance) continue;
    const buyers = new Set<number>();
    for (const i of f.lines) buyers.add(lines.importer[i]!);
    if (buyers.size < o.minImporters) continue;
    const key = lines.partyKeys[top]!;
    const served = graph.hasNode(key)
      ? graph.filterNeighbors(key, (_n, a) => a.label === 'Importer').length
      : 0;
    if (served <= o.maxPartnerImporters) out.add(s);
  }
  return out;
}

/**
 * The valued lines (an importer, a z-score, an expected value) of each consignee, in line order:
 * consignee c's are at[start[c]] … at[start[c + 1] − 1]; consignees in the order of their first
 * such line. And each supplier's valued lines, to every consignee.
 */
function consigneeLines(lines: DetectionView['lines']): {
  order: number[];
  start: Int32Array;
  at: Int32Array;
  supplierLines: Int32Array;
} {
  const parties = lines.partyKeys.length;
  const valued = (i: number): boolean =>
    lines.importer[i]! >= 0 && !Number.isNaN(lines.unitValueZScore[i]!) && lines.expectedValue[i]! > 0;
  const supplierLines = new Int32Array(parties);
  const start = new Int32Array(parties + 1);
  const order: number[] = [];
  for (let i = 0; i < lines.size; i++) {
    if (!valued(i)) continue;
    const s = lines.supplier[i]!;
    if (s >= 0) supplierLines[s]! += 1;
    const c = lines.consignee[i]!;
    if (c < 0) continue;
    if (start[c + 1] === 0) order.push(c);
    start[c + 1]! += 1;
  }
  for (let p = 0; p < parties; p++) start[p + 1]! += start[p]!;
  const at = new Int32Array(start[parties]!);
  const next = start.slice(0, parties);
  for (let i = 0; i < lines.size; i++) {
    const c = lines.consignee[i]!;
    if (c >= 0 && valued(i)) at[next[c]!++] = i;
  }
  return { order, start, at, supplierLines };
}

/**
 * A distributor's complicit suppliers (in the order of their first line to it): each sells to two
 * or more of its importers and sends at least `minConsigneeShare` of all its lines to it; with
 * the lines they sent it.
 */
function complicitSuppliers(
  lines: DetectionView['lines'],
  received: Int32Array,
  supplierLines: Int32Array,
  o: UndervaluationOptions,
): { suppliers: Set<number>; lines: number } {
  const bought = new Map<number, { lines: number; importers: Set<number> }>();
  for (const i of received) {
    const s = lines.supplier[i]!;
    if (s < 0) continue;
    let entry = bought.get(s);
    if (!entry) bought.set(s, (entry = { lines: 0, importers: new Set() }));
    entry.lines++;
    entry.importers.add(lines.importer[i]!);
  }
  let shared = 0;
  const suppliers = new Set<number>();
  for (const [s, entry] of bought) {
    // A complicit supplier sells to several of the distributor's importers, and mostly for it.
    if (entry.importers.size < 2 || entry.lines < o.minConsigneeShare * supplierLines[s]!) continue;
    shared += entry.lines;
    suppliers.add(s);
  }
  return { suppliers, lines: shared };
}

/**
 * Consignees organising a shallow undervaluation: serving from `minImporters` to
 * `maxPartnerImporters` importers (not a retail hub, not a listed forwarder), their lines' median
 * ratio at or below `maxConvergingRatio` and standing out by `minSignificance`, and most of their
 * lines (`minSharedSupplierShare`) invoiced by suppliers that sell to several of their importers
 * and send at least `minConsigneeShare` of all their lines to it: the complicit suppliers. A retail
 * chain's importers each bring their own suppliers; cheap buyers meeting at one consignee buy
 * from market suppliers that sell to everyone. A distributor with that structure whose lines are
 * only a little below the market is judged against the market without its suppliers
 * (undervaluation-market.ts): `shallow` gives its flow lines' declared ÷ market value.
 */
export function distributors(
  view: DetectionView,
  o: UndervaluationOptions,
  excluded: ReadonlySet<string>,
): { organising: Set<number>; shallow: Map<number, MarketFlow> } {
  const { lines } = view;
  const { order, start, at, supplierLines } = consigneeLines(lines);
  /** Which consignee last counted an importer or supplier (distinct counts without sets). */
  const seen = new Int32Array(lines.partyKeys.length).fill(-1);
  const out = new Set<number>();
  const candidates: Candidate[] = [];
  const suspect = new Set<number>();
  for (const c of order) {
    const a = start[c]!;
    const b = start[c + 1]!;
    if (b - a < o.minLines) continue;
    let importers = 0;
    for (let k = a; k < b; k++) {
      const m = lines.importer[at[k]!]!;
      if (seen[m] === c) continue;
      seen[m] = c;
      importers++;
    }
    if (importers < o.minImporters) continue;
    if (importers > o.maxPartnerImporters || excluded.has(lines.partyKeys[c]!)) continue;
    const complicit = complicitSuppliers(lines, at.subarray(a, b), supplierLines, o);
    if (complicit.lines < o.minSharedSupplierShare * (b - a)) continue;
    for (const s of complicit.suppliers) suspect.add(s);
    const ratios = new Float64Array(b - a);
    const zs = new Float64Array(b - a);
    for (let k = a; k < b; k++) {
      ratios[k - a] = lines.customsValue[at[k]!]! / lines.expectedValue[at[k]!]!;
      zs[k - a] = lines.unitValueZScore[at[k]!]!;
    }
    const strong =
      median(ratios) <= o.maxConvergingRatio && -median(zs) * Math.sqrt(b - a) >= o.minSignificance;
    if (strong) out.add(c);
    else candidates.push({ consignee: c, suppliers: complicit.suppliers });
  }
  const shallow = marketRatios(view, candidates, suspect, o);
  for (const c of shallow.keys()) out.add(c);
  return { organising: out, shallow };
}
