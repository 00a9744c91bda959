// Undervaluation's per-supplier flows: each supplier's scored lines (a supplier, an importer, a
// z-score and an expected value) as slices of flat columns, gathered in two passes over the lines
// (counted, then placed) rather than pushed line by line into lists per supplier.
import type { DetectionView } from '../graph/view.ts';

/**
 * A supplier's valued lines in line order, with their consignees (−1 when none), z-scores and
 * declared ÷ usual value ratios.
 */
export interface SupplierFlow {
  lines: Int32Array;
  consignees: Int32Array;
  zs: Float64Array;
  ratios: Float64Array;
}

/** Does the line have a supplier, an importer and a usable value (a z-score, an expected value)? */
export function isScored(lines: DetectionView['lines'], i: number): boolean {
  const expected = lines.expectedValue[i]!;
  return (
    !Number.isNaN(lines.unitValueZScore[i]!) &&
    expected > 0 &&
    lines.supplier[i]! >= 0 &&
    lines.importer[i]! >= 0
  );
}

/**
 * Each supplier's scored lines, in line order: counted per supplier, then placed into four
 * columns (lines, consignees, z-scores, ratios) that every supplier's flow views a slice of.
 * Suppliers come in the order of their first scored line.
 */
export function supplierFlows(lines: DetectionView['lines']): Map<number, SupplierFlow> {
  const parties = lines.partyKeys.length;
  const start = new Int32Array(parties + 1);
  const order: number[] = [];
  for (let i = 0; i < lines.size; i++) {
    if (!isScored(lines, i)) continue;
    const s = lines.supplier[i]!;
    if (start[s + 1] === 0) order.push(s);
    start[s + 1]! += 1;
  }
  for (let p = 0; p < parties; p++) start[p + 1]! += start[p]!;
  const n = start[parties]!;
  const at = new Int32Array(n);
  const consignees = new Int32Array(n);
  const zs = new Float64Array(n);
  const ratios = new Float64Array(n);
  const next = start.slice(0, parties);
  for (let i = 0; i < lines.size; i++) {
    if (!isScored(lines, i)) continue;
    const k = next[lines.supplier[i]!]!++;
    at[k] = i;
    consignees[k] = lines.consignee[i]!;
    zs[k] = lines.unitValueZScore[i]!;
    ratios[k] = lines.customsValue[i]! / lines.expectedValue[i]!;
  }
  const flows = new Map<number, SupplierFlow>();
  for (const s of order) {
    const [a, b] = [start[s]!, start[s + 1]!];
    flows.set(s, {
      lines: at.subarray(a, b),
      consignees: consignees.subarray(a, b),
      zs: zs.subarray(a, b),
      ratios: ratios.subarray(a, b),
    });
  }
  return flows;
}
