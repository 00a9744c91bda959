import { describe, expect, it } from 'vitest';
import type { CandidateRing } from '../../src/detectors/candidate.ts';
import { formatMoney } from '../../src/detectors/money.ts';
import { finaliseRing, ringId } from '../../src/scoring/ring.ts';

const evidence = { nodes: [], rels: [], declarations: [] };

function candidate(members: string[]): CandidateRing {
  return {
    typology: 'shared_identifiers',
    members: members.map((id) => ({ label: 'Importer', id, role: 'linked_firm' })),
    indicators: [
      {
        name: 'shared_identifiers',
        value: 1,
        weight: 0.5,
        description: '4 importers share one address and two phones',
        evidence,
      },
      {
        name: 'young_firms',
        value: 0.5,
        weight: 0.3,
        description: '2 of 4 were registered less than 90 days before their first import',
        evidence,
      },
      { name: 'unit_value_bias', value: 0, weight: 0.2, description: 'none undervalue', evidence },
    ],
    revenueAtRisk: 1_234_567.891,
  };
}

describe('finaliseRing', () => {
  it('derives the id from typology and sorted members, whatever their order', () => {
    expect(ringId(candidate(['B', 'A']))).toBe(ringId(candidate(['A', 'B'])));
    expect(ringId(candidate(['A', 'B']))).not.toBe(ringId(candidate(['A', 'C'])));
    expect(ringId(candidate(['A']))).toMatch(/^R-shared_identifiers-[0-9a-f]{12}$/);
  });

  it('scores the weighted indicators, each with its contribution', () => {
    const ring = finaliseRing(candidate(['A', 'B', 'C', 'D']));
    expect(ring.indicators.map((i) => i.contribution)).toEqual([0.5, 0.15, 0]);
    expect(ring.score).toBeCloseTo(0.65, 10);
    expect(ring.revenueAtRisk).toBe(1_234_567.89);
  });

  it('explains itself from the indicators that say something, then the revenue at risk', () => {
    expect(finaliseRing(candidate(['A'])).explanation).toBe(
      '4 importers share one address and two phones; 2 of 4 were registered less than 90 days before their first import; estimated revenue at risk 1.2 M',
    );
  });

  it('clamps indicator values into [0,1] so no score leaves it', () => {
    const c = candidate(['A']);
    c.indicators[0]!.value = 7;
    c.indicators[1]!.value = -3;
    const ring = finaliseRing(c);
    expect(ring.indicators.map((i) => i.value)).toEqual([1, 0, 0]);
    expect(ring.score).toBeCloseTo(0.5, 10);
  });
});

describe('formatMoney', () => {
  it('reads as people write amounts', () => {
    expect([950.4, 12_400, 1_234_567, 3.14e9].map(formatMoney)).toEqual(['950', '12.4 k', '1.2 M', '3.1 bn']);
  });
});
