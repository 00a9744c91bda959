import { describe, expect, it } from 'vitest';
import { corroborate } from '../../src/detection/corroborate.ts';
import type { Lead } from '../../src/model/index.ts';
import { ring } from './rings.ts';

function lead(id: string, detector: Lead['detector'], score: number): Lead {
  return {
    label: 'Importer',
    id,
    detector,
    score,
    reason: `${id} ships to CO-1, whose goods were seized`,
    path: [{ from: { label: 'Importer', id }, to: { label: 'Consignee', id: 'CO-1' }, kinds: ['consignee'] }],
    evidence: { nodes: [{ label: 'Consignee', id: 'CO-1' }], rels: [], declarations: ['D1/1'] },
  };
}

describe('corroborate', () => {
  it('adds a lead on a ring member to the ring as evidence, leaving its members and score', () => {
    const phoenix = ring('R-phoenix-1', 'phoenix', 0.7, ['A', 'B'], 100);
    const [out] = corroborate([phoenix], [lead('B', 'guilt_by_association', 0.4)]);
    expect(out!.members).toEqual(phoenix.members);
    expect(out!.score).toBe(0.7);
    expect(out!.priority).toBe(phoenix.priority);
    expect(out!.indicators).toEqual([
      {
        name: 'lead_guilt_by_association',
        value: 0.4,
        weight: 0,
        contribution: 0,
        description: 'lead on B (guilt by association, 0.40): B ships to CO-1, whose goods were seized',
        evidence: { nodes: [{ label: 'Consignee', id: 'CO-1' }], rels: [], declarations: ['D1/1'] },
      },
    ]);
    expect(out!.explanation).toBe(
      'R-phoenix-1; corroborated by lead on B (guilt by association, 0.40): B ships to CO-1, whose goods were seized',
    );
  });

  it('never makes a ring nor adds a member from leads alone', () => {
    const phoenix = ring('R-phoenix-1', 'phoenix', 0.7, ['A', 'B']);
    const leads = [lead('C', 'guilt_by_association', 0.9), lead('D', 'centrality', 0.9)];
    expect(corroborate([phoenix], leads)).toEqual([phoenix]);
    expect(corroborate([], leads)).toEqual([]);
  });

  it('names every lead on the ring’s members', () => {
    const r = ring('R-undervaluation-1', 'undervaluation', 0.5, ['A', 'B']);
    const [out] = corroborate([r], [lead('A', 'centrality', 0.6), lead('B', 'guilt_by_association', 0.3)]);
    expect(out!.indicators.map((i) => i.name)).toEqual(['lead_centrality', 'lead_guilt_by_association']);
    expect(out!.explanation).toBe(
      `R-undervaluation-1; corroborated by ${out!.indicators
        .slice(-2)
        .map((i) => i.description)
        .join('; ')}`,
    );
    expect(out!.explanation).toContain('lead on A (centrality, 0.60)');
    expect(out!.explanation).toContain('lead on B (guilt by association, 0.30)');
  });
});
