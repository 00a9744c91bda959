import { describe, expect, it } from 'vitest';
import { detect, profileOptions } from '../../src/detectors/split-shipments.ts';
import { PROFILE_PRESETS } from '../../src/model/profile.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

function burst(w: World, supplier: string, consignee: string, day: number, lines: number, value = 140): void {
  for (let l = 0; l < lines; l++)
    w.ship({
      importerId: 'IM-REC',
      supplierId: supplier,
      consigneeId: consignee,
      date: isoDay(day + (l % 3)),
      customsValue: value,
      dutyPaid: 0,
    });
}

describe('split_shipments detector', () => {
  detectorContract('split_shipments', detect);

  it('gathers every burst of one supplier into one ring', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    burst(w, 'SU-SPLIT', 'CO-1', 100, 6);
    burst(w, 'SU-SPLIT', 'CO-2', 160, 5);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      ['supplier:SU-SPLIT', 'consignee:CO-1', 'consignee:CO-2', 'importer:IM-REC'],
    ]);
    expect(rings[0]!.indicators[0]!.evidence.declarations).toHaveLength(11);
    expect(rings[0]!.revenueAtRisk).toBeCloseTo(11 * 140 * 0.1, 5);
  });

  it('ignores low-value lines spread over months and bursts of full-value lines', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    for (let l = 0; l < 8; l++) burst(w, 'SU-SLOW', 'CO-3', l * 30, 1);
    burst(w, 'SU-BIG', 'CO-4', 50, 8, 900);
    expect(detect(await w.view())).toEqual([]);
  });

  it('keeps two suppliers apart', async () => {
    const w = new World();
    burst(w, 'SU-B', 'CO-1', 10, 5);
    burst(w, 'SU-A', 'CO-2', 10, 5);
    expect(detect(await w.view()).map((r) => r.members[0]!.id)).toEqual(['SU-A', 'SU-B']);
  });
});

describe('split_shipments under the administration profile', () => {
  const us = profileOptions(PROFILE_PRESETS.us!);
  const eu = profileOptions(PROFILE_PRESETS.eu!);

  /** Front importers of record sending one supplier's goods to one consignee, just under 800. */
  function fronts(w: World, bursts: number, linesEach: number): void {
    for (let b = 0; b < bursts; b++)
      for (let l = 0; l < linesEach; l++)
        w.ship({
          importerId: `IM-F${l % 4}`,
          supplierId: 'SU-X',
          consigneeId: 'CO-HUB',
          date: isoDay(20 + b * 40 + (l % 3)),
          customsValue: 700 + ((b * linesEach + l) % 9) * 10,
          dutyPaid: 0,
        });
  }

  it('finds lines split just under an 800 USD de-minimis through several importers of record', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    fronts(w, 3, 6);
    const rings = detect(await w.view(), us);
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      [
        'supplier:SU-X',
        'consignee:CO-HUB',
        'importer:IM-F0',
        'importer:IM-F1',
        'importer:IM-F2',
        'importer:IM-F3',
      ],
    ]);
    expect(rings[0]!.indicators[0]!.description).toMatch(
      /just under the de-minimis value 800 from supplier SU-X/,
    );
    expect(rings[0]!.indicators[0]!.evidence.declarations).toHaveLength(18);
  });

  it('the 150 EUR profile does not report the same lines as split below its threshold', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    fronts(w, 3, 6);
    expect(detect(await w.view(), eu)).toEqual([]);
  });

  it('reads an 800 threshold from the data when the values heap below it, naming where it came from', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    fronts(w, 12, 6);
    const view = await w.view();
    const rings = detect(view, eu);
    expect(rings).toHaveLength(1);
    expect(rings[0]!.indicators[0]!.description).toMatch(
      /just under 800, a threshold the declared values reveal \(60 lines just under it, 1 just over\)/,
    );
    expect(detect(view, { ...eu, revealHeaps: false })).toEqual([]);
  });

  it('joins consignees sharing an address, but not tenants of a listed business centre or a listed forwarder', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    // Two lines a week to each of two consignees from one web shop: four at one point.
    const parcels = (consignee: string, day: number): void => {
      for (let l = 0; l < 2; l++)
        w.ship({
          importerId: 'IM-SHOP',
          supplierId: 'SU-SHOP',
          consigneeId: consignee,
          date: isoDay(day + l),
          customsValue: 120,
          dutyPaid: 0,
        });
    };
    w.party('Consignee', 'CO-A');
    w.party('Consignee', 'CO-B');
    w.has({ label: 'Consignee', id: 'CO-A' }, 'Address', '1 Business Park, Suite 100');
    w.has({ label: 'Consignee', id: 'CO-B' }, 'Address', '1 Business Park, Suite 100');
    parcels('CO-A', 10);
    parcels('CO-B', 11);
    const view = await w.view();
    expect(detect(view, eu).map((r) => r.members.map((m) => m.id))).toEqual([
      ['SU-SHOP', 'CO-A', 'CO-B', 'IM-SHOP'],
    ]);
    expect(detect(view, { ...eu, businessCentreAddresses: ['1 business park suite 100'] })).toEqual([]);
    // A courier receiving bursts of parcels for its clients, listed as a big forwarder by name.
    w.party('Consignee', 'FW-1', { name: 'Global Express Forwarding' });
    for (let l = 0; l < 6; l++)
      w.ship({
        importerId: 'IM-SHOP',
        supplierId: 'SU-MALL',
        consigneeId: 'FW-1',
        date: isoDay(50 + (l % 3)),
        customsValue: 130,
        dutyPaid: 0,
      });
    const listed = {
      ...eu,
      businessCentreAddresses: ['1 Business Park, Suite 100'],
      bigForwarders: ['global express forwarding'],
    };
    expect(
      detect(await w.view(), { ...eu, businessCentreAddresses: listed.businessCentreAddresses }),
    ).toHaveLength(1);
    expect(detect(await w.view(), listed)).toEqual([]);
  });
});
