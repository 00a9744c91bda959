// Robust statistics shared by the projection, the detectors and the evaluation: median, MAD,
// quantiles. They work on copies, so callers keep their arrays.

export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/**
 * Linear-interpolated quantile (q in [0,1]); NaN for an empty list. The two order statistics it
 * needs are selected in linear time rather than by sorting: detectors take medians of tens of
 * thousands of small lists and of groups of millions of values.
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const copy = new Float64Array(n);
  let plain = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    copy[i] = v;
    // NaN and −0 order only under the sort's total order (−0 before +0, NaN last).
    if (v !== v || (v === 0 && 1 / v < 0)) plain = false;
  }
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (!plain) {
    copy.sort();
    const a = copy[lo] ?? Number.NaN;
    return a + ((copy[hi] ?? Number.NaN) - a) * (pos - lo);
  }
  if (lo < 0 || hi >= n) return Number.NaN;
  selectInPlace(copy, lo);
  const a = copy[lo]!;
  let b = a;
  if (hi !== lo) {
    // Everything after the lo-th value is at least it; the next order statistic is their minimum.
    b = copy[lo + 1]!;
    for (let i = lo + 2; i < n; i++) if (copy[i]! < b) b = copy[i]!;
  }
  return a + (b - a) * (pos - lo);
}

/**
 * Moves the k-th smallest value to index k, smaller ones before it and larger ones after
 * (Hoare partitioning around a median of three; no NaN in `a`).
 */
export function selectInPlace(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const x = a[left]!;
    const y = a[(left + right) >>> 1]!;
    const z = a[right]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** 1.4826 × median absolute deviation: a standard deviation that outliers cannot drag. */
export function robustScale(values: readonly number[], centre = median(values)): number {
  return 1.4826 * median(values.map((v) => Math.abs(v - centre)));
}

/** How specific a shared thing is: 1 for a thing two parties share, falling as more share it. */
export function specificity(holders: number): number {
  return holders <= 1 ? 1 : 1 / Math.log2(1 + holders);
}
