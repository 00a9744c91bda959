// Inspection targeting: if customs inspected the top k% of declaration lines by target score,
// how many illicit lines and how much of the revenue at risk would it catch?

export const INSPECTION_SHARES = [1, 2, 5, 10] as const;

export interface TargetingAtK {
  /** Percent of all lines inspected. */
  k: number;
  /** Lines inspected: ceil(k% of all lines). */
  inspected: number;
  /** Illicit lines among them. */
  hits: number;
  /** hits ÷ inspected (slots the findings leave empty count as misses). */
  precision: number;
  /** hits ÷ illicit lines. */
  recall: number;
  /** Revenue at risk of the hits ÷ all revenue at risk. */
  revenueCaptured: number;
}

/**
 * @param rankedLineIds line ids (`declaration_id/line`), highest target score first
 * @param illicit illicit line id → its revenue at risk
 */
export function targetingAtK(
  rankedLineIds: readonly string[],
  totalLines: number,
  illicit: ReadonlyMap<string, number>,
  shares: readonly number[] = INSPECTION_SHARES,
): TargetingAtK[] {
  const totalRevenue = [...illicit.values()].reduce((a, b) => a + b, 0);
  return shares.map((k) => {
    const inspected = Math.ceil((totalLines * k) / 100);
    let hits = 0;
    let revenue = 0;
    const seen = new Set<string>();
    for (const id of rankedLineIds.slice(0, inspected)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const r = illicit.get(id);
      if (r === undefined) continue;
      hits++;
      revenue += r;
    }
    return {
      k,
      inspected,
      hits,
      precision: inspected === 0 ? 0 : hits / inspected,
      recall: illicit.size === 0 ? 0 : hits / illicit.size,
      // Summed in another order than the total: clamp the rounding error.
      revenueCaptured: totalRevenue === 0 ? 0 : Math.min(1, revenue / totalRevenue),
    };
  });
}
