// The Meridian generator (seed/meridian/SPEC.md): the same parameters give the same bytes; the
// truth names parties and lines that are in the files; parameters hold their ranges.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byShipment,
  meridianInto,
  removeMeridian,
  ringImporters,
  type MeridianFiles,
} from './meridian-world.ts';

const KIND_LABEL: Record<string, string> = {
  importer: 'Importer',
  consignee: 'Consignee',
  broker: 'Broker',
  supplier: 'Supplier',
  person: 'Person',
};
const sha = (text: string | undefined) =>
  createHash('sha256')
    .update(text ?? '')
    .digest('hex');

describe('meridian small 2001', () => {
  let w: MeridianFiles;
  beforeAll(async () => {
    w = await meridianInto({ size: 'small', seed: 2001 });
  }, 60_000);
  afterAll(() => removeMeridian(w));

  it('writes the same bytes for the same seed, other bytes for another seed', async () => {
    const again = await meridianInto({ size: 'small', seed: 2001 });
    const other = await meridianInto({ size: 'small', seed: 2002 });
    try {
      for (const f of ['declarations.csv', 'entities.csv', 'truth.json', 'world.json'])
        expect(sha(again.bytes[f]), f).toBe(sha(w.bytes[f]));
      expect(sha(other.bytes['declarations.csv'])).not.toBe(sha(w.bytes['declarations.csv']));
    } finally {
      await Promise.all([removeMeridian(again), removeMeridian(other)]);
    }
  }, 60_000);

  it('is the size the spec gives, with three rings of each scheme', () => {
    expect(w.truth.counts.lines).toBe(w.declarations.length);
    expect(w.declarations.length).toBeGreaterThanOrEqual(18_000);
    expect(w.declarations.length).toBeLessThan(18_004);
    expect(w.truth.counts.entities).toBe(w.entities.length);
    const schemes = w.truth.rings.map((r) => r.typology);
    for (const t of [
      'shared_identifiers',
      'broker_centred',
      'phoenix',
      'undervaluation',
      'origin_misdeclaration',
      'split_shipments',
    ])
      expect(schemes.filter((s) => s === t).length, t).toBe(3);
  });

  it('names in the truth only parties and lines that are in the files', () => {
    const lines = byShipment(w);
    const inDeclarations = new Map<string, string>();
    for (const r of w.declarations)
      for (const k of ['importer', 'broker', 'consignee', 'supplier'])
        if (r[`${k}_id`]) inDeclarations.set(r[`${k}_id`]!, KIND_LABEL[k]!);
    for (const ring of w.truth.rings) {
      for (const m of ring.members) {
        const entity = w.entityById.get(m.id);
        const label = entity ? KIND_LABEL[entity.kind!] : inDeclarations.get(m.id);
        expect(label, `${ring.id} ${m.id}`).toBe(m.label);
      }
      let sum = 0;
      for (const l of ring.illicitLines) {
        const row = lines.get(l.id);
        expect(row, l.id).toBeDefined();
        expect(ringImporters(ring)).toContain(row!.importer_id);
        expect(l.revenueAtRisk).toBeGreaterThan(0);
        sum += l.revenueAtRisk;
      }
      expect(ring.revenueAtRisk).toBeCloseTo(sum, 1);
    }
    for (const a of w.truth.lookAlikes)
      for (const m of a.members)
        expect(w.entityById.get(m.id)?.kind, `${a.kind} ${m.id}`).toBe(m.label.toLowerCase());
  });

  it('writes every value in the administration currency, or leaves it empty', () => {
    const currencies = new Set(w.declarations.map((r) => r.currency));
    expect([...currencies].sort()).toEqual(['', w.administration.currency].sort());
    expect(w.truth.currency).toBe(w.administration.currency);
  });

  it('labels a share of illicit lines as seized and never a lawful line', () => {
    const illicit = new Set(w.truth.rings.flatMap((r) => r.illicitLines.map((l) => l.id)));
    let seized = 0;
    for (const r of w.declarations) {
      const id = `${r.declaration_id}/${r.line}`;
      if (r.illicit === 'true') {
        expect(illicit.has(id), id).toBe(true);
        expect(Number(r.revenue_recovered)).toBeGreaterThan(0);
        seized++;
      }
      if (r.inspected === 'false') expect(r.illicit).toBe('');
    }
    expect(seized).toBe(w.truth.counts.seizedLines);
    // 12% by default; a binomial draw over ~2,000 lines stays within 9–15%.
    expect(seized / illicit.size).toBeGreaterThan(0.09);
    expect(seized / illicit.size).toBeLessThan(0.15);
  });

  it('leaves optional fields empty and spells some names differently from the registry', () => {
    const empty = (col: string) => w.declarations.filter((r) => r[col] === '').length;
    for (const col of [
      'office',
      'broker_id',
      'consignee_id',
      'supplier_country',
      'departure_country',
      'gross_mass_kg',
    ])
      expect(empty(col), col).toBeGreaterThan(50);
    expect(w.entities.filter((e) => e.kind === 'importer' && e.phone === '').length).toBeGreaterThan(20);
    const renamed = w.declarations.filter(
      (r) => w.entityById.get(r.importer_id!) && w.entityById.get(r.importer_id!)!.name !== r.importer_name,
    );
    expect(new Set(renamed.map((r) => r.importer_id)).size).toBeGreaterThan(20);
  });

  it('plants the lawful look-alikes of the spec', () => {
    const kinds = new Set(w.truth.lookAlikes.map((a) => a.kind));
    expect([...kinds].sort()).toEqual([
      'big_broker',
      'business_centre',
      'consignee_hub',
      'discount_importer',
      'family_group',
      'lawful_reopening',
      'low_value_platform',
    ]);
    for (const centre of w.truth.lookAlikes.filter((a) => a.kind === 'business_centre'))
      expect(centre.members.length).toBeGreaterThanOrEqual(15);
    const bigBroker = w.truth.lookAlikes.find((a) => a.kind === 'big_broker')!.members[0]!.id;
    expect(
      new Set(w.declarations.filter((r) => r.broker_id === bigBroker).map((r) => r.importer_id)).size,
    ).toBeGreaterThan(100);
  });
});

