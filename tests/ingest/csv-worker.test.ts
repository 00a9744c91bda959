// Parsing on a worker thread changes nothing a user sees: for every bad file of the corpus and
// for valid files, validation on the worker reports the same problems (codes, rows, columns,
// messages, in order), the same hash and rows, and plans the same writes as on the calling thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import { SILENT } from '../../src/ingest/progress.ts';
import { validateFile } from '../../src/ingest/validate-file.ts';
import { declarationLine, DECLARATIONS_HEADER } from '../../bench/support/generate-declarations.ts';
import { BAD } from './bad-files.ts';
import { ents, testDir, type TestDir } from './helpers.ts';

const layouts = layoutsFor('ringscope');

/** What validation of one file comes to, on the given thread. */
async function validated(path: string, parseOn: 'worker' | 'thread') {
  const file = await validateFile(path, layouts, SILENT, { parseOn });
  return {
    problems: file.log.kept,
    problemCount: file.log.total,
    fileHash: file.fileHash,
    rows: file.rows,
    kind: file.kind,
    planned: file.plan.rows().map((p) => ({
      row: p.row,
      node: p.node,
      ends: p.ends.map((e) => `${e.label}:${e.id}`),
      writesNode: p.writesNode,
    })),
    shared: file.plan.sharedNodes(),
  };
}

describe('CSV parsing on a worker thread', () => {
  let dir: TestDir;

  beforeAll(async () => {
    dir = await testDir();
  });
  afterAll(async () => dir.cleanup());

  it.each(BAD.map((c, i) => [c.name, c, i] as const))(
    'reports %s as on the calling thread',
    async (_name, bad, i) => {
      const path = await dir.file(`bad-${i}.csv`, bad.content);
      const onWorker = await validated(path, 'worker');
      expect(onWorker.problems.find((p) => p.code === bad.code && p.row === bad.row)).toBeDefined();
      expect(onWorker).toEqual(await validated(path, 'thread'));
    },
  );

  it('plans the same writes for a valid file of several read chunks', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => declarationLine(i));
    const path = await dir.file('valid.csv', `${DECLARATIONS_HEADER}\n${lines.join('\n')}\n`);
    const onWorker = await validated(path, 'worker');
    expect(onWorker.problems).toEqual([]);
    expect(onWorker.rows).toBe(12_000);
    expect(onWorker.planned).toHaveLength(12_000);
    expect(onWorker).toEqual(await validated(path, 'thread'));
  });

  it('plans the same writes for a registry', async () => {
    const path = await dir.file(
      'registry.csv',
      ents(
        'IM1,importer,Harbour,GB,2019-05-01,,1 Quay St,+44 1,a@x.example,GB11,P1;P2',
        'P1,person,Ann Lee,GB,,,,,,,',
      ),
    );
    const onWorker = await validated(path, 'worker');
    expect(onWorker.planned.map((p) => p.ends)).toEqual([
      ['Address:1 quay st', 'Phone:441', 'Email:a x example', 'BankAccount:GB11', 'Person:P1', 'Person:P2'],
      [],
    ]);
    expect(onWorker).toEqual(await validated(path, 'thread'));
  });

  it('reports a file that cannot be read as on the calling thread', async () => {
    const missing = `${dir.dir}/missing.csv`;
    const onWorker = await validated(missing, 'worker');
    expect(onWorker.problems.map((p) => p.code)).toEqual(['unreadable_file']);
    expect(onWorker.problems[0]?.message).toContain('ENOENT');
    expect(onWorker).toEqual(await validated(missing, 'thread'));
  });
});
