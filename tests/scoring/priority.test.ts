import { describe, expect, it } from 'vitest';
import type { CandidateRing } from '../../src/detectors/candidate.ts';
import { byPriority, finaliseRing, ringPriority } from '../../src/scoring/ring.ts';

const evidence = { nodes: [], rels: [], declarations: [] };

/** A ring of `members` with one indicator worth `value`, and `revenueAtRisk`. */
function candidate(members: string[], value: number, revenueAtRisk: number): CandidateRing {
  return {
    typology: 'undervaluation',
    members: members.map((id) => ({ label: 'Importer', id, role: 'importer' })),
    indicators: [{ name: 'unit_value_bias', value, weight: 1, description: 'undervalue', evidence }],
    revenueAtRisk,
  };
}

describe('ring priority', () => {
  it('is the score times one plus the log10 of revenue at risk', () => {
    expect(ringPriority(0.8, 0)).toBe(0.8);
    expect(ringPriority(0.8, 99)).toBe(2.4);
    expect(ringPriority(0.5, 999_999)).toBe(3.5);
    expect(ringPriority(0, 1e9)).toBe(0);
  });

  it('puts the ring with 1.5 M at risk above the one with 61 at the same score', () => {
    const small = finaliseRing(candidate(['A', 'B'], 0.9, 61));
    const large = finaliseRing(candidate(['C', 'D'], 0.9, 1_500_000));
    expect(small.score).toBe(large.score);
    expect(small.priority).toBe(2.513153);
    expect(large.priority).toBe(6.458482);
    expect([small, large].sort(byPriority).map((r) => r.revenueAtRisk)).toEqual([1_500_000, 61]);
  });

  it('keeps a sure ring with little at stake above a doubtful one with a little more', () => {
    const sure = finaliseRing(candidate(['A', 'B'], 0.9, 1000));
    const doubtful = finaliseRing(candidate(['C', 'D'], 0.3, 5000));
    expect([doubtful, sure].sort(byPriority).map((r) => r.score)).toEqual([0.9, 0.3]);
  });

  it('orders equal priorities by score, then id', () => {
    const rings = [
      { id: 'R-b', score: 0.5, priority: 1 },
      { id: 'R-a', score: 0.5, priority: 1 },
      { id: 'R-c', score: 0.9, priority: 1 },
    ];
    expect(rings.sort(byPriority).map((r) => r.id)).toEqual(['R-c', 'R-a', 'R-b']);
  });
});
