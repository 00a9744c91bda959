import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detectors/phoenix.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

/** A chain of firms run by one person, each closing and handing its phone to the next. */
function chain(w: World, person: string, firms: string[], paysDuty: boolean): void {
  const boss = w.party('Person', person);
  firms.forEach((id, n) => {
    const open = 10 + n * 90;
    const firm = w.party('Importer', id, {
      registeredOn: isoDay(open - 5),
      closedOn: n < firms.length - 1 ? isoDay(open + 80) : null,
    });
    w.rel('DIRECTS', boss, firm);
    w.has(firm, 'Phone', `${person} phone`);
    for (let l = 0; l < 4; l++) {
      w.ship({
        importerId: id,
        brokerId: `BR-${person}`,
        date: isoDay(open + l * 18),
        ...(paysDuty || l < 2 ? {} : { dutyPaid: 0 }),
      });
    }
  });
}

describe('phoenix detector', () => {
  detectorContract('phoenix', detect);

  it('finds the chain that leaves its duty unpaid, with its director', async () => {
    const w = new World();
    legitimateTrade(w, 20, 6);
    chain(w, 'P-BOSS', ['F1', 'F2', 'F3'], false);
    const rings = detect(await w.view());
    expect(rings).toHaveLength(1);
    expect(rings[0]!.members.map((m) => `${m.role}:${m.id}`)).toEqual([
      'predecessor:F1',
      'successor:F2',
      'successor:F3',
      'director:P-BOSS',
    ]);
    expect(rings[0]!.indicators.find((i) => i.name === 'unpaid_duty')!.description).toMatch(
      /^6 of their 12 declaration lines left the duty unpaid/,
    );
    expect(rings[0]!.revenueAtRisk).toBeCloseTo(600, 0);
  });

  it('leaves a lawful reopening that paid its duty alone', async () => {
    const w = new World();
    legitimateTrade(w, 20, 6);
    chain(w, 'P-HONEST', ['H1', 'H2'], true);
    expect(detect(await w.view())).toEqual([]);
  });

  it('keeps two chains apart', async () => {
    const w = new World();
    legitimateTrade(w, 20, 6);
    chain(w, 'P-B', ['B1', 'B2'], false);
    chain(w, 'P-A', ['A1', 'A2'], false);
    expect(detect(await w.view()).map((r) => r.members.map((m) => m.id).join(' '))).toEqual([
      'A1 A2 P-A',
      'B1 B2 P-B',
    ]);
  });
});
