import { describe, expect, it } from 'vitest';
import { DEFAULTS, detect } from '../../src/detectors/shared-identifiers.ts';
import { DetectorInputError } from '../../src/detectors/input.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';

function ringWorld(): World {
  const w = new World();
  legitimateTrade(w, 30, 6);
  // A ring: three fresh importers sharing one address and two phones.
  for (const id of ['R1', 'R2', 'R3']) {
    const firm = w.party('Importer', id, { registeredOn: '2025-01-10' });
    w.has(firm, 'Address', '7 harbour lane');
    w.has(firm, 'Phone', id === 'R3' ? '+1555000' : '+1555111');
    if (id !== 'R1') w.has(firm, 'Phone', '+1555000');
    w.ship({ importerId: id, brokerId: 'BIG', date: isoDay(30), customsValue: 300 });
    w.ship({ importerId: id, brokerId: 'BIG', date: isoDay(120), customsValue: 300 });
  }
  // A business centre with its agent's phone: 25 unrelated old firms (a legitimate hub).
  for (let i = 0; i < 25; i++)
    w.has({ label: 'Importer', id: `LEGIT-${String(i).padStart(3, '0')}` }, 'Phone', '+1 agent');
  for (let i = 0; i < 25; i++)
    w.has({ label: 'Importer', id: `LEGIT-${String(i).padStart(3, '0')}` }, 'Address', '1 business centre');
  // Family firms sharing only a director.
  const dad = w.party('Person', 'P-DAD');
  for (const id of ['LEGIT-026', 'LEGIT-027']) w.rel('DIRECTS', dad, { label: 'Importer', id });
  return w;
}

describe('shared_identifiers detector', () => {
  it('rejects input that is not a detection view, naming the detector', () => {
    expect(() => detect({} as never)).toThrow(DetectorInputError);
    expect(() => detect({} as never)).toThrow(/shared_identifiers detector/);
  });

  it('rejects invalid options', async () => {
    const view = await new World().view();
    expect(() => detect(view, { maxHolders: 1 })).toThrow(/invalid option maxHolders/);
  });

  it('finds nothing in an empty world', async () => {
    expect(detect(await new World().view())).toEqual([]);
  });

  it('finds the ring and ignores the business centre and the family director', async () => {
    const rings = detect(await ringWorld().view());
    expect(rings.map((r) => r.members.map((m) => m.id))).toEqual([['R1', 'R2', 'R3']]);
    const shared = rings[0]!.indicators.find((i) => i.name === 'shared_identifiers')!;
    expect(shared.description).toBe('3 importers share one address and two phones');
    expect(shared.evidence.rels.length).toBeGreaterThan(0);
    expect(rings[0]!.indicators.find((i) => i.name === 'young_firms')!.value).toBe(1);
  });

  it('keeps separate components as separate rings in a stable order', async () => {
    const w = ringWorld();
    for (const id of ['A1', 'A2']) {
      const firm = w.party('Importer', id, { registeredOn: '2025-02-01' });
      w.has(firm, 'BankAccount', 'IBAN-A');
      w.ship({ importerId: id, date: isoDay(40) });
      w.ship({ importerId: id, date: isoDay(100) });
    }
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members[0]!.id)).toEqual(['A1', 'R1']);
    expect(DEFAULTS.maxHolders).toBeLessThan(25);
  });
});

describe('shared_identifiers detector on successive firms', () => {
  it('leaves firms that never traded side by side to the phoenix detector', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    for (const [id, day] of [
      ['S1', 10],
      ['S2', 200],
    ] as const) {
      const firm = w.party('Importer', id, { registeredOn: isoDay(day - 5) });
      w.has(firm, 'Phone', '+1 same');
      w.has(firm, 'BankAccount', 'IBAN-SAME');
      w.ship({ importerId: id, date: isoDay(day) });
      w.ship({ importerId: id, date: isoDay(day + 20) });
    }
    expect(detect(await w.view())).toEqual([]);
  });
});

