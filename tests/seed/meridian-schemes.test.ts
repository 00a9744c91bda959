// Each Meridian scheme is planted as seed/meridian/SPEC.md describes it, read back from the files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../src/model/identifiers.ts';
import {
  byShipment,
  meridianInto,
  removeMeridian,
  ringImporters,
  type MeridianFiles,
  type Row,
} from './meridian-world.ts';

const DAY = 86_400_000;
const dayOf = (r: Row) => Date.parse(r.date!) / DAY;

function rings(w: MeridianFiles, typology: string) {
  const found = w.truth.rings.filter((r) => r.typology === typology);
  expect(found.length, typology).toBeGreaterThan(0);
  return found;
}

function illicitRows(w: MeridianFiles, ring: MeridianFiles['truth']['rings'][number]): Row[] {
  const lines = byShipment(w);
  return ring.illicitLines.map((l) => lines.get(l.id)!);
}

/** Normalised identifiers of a registered party, as the store would key them. */
function identifiers(w: MeridianFiles, id: string): Set<string> {
  const e = w.entityById.get(id)!;
  const out = new Set<string>();
  for (const [column, label] of [
    ['address', 'Address'],
    ['phone', 'Phone'],
    ['bank_account', 'BankAccount'],
  ] as const) {
    const raw = e[column];
    if (raw) out.add(`${label}:${String(normaliseIdentifier(label, raw))}`);
  }
  for (const d of (e.director_ids ?? '').split(';').filter(Boolean)) out.add(`director:${d}`);
  return out;
}

describe.each([
  ['us', 800],
  ['eu', 150],
] as const)('meridian small 2001 under the %s administration', (administration, deMinimis) => {
  let w: MeridianFiles;
  beforeAll(async () => {
    w = await meridianInto({ size: 'small', seed: 2001, administration });
  }, 60_000);
  afterAll(() => removeMeridian(w));

  it('splits consignments under its de-minimis across several importers, converging on one consignee in bursts', () => {
    expect(w.administration.deMinimis).toBe(deMinimis);
    for (const ring of rings(w, 'split_shipments')) {
      const rows = illicitRows(w, ring);
      for (const r of rows) {
        expect(Number(r.customs_value)).toBeLessThan(deMinimis);
        expect(Number(r.customs_value)).toBeGreaterThanOrEqual(deMinimis * 0.45);
        expect(r.broker_id).toBe('');
        expect(Number(r.duty_paid)).toBe(0);
      }
      expect(new Set(rows.map((r) => r.consignee_id)).size).toBe(1);
      expect(new Set(rows.map((r) => r.importer_id)).size).toBe(ringImporters(ring).length);
      // Every parcel has a sibling within the same few days, and bursts add up past the de-minimis.
      const days = rows.map(dayOf).sort((a, b) => a - b);
      for (const d of days)
        expect(days.filter((e) => Math.abs(e - d) <= 3).length, ring.id).toBeGreaterThanOrEqual(3);
      const firstBurst = rows.filter((r) => dayOf(r) - days[0]! <= 3);
      expect(firstBurst.reduce((a, r) => a + Number(r.customs_value), 0)).toBeGreaterThan(deMinimis);
    }
  });

  it('declares transshipped goods with an origin other than the supplier country from the first line', () => {
    for (const ring of rings(w, 'origin_misdeclaration')) {
      const suppliers = new Set(ring.members.filter((m) => m.label === 'Supplier').map((m) => m.id));
      const illicit = new Set(ring.illicitLines.map((l) => l.id));
      // A supplier outside the registry has its country on the declaration rows that show it.
      const shown = new Map(
        w.declarations.filter((r) => r.supplier_country).map((r) => [r.supplier_id, r.supplier_country]),
      );
      for (const r of illicitRows(w, ring)) {
        const supplierCountry = w.entityById.get(r.supplier_id!)?.country ?? shown.get(r.supplier_id);
        expect(['CN', 'HK']).toContain(supplierCountry);
        expect(r.origin_country).not.toBe(supplierCountry);
        expect(r.origin_country).not.toBe('CN');
      }
      for (const importer of ringImporters(ring)) {
        const withRingSuppliers = w.declarations.filter(
          (r) => r.importer_id === importer && suppliers.has(r.supplier_id!),
        );
        expect(withRingSuppliers.length).toBeGreaterThan(0);
        for (const r of withRingSuppliers) expect(illicit.has(`${r.declaration_id}/${r.line}`)).toBe(true);
      }
    }
  });
});

