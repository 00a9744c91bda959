// The generated world: deterministic, consistent with its truth, within the illicit share the
// issue sets, every typology planted, and in the canonical formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECLARATION_COLUMNS, ENTITY_COLUMNS } from '../../seed/csv.ts';
import { PlantedTypology } from '../../src/eval/truth.ts';
import { generateInto, removeWorld, type WorldFiles } from './world-files.ts';

const KIND_OF_LABEL: Record<string, string> = {
  Importer: 'importer',
  Consignee: 'consignee',
  Broker: 'broker',
  Supplier: 'supplier',
  Person: 'person',
};

describe('seed: tiny world', () => {
  let a: WorldFiles;
  let again: WorldFiles;
  let other: WorldFiles;
  beforeAll(async () => {
    [a, again, other] = await Promise.all([
      generateInto('tiny', 7),
      generateInto('tiny', 7),
      generateInto('tiny', 8),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a, again, other].filter(Boolean).map(removeWorld));
  });

  it('gives byte-identical files for the same seed', () => {
    expect(again.declarationsCsv).toBe(a.declarationsCsv);
    expect(again.entitiesCsv).toBe(a.entitiesCsv);
    expect(again.truthJson).toBe(a.truthJson);
  });

  it('gives different files for a different seed', () => {
    expect(other.declarationsCsv).not.toBe(a.declarationsCsv);
    expect(other.entitiesCsv).not.toBe(a.entitiesCsv);
  });

  it('writes the canonical columns', () => {
    expect(a.declarationsCsv.split('\n', 1)[0]).toBe(DECLARATION_COLUMNS.join(','));
    expect(a.entitiesCsv.split('\n', 1)[0]).toBe(ENTITY_COLUMNS.join(','));
  });

  it('writes about 2,000 lines, counted right in the truth', () => {
    expect(a.declarations.length).toBe(a.truth.counts.lines);
    expect(a.declarations.length).toBeGreaterThan(1900);
    expect(a.declarations.length).toBeLessThan(2100);
    expect(a.entities.length).toBe(a.truth.counts.entities);
    expect(new Set(a.declarations.map((d) => d.declaration_id)).size).toBe(a.truth.counts.declarations);
  });

  it('fills the required fields in the canonical formats', () => {
    for (const d of a.declarations) {
      expect(d.declaration_id).toMatch(/^\d{10}$/);
      expect(d.date).toMatch(/^202[45]-\d{2}-\d{2}$/);
      expect(d.importer_id).not.toBe('');
      expect(d.hs_code).toMatch(/^\d{8}$/);
      expect(Number(d.customs_value)).toBeGreaterThan(0);
      expect(['true', 'false']).toContain(d.inspected);
      expect(['', 'true', 'false']).toContain(d.illicit);
    }
  });

  it('keeps every truth member and illicit line in the CSVs', () => {
    const entities = new Map(a.entities.map((e) => [e.entity_id, e]));
    const lines = new Map(a.declarations.map((d) => [`${d.declaration_id}/${d.line}`, d]));
    for (const ring of a.truth.rings) {
      for (const m of ring.members)
        expect(entities.get(m.id)?.kind, `${ring.id} member ${m.id}`).toBe(KIND_OF_LABEL[m.label]);
      for (const l of ring.illicitLines) {
        const row = lines.get(l.id);
        expect(row, `${ring.id} line ${l.id}`).toBeDefined();
        // An illicit line involves the ring: its importer, broker, consignee or supplier is a member.
        const parties = [row?.importer_id, row?.broker_id, row?.consignee_id, row?.supplier_id];
        expect(ring.members.some((m) => parties.includes(m.id))).toBe(true);
        // Inspection found it when it was inspected.
        if (row?.inspected === 'true') expect(row.illicit).toBe('true');
      }
      // Every illicit line evades some duty: that is what makes it illicit.
      for (const l of ring.illicitLines)
        expect(l.revenueAtRisk, `${ring.id} line ${l.id}`).toBeGreaterThan(0);
      expect(ring.revenueAtRisk).toBeCloseTo(
        ring.illicitLines.reduce((s, l) => s + l.revenueAtRisk, 0),
        1,
      );
    }
    for (const look of a.truth.lookAlikes)
      for (const m of look.members) expect(entities.has(m.id)).toBe(true);
  });

  it('marks seized lines only on planted illicit lines', () => {
    const illicit = new Set(a.truth.rings.flatMap((r) => r.illicitLines.map((l) => l.id)));
    const seized = a.declarations.filter((d) => d.illicit === 'true');
    expect(seized.length).toBe(a.truth.counts.seizedLines);
    for (const d of seized) expect(illicit.has(`${d.declaration_id}/${d.line}`)).toBe(true);
  });

  it('never has a firm trade outside its registration', () => {
    const entities = new Map(a.entities.map((e) => [e.entity_id, e]));
    for (const d of a.declarations) {
      const importer = entities.get(d.importer_id);
      expect(importer?.kind).toBe('importer');
      if (importer?.registered_on)
        expect((d.date ?? '') >= importer.registered_on, `${d.importer_id} on ${d.date}`).toBe(true);
      if (importer?.closed_on)
        expect((d.date ?? '') < importer.closed_on, `${d.importer_id} on ${d.date}`).toBe(true);
    }
  });
});

describe('seed: small world', () => {
  let w: WorldFiles;
  beforeAll(async () => {
    w = await generateInto('small', 7);
  });
  afterAll(async () => {
    if (w) await removeWorld(w);
  });

  it('plants every typology, in rings of 3 to 40 members', () => {
    const planted = new Set(w.truth.rings.map((r) => r.typology));
    expect([...planted].sort()).toEqual([...PlantedTypology.options].sort());
    for (const r of w.truth.rings) {
      expect(r.members.length).toBeGreaterThanOrEqual(3);
      expect(r.members.length).toBeLessThanOrEqual(40);
    }
  });

  it('keeps illicit lines between 1% and 3% of all lines', () => {
    const share = w.truth.counts.illicitLines / w.truth.counts.lines;
    expect(share).toBeGreaterThanOrEqual(0.01);
    expect(share).toBeLessThanOrEqual(0.03);
  });

  it('has the look-alikes: addresses shared by dozens of firms, a broker serving hundreds', () => {
    const byAddress = new Map<string, number>();
    for (const e of w.entities) {
      const key = e.address?.trim().toLowerCase().replace(/\s+/g, ' ');
      if (key) byAddress.set(key, (byAddress.get(key) ?? 0) + 1);
    }
    expect(Math.max(...byAddress.values())).toBeGreaterThanOrEqual(20);
    const clients = new Map<string, Set<string>>();
    for (const d of w.declarations) {
      if (!d.broker_id) continue;
      const set = clients.get(d.broker_id) ?? new Set<string>();
      set.add(d.importer_id ?? '');
      clients.set(d.broker_id, set);
    }
    expect(Math.max(...[...clients.values()].map((s) => s.size))).toBeGreaterThanOrEqual(100);
  });
});
