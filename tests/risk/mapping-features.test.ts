// Model features a mapping names: `train` learns from them and the model lists them, `score`
// reads them with the same mapping, and a file or mapping without them is refused with what to do.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMappingFile } from '../../src/ingest/mapping-file.ts';
import { mappingFeaturesOf } from '../../src/risk/mapping-features.ts';
import { runCli } from '../helpers/run-cli.ts';
import { riskLines } from './lines.ts';

const FIELDS = ['declaration_id', 'date', 'importer_id', 'hs_code', 'customs_value', 'net_mass_kg'];

/** Own column names (upper case) with a payment type and a freight cost that go with fraud. */
function file(count: number, options: { freight?: boolean; badFreight?: boolean } = {}): string {
  const freight = options.freight ?? true;
  const header = [...FIELDS.map((f) => f.toUpperCase()), 'INSPECTED', 'ILLICIT', 'PAYMENT_TYPE'];
  if (freight) header.push('FREIGHT_COST');
  const rows = riskLines(count, 8).map((l, i) => {
    const row = [l.declarationId, l.date, l.importerId, l.hsCode, l.customsValue.toFixed(1)];
    row.push(l.netMassKg!.toFixed(1), 'true', String(l.label), l.label && i % 3 ? 'CASH' : 'CARD');
    if (freight)
      row.push(options.badFreight && i === 4 ? 'n/a' : (l.label ? 90 + (i % 7) : 10 + (i % 9)).toFixed(1));
    return row.join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

const mapping = (features: unknown) => ({
  columns: Object.fromEntries([...FIELDS, 'inspected', 'illicit'].map((f) => [f, f.toUpperCase()])),
  features,
});

async function setUp(features: unknown = { categorical: ['PAYMENT_TYPE'], numeric: ['FREIGHT_COST'] }) {
  const dir = await mkdtemp(join(tmpdir(), 'risk-mapping-'));
  await writeFile(join(dir, 'history.csv'), file(1200));
  await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping(features)));
  return { dir, csv: join(dir, 'history.csv'), map: join(dir, 'mapping.json'), model: join(dir, 'm.json') };
}

describe('mapping-named model features', () => {
  it('are learnt, listed in the model, and read again when scoring with the same mapping', async () => {
    const t = await setUp();
    const trained = await runCli(['train', t.csv, '--mapping', t.map, '--out', t.model]);
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
    const model = JSON.parse(await readFile(t.model, 'utf8')) as {
      features: string[];
      plan: { options: { attributes: string[]; numericAttributes: string[] } };
    };
    expect(model.features).toContain('attr:PAYMENT_TYPE');
    expect(model.features).toContain('num:FREIGHT_COST');
    expect(model.plan.options.attributes).toEqual(['PAYMENT_TYPE']);
    expect(model.plan.options.numericAttributes).toEqual(['FREIGHT_COST']);
    const scored = await runCli([
      'score',
      t.csv,
      '--mapping',
      t.map,
      '--model',
      t.model,
      '--csv',
      join(t.dir, 's.csv'),
    ]);
    expect(scored.code).toBe(0);
    const top = (await readFile(join(t.dir, 's.csv'), 'utf8')).split('\n')[1]!;
    expect(top).toMatch(/FREIGHT_COST 9\d\.0|PAYMENT_TYPE CASH/);
  });

  it('refuse to score a file read without them, naming the columns and what to do', async () => {
    const t = await setUp();
    expect((await runCli(['train', t.csv, '--mapping', t.map, '--out', t.model])).code).toBe(0);
    const plain = join(t.dir, 'plain.json');
    await writeFile(plain, JSON.stringify(mapping(undefined)));
    const r = await runCli(['score', t.csv, '--mapping', plain, '--model', t.model]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /learnt from the columns PAYMENT_TYPE, FREIGHT_COST, which .*history\.csv does not give it/,
    );
    expect(r.stderr).toMatch(/--mapping, its "features" naming them/);
  });

  it('must be columns of the file, and numbers where numeric', async () => {
    const t = await setUp();
    await writeFile(join(t.dir, 'no-freight.csv'), file(100, { freight: false }));
    const missing = await runCli([
      'train',
      join(t.dir, 'no-freight.csv'),
      '--mapping',
      t.map,
      '--out',
      t.model,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /no-freight\.csv has no column FREIGHT_COST, which the mapping names as model feature/,
    );
    await writeFile(join(t.dir, 'bad.csv'), file(100, { badFreight: true }));
    const bad = await runCli(['train', join(t.dir, 'bad.csv'), '--mapping', t.map, '--out', t.model]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/1 invalid rows/);
    expect(bad.stderr).toMatch(/FREIGHT_COST.*not a number: "n\/a"/);
  });

  it('are validated with the field named, and ingest reads the same mapping', async () => {
    expect(() => mappingFeaturesOf({ features: { numeric: 'FREIGHT_COST' } }, 'm.json')).toThrow(
      /mapping file m\.json: features\.numeric: .*expected "features": \{"categorical"/,
    );
    expect(() => mappingFeaturesOf({ features: { numeric: [''] } }, 'm.json')).toThrow(
      /features\.numeric\.0: a column name/,
    );
    expect(() => mappingFeaturesOf({ features: { colour: [] } }, 'm.json')).toThrow(/features: .*colour/);
    expect(() => mappingFeaturesOf({ features: { categorical: ['A'], numeric: ['A'] } }, 'm.json')).toThrow(
      /both categorical and numeric/,
    );
    expect(mappingFeaturesOf({ columns: {} }, 'm.json')).toEqual({ categorical: [], numeric: [] });
    const t = await setUp();
    const layout = await loadMappingFile(t.map);
    expect(layout.kind).toBe('declarations');
    const flat = join(t.dir, 'flat.json');
    await writeFile(flat, JSON.stringify({ declaration_id: 'ID', features: { numeric: ['X'] } }));
    expect((await loadMappingFile(flat)).columns).toEqual({ declaration_id: { column: 'ID' } });
  });
});
