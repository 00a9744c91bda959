// NMI and ARI on partitions small enough to compute by hand.
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/eval/partition-metrics.ts';

const p = (labels: (string | number)[]) => new Map(labels.map((l, i) => [`n${i}`, l]));

describe('partition metrics', () => {
  it('scores identical partitions 1 whatever the labels', () => {
    expect(normalizedMutualInformation(p([0, 0, 1, 1, 2]), p(['b', 'b', 'a', 'a', 'c']))).toBeCloseTo(1, 12);
    expect(adjustedRandIndex(p([0, 0, 1, 1, 2]), p(['b', 'b', 'a', 'a', 'c']))).toBeCloseTo(1, 12);
  });

  it('matches the hand-computed NMI and ARI of {01}{23} against {01}{2}{3}', () => {
    // H(U) = ln 2, H(V) = 1.5 ln 2, I = ln 2 (V refines U): NMI = ln2 / (1.25 ln2) = 0.8.
    expect(normalizedMutualInformation(p([0, 0, 1, 1]), p([0, 0, 1, 2]))).toBeCloseTo(0.8, 12);
    // Σ C(nij,2) = 1, Σ C(ai,2) = 2, Σ C(bj,2) = 1, C(4,2) = 6: expected 1/3, max 1.5 → (2/3)/(7/6) = 4/7.
    expect(adjustedRandIndex(p([0, 0, 1, 1]), p([0, 0, 1, 2]))).toBeCloseTo(4 / 7, 12);
  });

  it('gives 0 mutual information for independent partitions and a negative ARI below chance', () => {
    // Every truth community is split evenly across the found ones: I = 0.
    expect(normalizedMutualInformation(p([0, 0, 1, 1]), p([0, 1, 0, 1]))).toBeCloseTo(0, 12);
    // Σ C(nij,2) = 0, Σ C(ai,2) = 2, Σ C(bj,2) = 2: expected 2/3, max 2 → (0 − 2/3)/(4/3) = −0.5.
    expect(adjustedRandIndex(p([0, 0, 1, 1]), p([0, 1, 0, 1]))).toBeCloseTo(-0.5, 12);
  });

  it('treats all-in-one against all-apart as no agreement', () => {
    expect(normalizedMutualInformation(p([0, 0, 0, 0]), p([0, 1, 2, 3]))).toBeCloseTo(0, 12);
    expect(adjustedRandIndex(p([0, 0, 0, 0]), p([0, 1, 2, 3]))).toBeCloseTo(0, 12);
  });

  it('scores only the items both partitions know', () => {
    const truth = p([0, 0, 1, 1]);
    const found = new Map([
      ['n0', 5],
      ['n1', 5],
      ['n2', 6],
      ['extra', 7],
    ]);
    // On n0, n1, n2 the partitions agree exactly.
    expect(adjustedRandIndex(truth, found)).toBeCloseTo(1, 12);
  });

  it('refuses partitions with nothing in common', () => {
    expect(() => normalizedMutualInformation(p([0]), new Map([['x', 0]]))).toThrow(/no item in common/);
    expect(() => adjustedRandIndex(new Map(), new Map())).toThrow(/no item in common/);
  });
});