describe('meridian small 2001: the other schemes', () => {
  let w: MeridianFiles;
  beforeAll(async () => {
    w = await meridianInto({ size: 'small', seed: 2001 });
  }, 60_000);
  afterAll(() => removeMeridian(w));

  it('links undervaluation importers only through their suppliers and one consignee', () => {
    for (const ring of rings(w, 'undervaluation')) {
      const importers = ringImporters(ring);
      const rows = illicitRows(w, ring);
      const consignees = new Set(rows.map((r) => r.consignee_id).filter(Boolean));
      expect(consignees.size).toBe(1);
      expect(ring.members.filter((m) => m.label === 'Consignee').map((m) => m.id)).toEqual([...consignees]);
      for (const r of rows)
        expect(ring.members.some((m) => m.label === 'Supplier' && m.id === r.supplier_id)).toBe(true);
      for (const [i, a] of importers.entries())
        for (const b of importers.slice(i + 1)) {
          const shared = [...identifiers(w, a)].filter((x) => identifiers(w, b).has(x));
          expect(shared, `${a} ${b}`).toEqual([]);
        }
    }
  });

  it('connects shared-identifier fronts through phones, seats, accounts or nominees', () => {
    for (const ring of rings(w, 'shared_identifiers')) {
      const fronts = ringImporters(ring);
      for (const [i, f] of fronts.entries()) {
        if (i === 0) continue;
        const shared = [...identifiers(w, f)].filter((x) => identifiers(w, fronts[i - 1]!).has(x));
        expect(shared.length, `${fronts[i - 1]} → ${f}`).toBeGreaterThan(0);
      }
    }
  });

  it('reopens each phoenix firm after the last closed, with its controller or a relative and its seat or phone', () => {
    for (const ring of rings(w, 'phoenix')) {
      const firms = ringImporters(ring).map((id) => w.entityById.get(id)!);
      const people = new Set(ring.members.filter((m) => m.label === 'Person').map((m) => m.id));
      for (const [i, firm] of firms.entries()) {
        expect(people.has(firm.director_ids!)).toBe(true);
        if (i === 0) continue;
        const prev = firms[i - 1]!;
        expect(prev.closed_on).not.toBe('');
        expect(firm.address === prev.address || firm.phone === prev.phone).toBe(true);
        expect(firm.name).not.toBe(prev.name);
      }
      expect(illicitRows(w, ring).some((r) => Number(r.duty_paid) === 0)).toBe(true);
    }
  });

  it('has broker-centred rings misclassify through one broker that also serves lawful clients', () => {
    for (const ring of rings(w, 'broker_centred')) {
      const broker = ring.members.find((m) => m.label === 'Broker')!.id;
      const rows = illicitRows(w, ring);
      for (const r of rows) expect(r.broker_id).toBe(broker);
      expect(rows.some((r) => ['847330', '640419', '871499'].includes(r.hs_code!))).toBe(true);
      const clients = new Set(w.declarations.filter((r) => r.broker_id === broker).map((r) => r.importer_id));
      const ringClients = ringImporters(ring);
      expect(clients.size).toBeGreaterThan(ringClients.length);
    }
  });

  it('draws ring sizes over the whole 2–20 range', () => {
    const sizes = w.truth.rings.map((r) => ringImporters(r).length);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(6);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(15);
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(2);
  });
});
