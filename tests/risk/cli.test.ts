import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { declarations } from './declarations-file.ts';

describe('ringscope train and score', () => {
  it('trains on a declarations file, then scores a file highest first with lanes and reasons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-cli-'));
    await writeFile(join(dir, 'history.csv'), declarations(3000, true));
    const model = join(dir, 'model.json');
    const trained = await runCli(['train', join(dir, 'history.csv'), '--out', model, '--holdout', '25%']);
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(/trained on 2250 lines .* held out the newest 750/);
    const file = JSON.parse(await readFile(model, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ kind: 'ringscope-risk-model', schemaVersion: 1 });
    expect(file.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);

    const out = join(dir, 'scored.json');
    const scored = await runCli([
      '--json',
      'score',
      join(dir, 'history.csv'),
      '--model',
      model,
      '--all-reasons',
      out,
    ]);
    expect(scored.code).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as {
      version: number;
      model: { content_hash: string };
      lines: { declaration_id: string; line: number; score: number; lane: string; reasons: string[] }[];
    };
    expect(doc.version).toBe(1);
    expect(doc.model.content_hash).toBe(file.contentHash);
    expect(doc.lines).toHaveLength(3000);
    for (let i = 1; i < doc.lines.length; i++)
      expect(doc.lines[i - 1]!.score).toBeGreaterThanOrEqual(doc.lines[i]!.score);
    expect(doc.lines[0]!.lane).toBe('red');
    expect(doc.lines.at(-1)!.lane).toBe('green');
    expect(doc.lines[0]!.reasons.join(' ')).toMatch(/\(\+\d+\.\d\d\)/);
  });

  it('says there is nothing to learn from a file without inspection results, and exits 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-cli-'));
    await writeFile(join(dir, 'unlabelled.csv'), declarations(50, false));
    const r = await runCli(['train', join(dir, 'unlabelled.csv'), '--out', join(dir, 'm.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no labelled lines to train on .*50 lines, 0 with an inspection result/);
  });

  it('refuses a model of another schema version with what to do, and a model changed after training', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-cli-'));
    await writeFile(join(dir, 'history.csv'), declarations(600, true));
    const model = join(dir, 'model.json');
    expect((await runCli(['train', join(dir, 'history.csv'), '--out', model])).code).toBe(0);
    const file = JSON.parse(await readFile(model, 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'v2.json'), JSON.stringify({ ...file, schemaVersion: 2 }));
    const old = await runCli(['score', join(dir, 'history.csv'), '--model', join(dir, 'v2.json')]);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(
      /schema version 2, this Ringscope reads version 1: retrain it with `ringscope train`/,
    );
    await writeFile(
      join(dir, 'edited.json'),
      JSON.stringify({ ...file, lanes: { red: 0, amber: 0, budget: { red: 1, amber: 0 } } }),
    );
    const edited = await runCli(['score', join(dir, 'history.csv'), '--model', join(dir, 'edited.json')]);
    expect(edited.stderr).toMatch(/does not match its hash/);
  });
});
