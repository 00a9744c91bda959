// The bad-input corpus: every file is rejected with the right code on the right row, and the
// store is exactly as it was before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import-file.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { BAD } from './bad-files.ts';
import { decl, declRow, snapshot, testDir, type TestDir } from './helpers.ts';

describe('bad-input corpus', () => {
  let dir: TestDir;
  let store: GraphStore;
  let before: unknown;
  const layouts = layoutsFor('ringscope');

  beforeAll(async () => {
    dir = await testDir();
    store = await dir.store();
    // A store that already holds data, so "unchanged" is not the trivial empty store.
    const seed = await dir.file('seed.csv', decl(declRow({ declaration_id: 'SEED' })));
    expect((await importFile(store, seed, layouts)).status).toBe('imported');
    before = await snapshot(store);
  });
  afterAll(async () => dir.cleanup());

  it('has at least 60 bad files, each named once', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BAD.map((c) => c.name)).size).toBe(BAD.length);
  });

  it.each(BAD.map((c, i) => [c.name, c, i] as const))('%s', async (_name, bad, i) => {
    const path = await dir.file(`bad-${i}.csv`, bad.content);
    const outcome = await importFile(store, path, layouts);
    expect(outcome.status).toBe('invalid');
    const match = outcome.problems.find((p) => p.code === bad.code && p.row === bad.row);
    expect(match, JSON.stringify(outcome.problems.slice(0, 5))).toBeDefined();
    if (bad.column) expect(match?.column).toBe(bad.column);
    expect(match?.file).toBe(path);
    expect(match?.message.length).toBeGreaterThan(10);
    expect(await snapshot(store)).toEqual(before);
  });

  it('refuses every file through the command line with exit 2, naming file, row and column, and leaves stats unchanged', async () => {
    const db = `${dir.dir}/cli.db`;
    const seed = await dir.file('cli-seed.csv', decl(declRow({ declaration_id: 'CLI-SEED' })));
    expect((await runCli(['--db', db, 'ingest', seed])).code).toBe(0);
    const stats = async (): Promise<unknown> =>
      JSON.parse((await runCli(['--db', db, 'stats', '--json'])).stdout) as unknown;
    const statsBefore = await stats();
    const paths = await Promise.all(BAD.map((bad, i) => dir.file(`cli-bad-${i}.csv`, bad.content)));
    const run = await runCli(['--db', db, 'ingest', ...paths]);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n');
    BAD.forEach((bad, i) => {
      const line = lines.find((l) => l.startsWith(`  ${paths[i]}`) && l.includes(`[${bad.code}]`));
      expect(line, bad.name).toBeDefined();
      if (bad.row > 0) expect(line, bad.name).toContain(`, row ${bad.row}`);
      if (bad.column) expect(line, bad.name).toContain(`, column ${bad.column}:`);
    });
    expect(await stats()).toEqual(statsBefore);
  });

  it('rejects a line that conflicts with one already in the store, writing nothing', async () => {
    const path = await dir.file(
      'conflict-store.csv',
      decl(declRow({ declaration_id: 'NEW' }), declRow({ declaration_id: 'SEED', customs_value: '1' })),
    );
    const outcome = await importFile(store, path, layouts);
    expect(outcome.status).toBe('invalid');
    expect(outcome.problems).toMatchObject([
      { code: 'conflicting_duplicate', row: 2, column: 'declaration_id' },
    ]);
    expect(outcome.problems[0]?.message).toMatch(/customsValue 12000 vs 1/);
    expect(await snapshot(store)).toEqual(before);
  });

  it('counts every problem and keeps the first 1,000', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) =>
      declRow({ declaration_id: `B${i}`, date: '2023-13-01' }),
    );
    const path = await dir.file('many.csv', decl(...rows));
    const outcome = await importFile(store, path, layouts);
    expect(outcome.problemCount).toBe(1500);
    expect(outcome.problems).toHaveLength(1000);
    expect(outcome.problems[999]?.row).toBe(1000);
    expect(await snapshot(store)).toEqual(before);
  });
});
