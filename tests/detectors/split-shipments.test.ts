import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detectors/split-shipments.ts';
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
