// Header detection and presets: which layout a header is, what is missing or doubled, and how
// preset columns become canonical values.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/header.ts';
import { mapDeclaration } from '../../src/ingest/map-declaration.ts';
import { mapEntity } from '../../src/ingest/map-entity.ts';
import { canonicalProps } from '../../src/ingest/plan.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import { ProblemLog } from '../../src/ingest/problems.ts';
import { rowReader } from '../../src/ingest/row-schema.ts';
import { ShipmentProps } from '../../src/model/index.ts';
import { DECL_HEADER, ENTITY_HEADER } from './helpers.ts';

const KCS_HEADER =
  'Declaration ID,Date,Office ID,Process Type,Import Type,Import Use,Payment Type,Mode of Transport,Declarant ID,Importer ID,Seller ID,Courier ID,HS6 Code,Country of Departure,Country of Origin,Tax Rate,Tax Type,Country of Origin Indicator,Net Mass,Item Price,Fraud,Critical Fraud'.split(
    ',',
  );

function bind(header: string[], preset: Parameters<typeof layoutsFor>[0] = 'ringscope') {
  const log = new ProblemLog('f.csv');
  return { bound: detectLayout(header, layoutsFor(preset), log), log };
}

describe('header detection', () => {
  it('recognises canonical declarations and entities whatever the preset, case and spacing aside', () => {
    expect(bind(DECL_HEADER.split(',')).bound?.layout.name).toBe('ringscope declarations');
    expect(
      bind(
        ENTITY_HEADER.toUpperCase()
          .split(',')
          .map((c) => ` ${c} `),
        'kcs',
      ).bound?.layout.kind,
    ).toBe('entities');
    expect(bind(KCS_HEADER, 'kcs').bound?.layout.name).toBe('kcs');
  });

  it('needs only the required columns, in any order', () => {
    const { bound } = bind(['customs_value', 'hs_code', 'importer_id', 'date', 'declaration_id']);
    expect(bound?.index).toMatchObject({ declaration_id: 4, customs_value: 0 });
  });

  it('names the missing required column of the closest layout', () => {
    const { bound, log } = bind(
      KCS_HEADER.filter((c) => c !== 'Item Price'),
      'kcs',
    );
    expect(bound).toBeNull();
    expect(log.kept).toMatchObject([{ code: 'missing_header', column: 'Item Price', row: 0 }]);
  });

  it('does not guess a preset it was not given', () => {
    const { bound, log } = bind(KCS_HEADER);
    expect(bound).toBeNull();
    expect(log.kept[0]?.code).toBe('missing_header');
  });
});

describe('presets and mapping', () => {
  it('kcs: pads HS6, turns percent into a fraction, reads the fraud labels, KRW', () => {
    const { bound } = bind(KCS_HEADER, 'kcs');
    if (!bound) throw new Error('kcs header not recognised');
    const cells =
      '41256141,2021-04-01,40,B,11,21,11,40,LPA7LKZ,Y3OM027,FQKH1PD,CR12,90121,IT,RO,6.5,A,G,1.0,1248.7,1,2'.split(
        ',',
      );
    const read = rowReader(bound).read(cells);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const graph = mapDeclaration({ ...read.row, line: 1 }, { file: 'h', row: 1 });
    expect(graph.owned).toMatchObject({ label: 'Shipment', id: '41256141/1' });
    expect(graph.owned.props).toMatchObject({
      hsCode: '090121',
      dutyRate: 0.065,
      customsValue: 1248.7,
      netMassKg: 1,
      currency: 'KRW',
      fraud: true,
      criticalFraud: true,
      courierId: 'CR12',
      departureCountry: 'IT',
      originCountry: 'RO',
      office: '40',
    });
    expect(graph.ends.map((n) => `${n.label}:${n.id}`)).toEqual([
      'Importer:Y3OM027',
      'Broker:LPA7LKZ',
      'Supplier:FQKH1PD',
    ]);
    expect(ShipmentProps.safeParse(graph.owned.props).success).toBe(true);
  });

  it('kcs: Critical Fraud 1 is fraud but not critical; other codes are refused', () => {
    const { bound } = bind(KCS_HEADER, 'kcs');
    if (!bound) throw new Error('kcs header not recognised');
    const row = (critical: string) =>
      rowReader(bound).read(
        `1,2021-04-01,40,B,11,21,11,40,D,I,,,420231,IT,RO,0,A,G,1,1,1,${critical}`.split(','),
      );
    expect(row('1')).toMatchObject({ ok: true, row: { critical_fraud: false, fraud: true } });
    expect(row('3')).toMatchObject({
      ok: false,
      issues: [{ field: 'critical_fraud', code: 'invalid_value' }],
    });
  });

  it('mapped props are already canonical (sorted keys, no unknowns), so duplicates compare by JSON', () => {
    const { bound } = bind(DECL_HEADER.split(','));
    if (!bound) throw new Error('header not recognised');
    const cells = DECL_HEADER.split(',').map(
      (f) =>
        ({
          declaration_id: 'D',
          date: '2024-01-01',
          importer_id: 'I',
          hs_code: '01',
          customs_value: '1',
          inspected: 'yes',
          office: 'O',
        })[f] ?? '',
    );
    const read = rowReader(bound).read(cells);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const { owned } = mapDeclaration({ ...read.row, line: 1 }, { file: 'h', row: 1 });
    expect(JSON.stringify(owned.props)).toBe(canonicalProps(owned.props));
    const entity = mapEntity(
      { entity_id: 'E', kind: 'supplier', name: 'N', country: 'CN', closed_on: '2024-01-01' },
      { file: 'h', row: 1 },
    );
    if (!('graph' in entity)) throw new Error('entity rejected');
    expect(JSON.stringify(entity.graph.owned.props)).toBe(canonicalProps(entity.graph.owned.props));
    expect(entity.graph.owned.label).toBe('Supplier');
  });
});
