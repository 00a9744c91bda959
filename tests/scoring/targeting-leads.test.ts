// Line targeting counts a lead on a line's party as network risk (its score × leadRiskFactor 0.7,
// then × networkWeight 0.7 like any network risk), with the lead's reason; a higher ring risk of
// the party wins.
import { describe, expect, it } from 'vitest';
import type { Lead } from '../../src/model/index.ts';
import { targetLines } from '../../src/scoring/targeting.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { ring } from '../detection/rings.ts';

const lead: Lead = {
  label: 'Importer',
  id: 'S1',
  detector: 'guilt_by_association',
  score: 0.5,
  reason: 'S1 had 1 declaration line seized; its other lines were not all inspected',
  path: [],
  evidence: { nodes: [], rels: [], declarations: [] },
};

/** The world's three lines of S1, after the 40 lines of lawful trade. */
const S1_LINES = ['D000041', 'D000042', 'D000043'];

async function world() {
  const w = new World();
  legitimateTrade(w, 10, 4);
  w.party('Importer', 'S1', { registeredOn: '2015-01-01' });
  for (let l = 0; l < 3; l++)
    w.ship({ importerId: 'S1', date: isoDay(10 + l * 30), illicit: l === 0 ? true : null });
  return w.view();
}

describe('targeting with leads', () => {
  it('scores the lines of a lead party by the lead, with its reason', async () => {
    const view = await world();
    const s1Lines = targetLines(view, [], [], {}, [lead]).filter((t) => S1_LINES.includes(t.declarationId));
    expect(s1Lines.map((t) => [t.declarationId, t.score])).toEqual([
      ['D000041', 0.245],
      ['D000042', 0.245],
      ['D000043', 0.245],
    ]);
    expect(s1Lines[0]!.reasons).toEqual([
      'importer S1 is a lead (guilt by association, 0.50): S1 had 1 declaration line seized; its other lines were not all inspected',
    ]);
    expect(targetLines(view, [], []).some((t) => t.declarationId === 'D000041')).toBe(false);
  });

  it('keeps the ring risk of a party when it is higher than its lead', async () => {
    const view = await world();
    const party = {
      label: 'Importer' as const,
      id: 'S1',
      score: 0.6,
      revenueAtRisk: 0,
      ringIds: ['R-x'],
      reasons: [],
    };
    const top = targetLines(view, [], [party], {}, [lead]).find((t) => t.declarationId === 'D000041');
    expect(top!.score).toBe(0.42);
    expect(top!.reasons).toEqual(['importer S1 has network risk 0.60 (1 ring)']);
  });

  it('does not target a line a ring names only through a corroborating lead (weight 0)', async () => {
    const view = await world();
    const indicator = (weight: number) => ({
      name: weight > 0 ? 'unit_value_bias' : 'lead_guilt_by_association',
      value: 0.5,
      weight,
      contribution: 0,
      description: 'x',
      evidence: { nodes: [], rels: [], declarations: ['D000042/1'] },
    });
    const named = (weight: number) => {
      const r = { ...ring('R-phoenix-1', 'phoenix', 0.9, ['LEGIT-000']), indicators: [indicator(weight)] };
      return targetLines(view, [r], []).find((t) => t.declarationId === 'D000042');
    };
    expect(named(1)?.reasons).toEqual(['named as evidence by ring R-phoenix-1 (phoenix, score 0.90)']);
    expect(named(0)).toBeUndefined();
  });
});
