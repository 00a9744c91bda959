import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detectors/undervaluation.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

/**
 * `importers` established firms buying from `supplier` at `factor` of the usual ~10 per kg,
 * delivering to `consigneeId` when given.
 */
function scheme(w: World, supplier: string, importers: string[], factor: number, consigneeId?: string): void {
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
        ...(consigneeId ? { consigneeId } : {}),
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

  it('finds a shallow undervaluation when the importers deliver to one distributor', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    w.party('Consignee', 'CO-DIST', { registeredOn: '2012-01-01' });
    scheme(w, 'SU-LOW', ['D1', 'D2', 'D3'], 0.75, 'CO-DIST');
    // The same shallow bias without a common consignee is no ring.
    scheme(w, 'SU-CHEAP', ['C1', 'C2', 'C3'], 0.75);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.label}:${m.id}`))).toEqual([
      ['Importer:D1', 'Importer:D2', 'Importer:D3', 'Consignee:CO-DIST', 'Supplier:SU-LOW'],
    ]);
    expect(rings[0]!.indicators.find((i) => i.name === 'unit_value_below_median')!.description).toMatch(
      /^unit values are 2\d% below the HS 6403 median$/,
    );
  });

  it('reports separate schemes as separate rings in a stable order', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    scheme(w, 'SU-Z', ['Z1', 'Z2', 'Z3'], 0.35);
    scheme(w, 'SU-A', ['A1', 'A2', 'A3'], 0.45);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.at(-1)!.id)).toEqual(['SU-A', 'SU-Z']);
  });

  it('finds importers sharing a consignee and a supplier not biased for its other clients, not cheap buyers sharing a consignee', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    const buy = (importer: string, supplier: string, consignee: string, n: number): void => {
      for (let l = 0; l < 3; l++)
        w.ship({
          importerId: importer,
          supplierId: supplier,
          consigneeId: consignee,
          date: isoDay(20 + n * 5 + l * 40),
          netMassKg: 100,
          customsValue: 400,
        });
    };
    // The ring: three importers declaring 40 % of value on lawful suppliers' goods and on a small
    // supplier's, whose other client pays full value, delivered to one consignee.
    for (const [n, id] of ['P1', 'P2', 'P3'].entries()) {
      w.party('Importer', id, { registeredOn: '2012-01-01' });
      buy(id, 'SUP-0', 'CO-R', n);
      buy(id, 'SUP-1', 'CO-R', n);
      buy(id, 'SU-R', 'CO-R', n);
    }
    for (let l = 0; l < 12; l++)
      w.ship({
        importerId: 'LEGIT-000',
        supplierId: 'SU-R',
        date: isoDay(30 + l * 7),
        netMassKg: 100,
        customsValue: 1000,
      });
    // Lawful discount buyers meeting at one consignee and sharing nothing else: no ring.
    for (const [n, id] of ['K1', 'K2', 'K3'].entries()) {
      buy(id, 'SUP-2', 'CO-K', n);
      buy(id, 'SUP-3', 'CO-K', n);
    }
    // A retail chain's warehouse receiving for twelve importers, two of them undervaluing alone.
    for (const [n, id] of ['Q1', 'Q2'].entries()) buy(id, 'SUP-2', 'CO-RETAIL', n);
    for (let f = 0; f < 10; f++)
      w.ship({
        importerId: `LEGIT-${String(f).padStart(3, '0')}`,
        consigneeId: 'CO-RETAIL',
        date: isoDay(100 + f),
        netMassKg: 100,
        customsValue: 1000,
      });
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      ['importer:P1', 'importer:P2', 'importer:P3', 'consignee:CO-R', 'supplier:SU-R'],
    ]);
    expect(rings[0]!.indicators[2]!.description).toBe('3 importers with the same bias share CO-R and SU-R');
    expect(rings[0]!.indicators[1]!.evidence.declarations).toHaveLength(27);
  });

  it('finds a distributor whose importers each undervalue too little to judge alone, over several suppliers', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    w.party('Consignee', 'CO-DIST', { registeredOn: '2012-01-01' });
    const importers = ['D1', 'D2', 'D3', 'D4'];
    for (const [n, id] of importers.entries()) {
      w.party('Importer', id, { registeredOn: '2012-01-01' });
      for (const [k, supplierId] of ['SU-A', 'SU-B', 'SU-C'].entries())
        for (let l = 0; l < 2; l++)
          w.ship({
            importerId: id,
            supplierId,
            consigneeId: 'CO-DIST',
            date: isoDay(20 + n * 7 + k * 3 + l * 60),
            netMassKg: 100,
            customsValue: 800,
          });
      // Camouflage: honest purchases from a market supplier, delivered to themselves.
      for (let l = 0; l < 4; l++)
        w.ship({
          importerId: id,
          supplierId: 'SUP-1',
          date: isoDay(40 + n + l * 50),
          netMassKg: 100,
          customsValue: 1000,
        });
    }
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      ['importer:D1', 'importer:D2', 'importer:D3', 'importer:D4', 'consignee:CO-DIST'],
    ]);
    const [below, , shared] = rings[0]!.indicators.map((i) => i.description);
    expect(below).toBe('unit values are 19% below the HS 6403 median');
    expect(shared).toBe('4 importers show the same bias through distributor CO-DIST');
  });

  it("does not take buyers of cheap grades, cheap with every supplier, for a complicit supplier's clients", async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    for (const [n, id] of ['K1', 'K2', 'K3'].entries()) {
      w.party('Importer', id, { registeredOn: '2012-01-01' });
      for (const [k, supplierId] of ['SU-STOCKLOT', 'SUP-1'].entries())
        for (let l = 0; l < 5; l++)
          w.ship({
            importerId: id,
            supplierId,
            date: isoDay(20 + n * 7 + k * 3 + l * 40),
            netMassKg: 100,
            customsValue: 400,
          });
    }
    expect(detect(await w.view())).toEqual([]);
  });

  /**
   * `prices` (one factor of the usual ~10 per kg per importer) bought from two suppliers that sell
   * only to these importers, all delivered to `consigneeId`, with honest camouflage trade; small
   * deterministic jitter per line.
   */
  function distributorTrade(
    w: World,
    consigneeId: string,
    prices: Record<string, number>,
    line: { dutyPaid?: number } = {},
  ): void {
    w.party('Consignee', consigneeId, { registeredOn: '2012-01-01' });
    for (const [n, [id, factor]] of Object.entries(prices).entries()) {
      w.party('Importer', id, { registeredOn: '2012-01-01' });
      for (let l = 0; l < 6; l++)
        w.ship({
          importerId: id,
          supplierId: `${consigneeId}-SU-${l % 2}`,
          consigneeId,
          date: isoDay(20 + n * 7 + l * 45),
          netMassKg: 100,
          customsValue: Math.round(1000 * factor * (1 + 0.02 * (((l * 7 + n * 3) % 5) - 2))),
          ...line,
        });
      for (let l = 0; l < 4; l++)
        w.ship({
          importerId: id,
          supplierId: 'SUP-1',
          date: isoDay(40 + n + l * 50),
          netMassKg: 100,
          customsValue: 1000,
        });
    }
  }

  it('finds a shallow discount of one price list through a distributor, against the market without its suppliers', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    // 12 % below the market: within the honest spread between lines, too shallow for the z-score.
    distributorTrade(w, 'CO-DIST', { D1: 0.88, D2: 0.88, D3: 0.88, D4: 0.88 });
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      ['importer:D1', 'importer:D2', 'importer:D3', 'importer:D4', 'consignee:CO-DIST'],
    ]);
    expect(rings[0]!.indicators[0]!.description).toBe('unit values are 11% below the HS 6403 median');
  });

  it('does not take a distributor whose importers each pay their own price, nor duty-free parcels, for a shallow ring', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    // The same median discount, but each firm at its own price: as spread as the market.
    distributorTrade(w, 'CO-MIXED', { M1: 0.62, M2: 0.8, M3: 0.98, M4: 1.15 });
    // One price list 12 % low, but on parcels that owe no duty: nothing to hide by the value.
    distributorTrade(w, 'CO-PARCELS', { P1: 0.88, P2: 0.88, P3: 0.88, P4: 0.88 }, { dutyPaid: 0 });
    expect(detect(await w.view())).toEqual([]);
  });

  it("does not take a lawful supplier low by one big cheap buyer's line count for a complicit one", async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    const buy = (importerId: string, lines: number, customsValue: number): void => {
      w.party('Importer', importerId, { registeredOn: '2012-01-01' });
      for (let l = 0; l < lines; l++)
        w.ship({
          importerId,
          supplierId: 'SU-MARKET',
          date: isoDay(10 + l * 9),
          netMassKg: 100,
          customsValue,
        });
    };
    buy('DISCOUNT', 30, 450);
    for (const id of ['C1', 'C2']) buy(id, 3, 600);
    for (const id of ['F1', 'F2', 'F3', 'F4']) buy(id, 3, 1000);
    expect(detect(await w.view())).toEqual([]);
  });
});
