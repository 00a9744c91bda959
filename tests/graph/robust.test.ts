import { describe, expect, it } from 'vitest';
import { median, quantile, robustScale, specificity } from '../../src/graph/robust.ts';

describe('robust statistics', () => {
  it('takes the median of odd and even lists without changing them', () => {
    const values = [7, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([7, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('interpolates quantiles linearly', () => {
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([0, 10], 0.3)).toBeCloseTo(3, 12);
    expect(quantile([5], 0.9)).toBe(5);
  });

  it('scales the median absolute deviation to a standard deviation, unmoved by an outlier', () => {
    // |x − 3| = 2, 1, 0, 1, 2 → MAD 1.
    expect(robustScale([1, 2, 3, 4, 5])).toBeCloseTo(1.4826, 12);
    // The outlier moves the MAD no more than one ordinary value would: |x − 3| = 2, 1, 0, 1, 997.
    expect(robustScale([1, 2, 3, 4, 1000])).toBeCloseTo(1.4826, 12);
    expect(robustScale([2, 2, 2])).toBe(0);
    expect(robustScale([1, 2, 3], 0)).toBeCloseTo(1.4826 * 2, 12);
  });

  it('selects the same order statistics as sorting, with ties, signed zeros and NaN', () => {
    // The sorted reference the selection replaced: a typed-array sort (−0 before +0, NaN last).
    const bySorting = (values: number[], q: number): number => {
      const sorted = Float64Array.from(values).sort();
      const pos = (sorted.length - 1) * q;
      const a = sorted[Math.floor(pos)]!;
      return a + (sorted[Math.ceil(pos)]! - a) * (pos - Math.floor(pos));
    };
    // A seeded LCG, so a failure names a reproducible list.
    let state = 12345;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pools = [
      () => next(),
      () => Math.floor(next() * 4), // heavy ties
      () => [0, -0, 1, -1][Math.floor(next() * 4)]!,
      () => (next() < 0.1 ? Number.NaN : next() - 0.5),
    ];
    for (let round = 0; round < 400; round++) {
      const draw = pools[round % pools.length]!;
      const values = Array.from({ length: 1 + Math.floor(next() * 60) }, draw);
      for (const q of [0, 0.1, 0.25, 0.5, 0.9, 1]) {
        expect(Object.is(quantile(values, q), bySorting(values, q)), `${q} of ${values.join(',')}`).toBe(
          true,
        );
      }
    }
  });

  it('gives full specificity to a thing two share and less as more share it', () => {
    expect(specificity(1)).toBe(1);
    expect(specificity(3)).toBe(0.5);
    expect(specificity(2)).toBeGreaterThan(specificity(20));
  });
});