describe('shared_identifiers detector on firm ages and weak ties', () => {
  it('ties fresh firms that existed side by side even when their few lines never overlap', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    // One line each, weeks apart; the first firm stays registered until it closes on day 200.
    for (const [id, day, closedOn] of [
      ['B1', 20, isoDay(200)],
      ['B2', 80, null],
    ] as const) {
      const firm = w.party('Importer', id, { registeredOn: isoDay(5), closedOn });
      w.has(firm, 'BankAccount', 'IBAN-BATCH');
      w.ship({ importerId: id, date: isoDay(day) });
    }
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => m.id))).toEqual([['B1', 'B2']]);
  });

  it('ignores firms established long before the data that share a seat and a phone', async () => {
    const w = new World();
    legitimateTrade(w, 10, 6);
    for (const id of ['OLD1', 'OLD2', 'OLD3']) {
      const firm = w.party('Importer', id, { registeredOn: '2012-03-01' });
      w.has(firm, 'Address', '16 trade tower');
      w.has(firm, 'Phone', '+1 agent desk');
      w.ship({ importerId: id, date: isoDay(30) });
      w.ship({ importerId: id, date: isoDay(150) });
    }
    expect(detect(await w.view())).toEqual([]);
  });

  it('lets one shared identifier extend a ring of firms registered together, never start one', async () => {
    const w = ringWorld();
    const extra = w.party('Importer', 'R4', { registeredOn: '2025-02-01' });
    w.has(extra, 'Phone', '+1555000');
    w.ship({ importerId: 'R4', date: isoDay(60) });
    w.ship({ importerId: 'R4', date: isoDay(140) });
    // Two fresh firms sharing only a seat: one weak tie and nothing strong beside it.
    for (const id of ['S1', 'S2']) {
      const firm = w.party('Importer', id, { registeredOn: '2025-01-15' });
      w.has(firm, 'Address', '3 quay street');
      w.ship({ importerId: id, date: isoDay(40) });
      w.ship({ importerId: id, date: isoDay(160) });
    }
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => m.id))).toEqual([['R1', 'R2', 'R3', 'R4']]);
    // Registered half a year apart, the same phone is no longer a batch.
    const late = ringWorld();
    const stranger = late.party('Importer', 'R4', { registeredOn: '2025-08-01' });
    late.has(stranger, 'Phone', '+1555000');
    late.ship({ importerId: 'R4', date: isoDay(230) });
    late.ship({ importerId: 'R4', date: isoDay(300) });
    expect(detect(await late.view()).map((r) => r.members.map((m) => m.id))).toEqual([['R1', 'R2', 'R3']]);
  });
});

describe('shared_identifiers detector on seats of established firms', () => {
  /** Old firms at a seat (address and switchboard phone), with a new firm moving in beside them. */
  function businessCentre(w: World): void {
    for (const [id, registeredOn] of [
      ['BC1', '2009-08-01'],
      ['BC2', '2014-01-23'],
      ['BC3', '2016-05-22'],
      ['BC4', '2020-02-07'],
      ['BC-NEW', '2024-11-20'],
    ] as const) {
      const firm = w.party('Importer', id, { registeredOn });
      w.has(firm, 'Address', 'Regus, 4 quay street');
      w.has(firm, 'Phone', '+1 switchboard');
      w.ship({ importerId: id, date: isoDay(30) });
      w.ship({ importerId: id, date: isoDay(150) });
    }
  }

  /** A family group: two directors of four old firms and one whose registry row has no date. */
  function familyGroup(w: World): void {
    const parents = [w.party('Person', 'P-MUM'), w.party('Person', 'P-DAD')];
    for (const [id, registeredOn] of [
      ['FAM1', '2008-06-22'],
      ['FAM2', '2006-01-21'],
      ['FAM3', '2010-03-14'],
      ['FAM-UNDATED', null],
    ] as const) {
      const firm = w.party('Importer', id, registeredOn ? { registeredOn } : {});
      for (const parent of parents) w.rel('DIRECTS', parent, firm);
      w.ship({ importerId: id, date: isoDay(20) });
      w.ship({ importerId: id, date: isoDay(200) });
    }
  }

  it('reports neither a new tenant of a business centre nor a family group with an undated firm', async () => {
    const w = ringWorld();
    businessCentre(w);
    familyGroup(w);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.filter((m) => m.label === 'Importer').map((m) => m.id))).toEqual([
      ['R1', 'R2', 'R3'],
    ]);
  });

  it('reports them when every seat is allowed to tie (the option the rule reads)', async () => {
    const w = ringWorld();
    businessCentre(w);
    familyGroup(w);
    const rings = detect(await w.view(), { maxEstablishedShare: 1 });
    expect(rings.map((r) => r.members[0]!.id).sort()).toEqual(['BC-NEW', 'FAM-UNDATED', 'R1'].sort());
  });
});
