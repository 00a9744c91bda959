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

  it('gives full specificity to a thing two share and less as more share it', () => {
    expect(specificity(1)).toBe(1);
    expect(specificity(3)).toBe(0.5);
    expect(specificity(2)).toBeGreaterThan(specificity(20));
  });
});
