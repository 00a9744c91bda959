import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detectors/undervaluation.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

/** `importers` established firms buying from `supplier` at `factor` of the usual ~10 per kg. */
function scheme(w: World, supplier: string, importers: string[], factor: number): void {
  for (const [n, id] of importers.entries()) {
    w.party('Importer', id, { registeredOn: '2012-01-01' });
    for (let l = 0; l < 5; l++) {
      w.ship({
        importerId: id,
        supplierId: supplier,
        brokerId: 'BIG',
        date: isoDay(20 + n * 7 + l * 30),
        netMassKg: 100,
        customsValue: 1000 * factor,
      });
    }
  }
}

describe('undervaluation detector', () => {
  detectorContract('undervaluation', detect);

  it('finds the complicit supplier with its importers and prices the shortfall', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    scheme(w, 'SU-BAD', ['U1', 'U2', 'U3'], 0.4);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.label}:${m.id}`))).toEqual([
      ['Importer:U1', 'Importer:U2', 'Importer:U3', 'Supplier:SU-BAD'],
    ]);
    const below = rings[0]!.indicators.find((i) => i.name === 'unit_value_below_median')!;
    expect(below.description).toMatch(/unit values are (5\d|6\d)% below the HS 6403 median/);
    // 15 lines × (≈1000 − 400) shortfall × 10 % duty
    expect(rings[0]!.revenueAtRisk).toBeGreaterThan(600);
    expect(rings[0]!.revenueAtRisk).toBeLessThan(1200);
    expect(below.evidence.declarations).toHaveLength(15);
  });

  it('ignores a supplier whose prices are only a little lower, and a lone importer', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    scheme(w, 'SU-CHEAP', ['C1', 'C2', 'C3'], 0.85);
    scheme(w, 'SU-ONE', ['L1'], 0.3);
    expect(detect(await w.view())).toEqual([]);
  });

  it('reports separate schemes as separate rings in a stable order', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    scheme(w, 'SU-Z', ['Z1', 'Z2', 'Z3'], 0.35);
    scheme(w, 'SU-A', ['A1', 'A2', 'A3'], 0.45);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.at(-1)!.id)).toEqual(['SU-A', 'SU-Z']);
  });
});
