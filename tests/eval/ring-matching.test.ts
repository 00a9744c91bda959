// Ring recovery by Jaccard ≥ 0.5, one-to-one, including the edge cases: exactly 0.5, ties, one
// reported ring covering two planted rings, typologies that were never planted.
import { describe, expect, it } from 'vitest';
import { jaccard, matchRings, ringScore, scoreRings, type MemberSet } from '../../src/eval/ring-matching.ts';

const ring = (id: string, members: string, typology = 'phoenix'): MemberSet => ({
  id,
  typology,
  members: members.split(''),
});

describe('jaccard', () => {
  it('is |A∩B| / |A∪B|, duplicates ignored, 0 for two empty sets', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBeCloseTo(2 / 4);
    expect(jaccard(['a', 'a', 'b'], ['a', 'b'])).toBe(1);
    expect(jaccard([], [])).toBe(0);
    expect(jaccard(['a'], [])).toBe(0);
  });
});

describe('matchRings', () => {
  it('counts a similarity of exactly 0.5 as a match and just below as none', () => {
    expect(matchRings([ring('P', 'abcd')], [ring('R', 'abc')])).toHaveLength(1); // 3/4
    expect(matchRings([ring('P', 'ab')], [ring('R', 'abcd')])).toEqual([
      { planted: 'P', reported: 'R', jaccard: 0.5 },
    ]);
    expect(matchRings([ring('P', 'ab')], [ring('R', 'abcde')])).toEqual([]); // 2/5
  });

  it('lets one reported ring recover only one of two planted rings it covers', () => {
    // R = abcd has Jaccard 0.5 with both P1 = ab and P2 = cd; the tie goes to the first planted id.
    const matches = matchRings([ring('P2', 'cd'), ring('P1', 'ab')], [ring('R', 'abcd')]);
    expect(matches).toEqual([{ planted: 'P1', reported: 'R', jaccard: 0.5 }]);
  });

  it('gives a planted ring to the most similar reported ring, the other stays a false positive', () => {
    const matches = matchRings([ring('P', 'abcd')], [ring('R1', 'abc'), ring('R2', 'abcd')]);
    expect(matches).toEqual([{ planted: 'P', reported: 'R2', jaccard: 1 }]);
  });

  it('breaks ties between reported rings by id, so the result does not depend on order', () => {
    const a = matchRings([ring('P', 'abcd')], [ring('Rb', 'abce'), ring('Ra', 'abcf')]);
    const b = matchRings([ring('P', 'abcd')], [ring('Ra', 'abcf'), ring('Rb', 'abce')]);
    expect(a).toEqual(b);
    expect(a[0]?.reported).toBe('Ra');
  });

  it('keeps a second-best pairing when the best one is taken', () => {
    // R1 is closest to P1 (1.0) and also near P2 (0.6); R2 matches only P2 (0.5).
    const matches = matchRings(
      [ring('P1', 'abc'), ring('P2', 'abcde')],
      [ring('R1', 'abc'), ring('R2', 'cdex')],
    );
    expect(matches.map((m) => `${m.planted}-${m.reported}`).sort()).toEqual(['P1-R1', 'P2-R2']);
  });

  it('matches nothing when either side is empty', () => {
    expect(matchRings([], [ring('R', 'ab')])).toEqual([]);
    expect(matchRings([ring('P', 'ab')], [])).toEqual([]);
  });
});

describe('ringScore and scoreRings', () => {
  it('computes precision, recall and F1, null where undefined', () => {
    expect(ringScore('x', 4, 2, 1)).toEqual({
      typology: 'x',
      planted: 4,
      reported: 2,
      found: 1,
      precision: 0.5,
      recall: 0.25,
      f1: (2 * 0.5 * 0.25) / 0.75,
    });
    expect(ringScore('x', 0, 0, 0)).toMatchObject({ precision: null, recall: null, f1: null });
    expect(ringScore('x', 3, 2, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('matches within a planted typology, and other typologies against every planted ring', () => {
    const planted = [ring('P1', 'abc', 'phoenix'), ring('P2', 'xyz', 'undervaluation')];
    const reported = [
      ring('R1', 'abc', 'undervaluation'), // right members, wrong typology: a miss for undervaluation
      ring('R2', 'xyz', 'community'), // community rings may recover any planted ring
    ];
    const { overall, byTypology } = scoreRings(planted, reported, ['phoenix', 'undervaluation']);
    expect(overall).toMatchObject({ planted: 2, reported: 2, found: 2, precision: 1, recall: 1 });
    const by = Object.fromEntries(byTypology.map((s) => [s.typology, s]));
    expect(by.phoenix).toMatchObject({ planted: 1, reported: 0, found: 0, recall: 0, precision: null });
    expect(by.undervaluation).toMatchObject({ planted: 1, reported: 1, found: 0, precision: 0, recall: 0 });
    expect(by.community).toMatchObject({ planted: 0, reported: 1, found: 1, precision: 1, recall: null });
  });
});