describe('meridian parameters', () => {
  it('keeps ring sizes and undervaluation depth within the ranges given', async () => {
    const w = await meridianInto({
      size: 'tiny',
      seed: 9,
      ringSize: [3, 5],
      undervaluation: [0.4, 0.45],
      camouflage: 0,
      labelCoverage: 0,
    });
    try {
      const lines = byShipment(w);
      for (const ring of w.truth.rings) {
        const n = ringImporters(ring).length;
        expect(n, ring.id).toBeGreaterThanOrEqual(3);
        expect(n, ring.id).toBeLessThanOrEqual(5);
      }
      const ring = w.truth.rings.find((r) => r.typology === 'undervaluation')!;
      for (const l of ring.illicitLines) {
        // shortfall = rate × (true − declared), paid = rate × declared: their ratio gives the depth.
        const paid = Number(lines.get(l.id)!.duty_paid);
        const depth = l.revenueAtRisk / (l.revenueAtRisk + paid);
        expect(depth).toBeGreaterThan(0.399);
        expect(depth).toBeLessThan(0.451);
      }
      expect(w.truth.counts.seizedLines).toBe(0);
      // No camouflage: ring importers declare only their scheme's lines.
      const illicit = new Set(w.truth.rings.flatMap((r) => r.illicitLines.map((l) => l.id)));
      const members = new Set(
        w.truth.rings.filter((r) => r.typology !== 'broker_centred').flatMap(ringImporters),
      );
      const honest = w.declarations.filter(
        (r) => members.has(r.importer_id!) && !illicit.has(`${r.declaration_id}/${r.line}`),
      );
      expect(honest.length).toBeLessThan(illicit.size * 0.1);
    } finally {
      await removeMeridian(w);
    }
  });

  it('refuses a reversed range naming the parameter', async () => {
    await expect(meridianInto({ size: 'tiny', seed: 1, ringSize: [9, 4] })).rejects.toThrow(
      /ringSize: the range must read MIN-MAX/,
    );
  });
});
