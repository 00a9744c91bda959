// A shallow undervaluation measured against a tight reference. A distributor's low invoices can
// sit only 10–25 % below the market: less than the spread of honest prices between firms, and in
// a small world they drag the heading's own median down with them. So the distributor's lines
// from its complicit suppliers are set against the market WITHOUT those suppliers (the same
// heading and origin, else the heading), and the discount must be consistent: the lines' own
// spread well inside the market's (the ring's firms pay one price list; honest buyers of one
// consignee each pay their own), and the median standing out from that spread.
import { lineGroups } from '../graph/line-groups.ts';
import { median, robustScale } from '../graph/robust.ts';
import type { DetectionView } from '../graph/view.ts';

export interface MarketOptions {
  /** The flow's median declared ÷ market value must be at or below this. */
  maxMarketRatio: number;
  /** The flow's robust spread of log ratios ÷ the market's must be at or below this. */
  maxConsistentSpread: number;
  /**
   * −median log ratio ÷ spread × √lines: the median's distance from the market in its own standard
   * errors. The structure is the main evidence here; this only asks that the discount is not chance.
   */
  minMarketSignificance: number;
  /** Fewest market lines (other suppliers) a group needs to serve as reference. */
  minMarketLines: number;
}

/** A candidate distributor: its consignee index and the dedicated suppliers it shares. */
export interface Candidate {
  consignee: number;
  suppliers: ReadonlySet<number>;
}

/** A shallow distributor's flow as the market sees it. */
export interface MarketFlow {
  /** Per flow line, declared ÷ market value. */
  ratios: Map<number, number>;
  /**
   * The top of the distributor's price list (its median ratio times one spread above): an
   * importer buying through it at or below this is on that list, though its own few lines may
   * sit above the market by chance.
   */
  priceListTop: number;
}

/** Floor on a spread, so identical prices do not make any discount infinitely significant. */
const MIN_SPREAD = 0.05;

interface Reference {
  /** Median over the market's importers of each one's median log unit value. */
  centre: number;
  /** Robust spread of the market's log unit values around it. */
  scale: number;
}

/**
 * Each candidate's flow lines: from its shared suppliers, with a unit value, and not declared
 * duty-free (a line that owes no duty has nothing to hide by a low value: parcels split under a
 * de-minimis meet at a consignee from dedicated sellers too).
 */
function flowLines(view: DetectionView, candidates: readonly Candidate[]): Map<number, number[]> {
  const { lines } = view;
  const byConsignee = new Map(candidates.map((c) => [c.consignee, c]));
  const flows = new Map<number, number[]>();
  for (let i = 0; i < lines.size; i++) {
    const c = byConsignee.get(lines.consignee[i] ?? -1);
    if (!c || !c.suppliers.has(lines.supplier[i] ?? -1) || !((lines.unitValue[i] ?? 0) > 0)) continue;
    if (lines.dutyPaid[i] === 0) continue;
    (flows.get(c.consignee) ?? flows.set(c.consignee, []).get(c.consignee)!).push(i);
  }
  return flows;
}

/**
 * The market of the groups (heading, heading+origin) the flows touch, without the suspect
 * suppliers' lines. Centred per importer: a firm of a thousand lines must not set the price alone.
 */
function marketReference(
  view: DetectionView,
  flows: ReadonlyMap<number, number[]>,
  suspect: ReadonlySet<number>,
  minMarketLines: number,
): Map<number, Reference> {
  const { lines } = view;
  const groups = lineGroups(lines);
  const firms = new Map<number, Map<number, number[]>>();
  for (const flow of flows.values())
    for (const i of flow)
      for (const g of [groups.heading[i]!, groups.headingOrigin[i]!]) firms.set(g, new Map());
  for (let i = 0; i < lines.size; i++) {
    const uv = lines.unitValue[i] ?? 0;
    if (!(uv > 0) || suspect.has(lines.supplier[i] ?? -1)) continue;
    const m = lines.importer[i] ?? -1;
    for (const g of [groups.heading[i]!, groups.headingOrigin[i]!]) {
      const byFirm = firms.get(g);
      if (byFirm) (byFirm.get(m) ?? byFirm.set(m, []).get(m)!).push(Math.log(uv));
    }
  }
  const reference = new Map<number, Reference>();
  for (const [g, byFirm] of firms) {
    const logs = [...byFirm.values()].flat();
    if (logs.length < minMarketLines) continue;
    const centre = median([...byFirm.values()].map((firm) => median(firm)));
    reference.set(g, { centre, scale: Math.max(MIN_SPREAD, robustScale(logs, centre)) });
  }
  return reference;
}

/**
 * Whether a flow sits consistently below the market: its median ratio, its spread within each
 * group (the reference of each group errs on its own; that error is no inconsistency of the
 * flow's) against the market's, and the significance of the median. Gives the lines' ratios.
 */
function belowMarket(
  view: DetectionView,
  flow: readonly number[],
  reference: ReadonlyMap<number, Reference>,
  o: MarketOptions,
): MarketFlow | null {
  const { lines } = view;
  const groups = lineGroups(lines);
  const ratios = new Map<number, number>();
  const byGroup = new Map<Reference, number[]>();
  for (const i of flow) {
    const ref = reference.get(groups.headingOrigin[i]!) ?? reference.get(groups.heading[i]!);
    if (!ref) continue;
    const r = Math.log(lines.unitValue[i]!) - ref.centre;
    ratios.set(i, Math.exp(r));
    (byGroup.get(ref) ?? byGroup.set(ref, []).get(ref)!).push(r);
  }
  const logs = [...byGroup.values()].flat();
  if (logs.length === 0) return null;
  const d = median(logs);
  const residuals: number[] = [];
  const scales: number[] = [];
  for (const [ref, rs] of byGroup) {
    scales.push(...rs.map(() => ref.scale));
    const centre = median(rs);
    if (rs.length >= 3) residuals.push(...rs.map((r) => r - centre));
  }
  const spread = Math.max(
    MIN_SPREAD,
    residuals.length > 0 ? robustScale(residuals, 0) : robustScale(logs, d),
  );
  if (Math.exp(d) > o.maxMarketRatio || spread > o.maxConsistentSpread * median(scales)) return null;
  if ((-d / spread) * Math.sqrt(logs.length) < o.minMarketSignificance) return null;
  return { ratios, priceListTop: Math.exp(d + spread) };
}

/**
 * The candidates whose flow sits consistently below the market, with each flow line's declared ÷
 * market value; the others are left out. Two passes over the lines.
 */
export function marketRatios(
  view: DetectionView,
  candidates: readonly Candidate[],
  /** Suppliers left out of the market: every distributor's, strong ones' too. */
  suspect: ReadonlySet<number>,
  o: MarketOptions,
): Map<number, MarketFlow> {
  const out = new Map<number, MarketFlow>();
  if (candidates.length === 0) return out;
  const flows = flowLines(view, candidates);
  const reference = marketReference(view, flows, suspect, o.minMarketLines);
  for (const [consignee, flow] of flows) {
    const market = belowMarket(view, flow, reference, o);
    if (market) out.set(consignee, market);
  }
  return out;
}
