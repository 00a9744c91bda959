import { describe, expect, it } from 'vitest';
import { topLines } from '../../src/scoring/targeting.ts';

/** The order targeting promises, by sorting every line: score (highest first), then index. */
function bySorting(scores: Float64Array, limit: number): number[] {
  return [...scores.keys()]
    .filter((i) => scores[i]! > 0)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, limit);
}

describe('topLines', () => {
  it('keeps the best lines, ties at the cut by lowest index, without zero scores', () => {
    const scores = Float64Array.from([0.2, 0.9, 0, 0.5, 0.9, 0.5, 0.5, 0.1, 0.5]);
    expect(topLines(scores, 4)).toEqual([1, 4, 3, 5]);
    expect(topLines(scores, 3)).toEqual([1, 4, 3]);
    expect(topLines(scores, 2)).toEqual([1, 4]);
    expect(topLines(scores, 20)).toEqual([1, 4, 3, 5, 6, 8, 0, 7]);
    expect(topLines(scores, 0)).toEqual([]);
  });

  it('gives what sorting every line gives, on many scores with many ties', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const scores = Float64Array.from({ length: 5_000 }, () => Math.round(next() * 40) / 40);
    for (const limit of [1, 17, 250, 2_499, 4_000, 5_000])
      expect(topLines(scores, limit)).toEqual(bySorting(scores, limit));
  });
});
