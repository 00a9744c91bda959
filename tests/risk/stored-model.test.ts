// Risk models kept in the store: `train --db` saves its model as the store's current one,
// `score --db` without --model scores with it, retraining is compared against it, `models` lists
// the versions; without a store or a model, score says what to give.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { runCli } from '../helpers/run-cli.ts';
import { declarations } from './declarations-file.ts';

async function storeWithRun(dir: string): Promise<string> {
  const db = join(dir, 'ringscope.db');
  const store = await openStore({ db });
  try {
    await store.writeFindings({
      runId: 'run-1',
      startedAt: '2024-04-01T10:00:00.000Z',
      finishedAt: '2024-04-01T10:00:05.000Z',
      seed: 1,
      rings: [],
      parties: [],
      targets: [],
    });
  } finally {
    await store.close();
  }
  return db;
}

describe('risk models kept in the store', () => {
  it('are saved by train, used by score without --model, compared on retraining, and listed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-stored-'));
    const db = await storeWithRun(dir);
    await writeFile(join(dir, 'history.csv'), declarations(1500, true));
    await writeFile(join(dir, 'shuffled.csv'), declarations(1500, true, { shuffleBefore: '2021-01-23' }));
    const history = join(dir, 'history.csv');

    const first = await runCli(['--db', db, 'train', history]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const hash = /model (sha256:[0-9a-f]{64}) saved in the store as its current model/.exec(
      first.stdout,
    )?.[1];
    expect(hash).toBeDefined();

    const out = join(dir, 'scored.json');
    const scored = await runCli(['--db', db, '--json', 'score', history, out]);
    expect(scored.code).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as {
      model: { content_hash: string };
      lines: unknown[];
    };
    expect(doc.model.content_hash).toBe(hash);
    expect(doc.lines).toHaveLength(1500);

    // A model fitted to shuffled labels is worse on the same hold-out: the current one stays.
    const worse = await runCli(['--db', db, 'train', join(dir, 'shuffled.csv')]);
    expect(worse.code).toBe(0);
    expect(worse.stdout).toMatch(/compared on the same 300 held-out lines with the store's current model:/);
    expect(worse.stdout).toMatch(/the new model is worse: the store's current model kept \(sha256:/);
    expect(worse.stdout).toMatch(/not saved in the store/);
    const forced = await runCli(['--db', db, 'train', join(dir, 'shuffled.csv'), '--force']);
    expect(forced.stdout).toMatch(/--force was given: the store's current model replaced/);
    const newHash = /model (sha256:[0-9a-f]{64}) saved in the store/.exec(forced.stdout)?.[1];

    const listed = await runCli(['--db', db, '--json', 'models']);
    expect(listed.code).toBe(0);
    const models = (JSON.parse(listed.stdout) as { models: { contentHash: string; current: boolean }[] })
      .models;
    expect(models.map((m) => [m.contentHash, m.current])).toEqual([
      [newHash, true],
      [hash, false],
    ]);
    const text = await runCli(['--db', db, 'models']);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^\* {2}sha256:.* {2}trained .* {2}saved .* {2}precision at 1% \d+\.\d%, AUC \d\.\d{3}$/,
    );
  });

  it('score says what to give when there is no model, in the store or as a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-stored-'));
    const db = await storeWithRun(dir);
    await writeFile(join(dir, 'history.csv'), declarations(50, true));
    const inStore = await runCli(['--db', db, 'score', join(dir, 'history.csv')]);
    expect(inStore.code).toBe(2);
    expect(inStore.stderr).toMatch(
      /this store holds no risk model: train one with `ringscope --db PATH train FILE`, or give --model FILE/,
    );
    const none = await runCli(['score', join(dir, 'history.csv')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give --model FILE, or --db PATH \/ --neo4j URI/);
    const noOut = await runCli(['train', join(dir, 'history.csv')]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/give --out FILE for the model, or a store/);
    const empty = await runCli(['--db', db, 'models']);
    expect(empty.stdout).toMatch(/no risk model in this store/);
  });

  it("are trained from the store's own lines and their inspection results when no file is given", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-stored-'));
    const db = join(dir, 'ringscope.db');
    await writeFile(join(dir, 'history.csv'), declarations(1200, true));
    expect((await runCli(['--db', db, 'ingest', join(dir, 'history.csv')])).code).toBe(0);
    await storeWithRun(dir);
    const r = await runCli(['--db', db, 'train', '--out', join(dir, 'm.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/trained on 960 lines .* held out the newest 240/);
    const model = JSON.parse(await readFile(join(dir, 'm.json'), 'utf8')) as {
      trainingData: { files: { path: string; sha256: string }[]; labelled: number };
    };
    expect(model.trainingData.labelled).toBe(1200);
    expect(model.trainingData.files).toEqual([
      { path: `store:${db}`, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
    ]);
    const none = await runCli(['train', '--out', join(dir, 'm2.json')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/give a declarations file, or a store/);
  });
});
