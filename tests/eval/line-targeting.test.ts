// Precision, recall and revenue captured at k% inspected, on a ranking computed by hand.
import { describe, expect, it } from 'vitest';
import { targetingAtK } from '../../src/eval/line-targeting.ts';

describe('targetingAtK', () => {
  // 200 lines: 1% = 2 lines, 2% = 4, 5% = 10, 10% = 20.
  const illicit = new Map([
    ['d1/1', 100],
    ['d2/1', 300],
    ['d9/1', 600],
  ]);
  const ranked = ['d1/1', 'x/1', 'd2/1', 'x/2', 'x/3', 'd9/1'];

  it('counts hits in the top k% and the share of revenue they carry', () => {
    const [k1, k2, k5, k10] = targetingAtK(ranked, 200, illicit);
    expect(k1).toEqual({ k: 1, inspected: 2, hits: 1, precision: 0.5, recall: 1 / 3, revenueCaptured: 0.1 });
    expect(k2).toEqual({ k: 2, inspected: 4, hits: 2, precision: 0.5, recall: 2 / 3, revenueCaptured: 0.4 });
    // Fewer targets than slots: the empty slots are misses.
    expect(k5).toEqual({ k: 5, inspected: 10, hits: 3, precision: 0.3, recall: 1, revenueCaptured: 1 });
    expect(k10?.precision).toBe(0.15);
  });

  it('rounds the number of lines inspected up', () => {
    expect(targetingAtK([], 150, illicit, [1])[0]?.inspected).toBe(2);
  });

  it('scores no targets and no illicit lines as zero, not NaN', () => {
    expect(targetingAtK([], 200, illicit, [5])[0]).toEqual({
      k: 5,
      inspected: 10,
      hits: 0,
      precision: 0,
      recall: 0,
      revenueCaptured: 0,
    });
    expect(targetingAtK(['a/1'], 0, new Map(), [5])[0]).toEqual({
      k: 5,
      inspected: 0,
      hits: 0,
      precision: 0,
      recall: 0,
      revenueCaptured: 0,
    });
  });

  it('does not count a line twice when the ranking repeats it', () => {
    expect(targetingAtK(['d1/1', 'd1/1'], 200, illicit, [1])[0]?.hits).toBe(1);
  });

  it('never reports more than all the revenue when sums round differently', () => {
    const lines = new Map([
      ['c/1', 0.3],
      ['b/1', 0.2],
      ['a/1', 0.1],
    ]);
    // 0.3 + 0.2 + 0.1 = 0.6 but 0.1 + 0.2 + 0.3 = 0.6000000000000001.
    expect(targetingAtK(['a/1', 'b/1', 'c/1'], 100, lines, [10])[0]?.revenueCaptured).toBe(1);
  });
});
