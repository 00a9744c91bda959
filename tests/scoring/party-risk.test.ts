import { describe, expect, it } from 'vitest';
import { partyRisks } from '../../src/scoring/party-risk.ts';
import { ring } from '../detection/rings.ts';

describe('partyRisks', () => {
  it('combines independent rings and keeps the reasons', () => {
    const risks = partyRisks([
      ring('X', 'phoenix', 0.5, ['A', 'B'], 100),
      ring('Y', 'split_shipments', 0.5, ['A'], 30),
    ]);
    expect(risks.map((r) => [r.id, r.score, r.revenueAtRisk, r.ringIds])).toEqual([
      ['A', 0.75, 50, ['X', 'Y']],
      ['B', 0.5, 50, ['X']],
    ]);
    expect(risks[0]!.reasons[0]).toBe('phoenix (0.50): X');
  });
});
