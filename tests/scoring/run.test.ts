import { describe, expect, it } from 'vitest';
import type { Ring } from '../../src/model/index.ts';
import { partyRisks } from '../../src/scoring/party-risk.ts';
import { foldOverlaps, runDetectors } from '../../src/scoring/run.ts';
import { targetLines } from '../../src/scoring/targeting.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';

function ring(
  id: string,
  typology: Ring['typology'],
  score: number,
  members: string[],
  revenueAtRisk = 0,
): Ring {
  return {
    id,
    typology,
    score,
    revenueAtRisk,
    explanation: id,
    members: members.map((m) => ({ label: 'Importer', id: m, role: 'importer' })),
    indicators: [],
  };
}

/** A world with shell importers that share identifiers and undervalue through one supplier. */
function schemeWorld(): World {
  const w = new World();
  legitimateTrade(w, 30, 8);
  for (const id of ['R1', 'R2', 'R3']) {
    const firm = w.party('Importer', id, { registeredOn: '2025-01-05' });
    w.has(firm, 'Phone', '+1 ring');
    w.has(firm, 'BankAccount', 'IBAN-RING');
    for (let l = 0; l < 5; l++)
      w.ship({
        importerId: id,
        supplierId: 'SU-R',
        brokerId: 'BIG',
        date: isoDay(20 + l * 25),
        netMassKg: 100,
        customsValue: 350,
      });
  }
  return w;
}

describe('foldOverlaps', () => {
  it('folds a scheme ring into the more specific scheme that holds most of its members', () => {
    const shells = ring('R-si', 'shared_identifiers', 0.7, ['A', 'B', 'C']);
    const under = ring('R-uv', 'undervaluation', 0.9, ['A', 'B', 'C', 'S'], 500);
    const network = ring('R-co', 'community', 0.8, ['A', 'B', 'C']);
    const kept = foldOverlaps([under, network, shells]);
    expect(kept.map((r) => r.id)).toEqual(['R-co', 'R-si']);
    expect(kept[1]!.revenueAtRisk).toBe(500);
    expect(kept[1]!.explanation).toBe('R-si; also seen as undervaluation (R-uv)');
  });

  it('keeps rings that share few members', () => {
    const kept = foldOverlaps([
      ring('X', 'phoenix', 0.9, ['A', 'B', 'C']),
      ring('Y', 'broker_centred', 0.8, ['C', 'D', 'E']),
    ]);
    expect(kept.map((r) => r.id)).toEqual(['X', 'Y']);
  });

  it('folds a scheme ring made mostly of members of several more specific rings into the closest', () => {
    const left = ring('B-left', 'broker_centred', 0.9, ['A', 'B', 'C', 'X']);
    const right = ring('B-right', 'broker_centred', 0.8, ['D', 'E', 'F', 'Y']);
    const spread = ring('U-spread', 'undervaluation', 0.95, ['A', 'D', 'E', 'S'], 70);
    const apart = ring('U-apart', 'undervaluation', 0.7, ['B', 'F', 'S2', 'S3']);
    const kept = foldOverlaps([spread, left, right, apart]);
    expect(kept.map((r) => r.id)).toEqual(['B-left', 'B-right', 'U-apart']);
    expect(kept[1]!.explanation).toBe('B-right; also seen as undervaluation (U-spread)');
    expect(kept[1]!.revenueAtRisk).toBe(70);
  });
});

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

describe('runDetectors', () => {
  it('finds the scheme once, with the same findings and ids on every run', async () => {
    const first = runDetectors(await schemeWorld().view(), { seed: 1 });
    const again = runDetectors(await schemeWorld().view(), { seed: 1 });
    expect(again).toEqual(first);
    const schemes = first.rings.filter(
      (r) => r.typology === 'shared_identifiers' || r.typology === 'undervaluation',
    );
    expect(schemes.map((r) => r.members.map((m) => m.id).join(' '))).toEqual(['R1 R2 R3']);
    expect(first.counts.shared_identifiers).toBe(1);
    const otherSeed = runDetectors(await schemeWorld().view(), { seed: 99 });
    expect(otherSeed.rings.find((r) => r.typology === 'shared_identifiers')!.id).toBe(schemes[0]!.id);
  });

  it('targets the ring’s undervalued lines first, each with its reasons', async () => {
    const view = await schemeWorld().view();
    const { targets } = runDetectors(view, { seed: 1 });
    const ringLines = new Set(
      view.lines.declarationId.filter((_d, i) =>
        view.lines.partyKeys[view.lines.importer[i]!]!.startsWith('Importer:R'),
      ),
    );
    expect(targets.slice(0, 15).every((t) => ringLines.has(t.declarationId))).toBe(true);
    expect(targets[0]!.reasons.some((r) => r.startsWith('unit value'))).toBe(true);
    expect(targets.map((t) => t.score)).toEqual([...targets.map((t) => t.score)].sort((a, b) => b - a));
  });

  it('returns no targets for an empty world', async () => {
    expect(targetLines(await new World().view(), [], [])).toEqual([]);
  });
});
