// Robust statistics shared by the projection, the detectors and the evaluation: median, MAD,
// quantiles. Sorting copies, so callers keep their arrays.

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile (q in [0,1]); NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

/** 1.4826 × median absolute deviation: a standard deviation that outliers cannot drag. */
export function robustScale(values: readonly number[], centre = median(values)): number {
  return 1.4826 * median(values.map((v) => Math.abs(v - centre)));
}

/** How specific a shared thing is: 1 for a thing two parties share, falling as more share it. */
export function specificity(holders: number): number {
  return holders <= 1 ? 1 : 1 / Math.log2(1 + holders);
}
