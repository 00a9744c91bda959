// `ringscope ingest` and `ringscope stats` as users run them: exit codes 0 / 2 / 1, the row
// report on stderr, JSON on stdout, and the KCS acceptance run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.ts';
import { DECL_HEADER, declRow, testDir, type TestDir } from './helpers.ts';

const KCS_TEST = join(import.meta.dirname, '../../datasets/kcs-customs-declarations/df_syn_test_eng.csv');

describe('ringscope ingest / stats', () => {
  let dir: TestDir;
  beforeAll(async () => {
    dir = await testDir();
  });
  afterAll(async () => dir.cleanup());

  it('loads all KCS test lines with the kcs preset; stats counts equal the distinct ids', async () => {
    const db = join(dir.dir, 'kcs.db');
    const ingest = await runCli(['ingest', KCS_TEST, '--preset', 'kcs', '--db', db]);
    expect(ingest.stderr).not.toMatch(/\[\w+\]/);
    expect(ingest.code).toBe(0);

    const rows = parse<Record<string, string>>(readFileSync(KCS_TEST), { columns: true });
    const distinct = (column: string): number => new Set(rows.map((r) => r[column]).filter((v) => v)).size;
    const stats = await runCli(['stats', '--db', db, '--json']);
    expect(stats.code).toBe(0);
    const counts = JSON.parse(stats.stdout) as {
      nodes: Record<string, number>;
      rels: Record<string, number>;
    };
    expect(counts.nodes.Shipment).toBe(rows.length);
    expect(rows.length).toBe(8481);
    expect(counts.nodes.Importer).toBe(distinct('Importer ID'));
    expect(counts.nodes.Broker).toBe(distinct('Declarant ID'));
    expect(counts.nodes.Supplier).toBe(distinct('Seller ID'));
    expect(counts.rels.IMPORTED_BY).toBe(rows.length);
    expect(counts.rels.SUPPLIED_BY).toBe(rows.filter((r) => r['Seller ID']).length);
  });

  it('exits 2 with the row report when a file is invalid, and still loads the valid ones', async () => {
    const db = join(dir.dir, 'mixed.db');
    const good = await dir.file('good.csv', `${DECL_HEADER}\n${declRow()}\n`);
    const bad = await dir.file(
      'bad.csv',
      `${DECL_HEADER}\n${declRow({ declaration_id: 'D2' })}\n${declRow({ declaration_id: 'D3', date: '2023-02-30' })}\n`,
    );
    const result = await runCli(['ingest', bad, good, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}, row 2, column date: [invalid_date]`);
    expect(result.stdout).toMatch(/imported .*good\.csv/);
    const stats = JSON.parse((await runCli(['--json', 'stats', '--db', db])).stdout) as {
      nodes: Record<string, number>;
    };
    expect(stats.nodes.Shipment).toBe(1);
  });

  it('reports a re-import as unchanged, in JSON when asked, with nothing on stderr', async () => {
    const db = join(dir.dir, 'again.db');
    const file = await dir.file('again.csv', `${DECL_HEADER}\n${declRow()}\n`);
    expect((await runCli(['ingest', file, '--db', db])).code).toBe(0);
    const again = await runCli(['--json', 'ingest', file, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toMatchObject({ files: [{ status: 'unchanged', file }] });
  });

  it('exits 2 for a missing file and for an unknown preset', async () => {
    const db = join(dir.dir, 'missing.db');
    const missing = await runCli(['ingest', join(dir.dir, 'nope.csv'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[unreadable_file]');
    const preset = await runCli(['ingest', join(dir.dir, 'nope.csv'), '--preset', 'nope', '--db', db]);
    expect(preset.code).toBe(2);
  });

  it('exits 1 with one line when the store cannot be opened', async () => {
    const notADirectory = await dir.file('plain-file', 'x');
    const result = await runCli(['stats', '--db', join(notADirectory, 'store.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
