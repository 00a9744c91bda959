// Undervaluation through partners whose own bias is mild: suppliers whose low invoices converge
// on one small consignee, and distributors (consignees) receiving a few importers' goods whose
// lines, together, sit below the market though no one firm's do clearly enough to judge alone.
import { median } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';
import type { UndervaluationOptions } from './undervaluation.ts';
import { type Candidate, type MarketFlow, marketRatios } from './undervaluation-market.ts';

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
export function biasedBuyerShare(lines: DetectionView['lines'], f: Flow, limit: number): number {
  const byBuyer = new Map<number, number[]>();
  f.lines.forEach((i, n) => {
    const m = lines.importer[i] ?? -1;
    (byBuyer.get(m) ?? byBuyer.set(m, []).get(m)!).push(f.ratios[n]!);
  });
  let biased = 0;
  for (const r of byBuyer.values()) if (median(r) <= limit) biased++;
  return biased / Math.max(1, byBuyer.size);
}

/** Mildly biased suppliers whose lines from several importers converge on one small consignee. */
export function convergingSuppliers(
  view: DetectionView,
  bySupplier: ReadonlyMap<number, Flow>,
  o: UndervaluationOptions,
  /** Suppliers biased enough on their own need no convergence. */
  strong: ReadonlySet<number>,
): Set<number> {
  const { lines, graph } = view;
  const out = new Set<number>();
  for (const [s, f] of bySupplier) {
    if (f.lines.length < o.minLines || strong.has(s)) continue;
    // Convergence first: it is one counting pass, and most suppliers fail it.
    const byConsignee = new Map<number, number>();
    for (const i of f.lines) {
      const c = lines.consignee[i] ?? -1;
      if (c >= 0) byConsignee.set(c, (byConsignee.get(c) ?? 0) + 1);
    }
    let top = -1;
    let count = 0;
    for (const [c, k] of byConsignee) if (k > count || (k === count && c < top)) [top, count] = [c, k];
    if (top < 0 || count / f.lines.length < o.minConsigneeShare) continue;
    if (median(f.ratios) > o.maxConvergingRatio) continue;
    if (biasedBuyerShare(lines, f, o.maxConvergingRatio) < o.minBiasedBuyerShare) continue;
    if (-median(f.zs) * Math.sqrt(f.lines.length) < o.minSignificance) continue;
    if (new Set(f.lines.map((i) => lines.importer[i])).size < o.minImporters) continue;
    const key = lines.partyKeys[top]!;
    const served = graph.hasNode(key)
      ? graph.filterNeighbors(key, (_n, a) => a.label === 'Importer').length
      : 0;
    if (served <= o.maxPartnerImporters) out.add(s);
  }
  return out;
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
  interface Received {
    ratios: number[];
    zs: number[];
    importers: Set<number>;
    /** supplier → its lines to this consignee and the importers that bought them. */
    suppliers: Map<number, { lines: number; importers: Set<number> }>;
  }
  const byConsignee = new Map<number, Received>();
  /** Each supplier's valued lines, to every consignee. */
  const supplierLines = new Map<number, number>();
  for (let i = 0; i < lines.size; i++) {
    const c = lines.consignee[i] ?? -1;
    const m = lines.importer[i] ?? -1;
    const z = lines.unitValueZScore[i] ?? Number.NaN;
    const expected = lines.expectedValue[i] ?? Number.NaN;
    if (m < 0 || Number.isNaN(z) || !(expected > 0)) continue;
    const sup = lines.supplier[i] ?? -1;
    if (sup >= 0) supplierLines.set(sup, (supplierLines.get(sup) ?? 0) + 1);
    if (c < 0) continue;
    let entry = byConsignee.get(c);
    if (!entry)
      byConsignee.set(c, (entry = { ratios: [], zs: [], importers: new Set(), suppliers: new Map() }));
    entry.ratios.push((lines.customsValue[i] ?? 0) / expected);
    entry.zs.push(z);
    entry.importers.add(m);
    const s = lines.supplier[i] ?? -1;
    if (s < 0) continue;
    let bought = entry.suppliers.get(s);
    if (!bought) entry.suppliers.set(s, (bought = { lines: 0, importers: new Set() }));
    bought.lines++;
    bought.importers.add(m);
  }
  const out = new Set<number>();
  const candidates: Candidate[] = [];
  const suspect = new Set<number>();
  for (const [c, { ratios, zs, importers, suppliers }] of byConsignee) {
    if (ratios.length < o.minLines || importers.size < o.minImporters) continue;
    if (importers.size > o.maxPartnerImporters || excluded.has(lines.partyKeys[c]!)) continue;
    let shared = 0;
    const complicit = new Set<number>();
    for (const [sup, bought] of suppliers) {
      // A complicit supplier sells to several of the distributor's importers, and mostly for it.
      const dedicated = bought.lines >= o.minConsigneeShare * (supplierLines.get(sup) ?? Infinity);
      if (bought.importers.size < 2 || !dedicated) continue;
      shared += bought.lines;
      complicit.add(sup);
    }
    if (shared < o.minSharedSupplierShare * ratios.length) continue;
    for (const s of complicit) suspect.add(s);
    const strong =
      median(ratios) <= o.maxConvergingRatio && -median(zs) * Math.sqrt(ratios.length) >= o.minSignificance;
    if (strong) out.add(c);
    else candidates.push({ consignee: c, suppliers: complicit });
  }
  const shallow = marketRatios(view, candidates, suspect, o);
  for (const c of shallow.keys()) out.add(c);
  return { organising: out, shallow };
}
