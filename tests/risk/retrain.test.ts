// Retraining never silently replaces a better model: `ringscope train --out` over an existing
// model measures both on the new data's held-out lines and keeps the better at the red budget.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaUnderCurve, heldOutMetrics, retrainVerdict } from '../../src/risk/compare.ts';
import { runCli } from '../helpers/run-cli.ts';
import { declarations } from './declarations-file.ts';

const hashOf = async (path: string) =>
  (JSON.parse(await readFile(path, 'utf8')) as { contentHash: string }).contentHash;

describe('retraining over an existing model', () => {
  it('replaces a worse model, keeps a better one, and replaces it anyway with --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-retrain-'));
    const good = join(dir, 'good.csv');
    const shuffled = join(dir, 'shuffled.csv');
    await writeFile(good, declarations(3000, true));
    // The newest 20 % are dated 2021-01-23 and later: only the training lines lose their truth.
    await writeFile(shuffled, declarations(3000, true, { shuffleBefore: '2021-01-23' }));
    const model = join(dir, 'model.json');

    const first = await runCli(['train', shuffled, '--out', model]);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/compared/);
    const worse = await hashOf(model);

    const better = await runCli(['train', good, '--out', model]);
    expect(better.stderr).toBe('');
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(/compared on the same 600 held-out lines/);
    expect(better.stdout).toMatch(/current sha256:.*precision .* at 1%, .* at 10%; AUC \d\.\d{3}; log-loss/);
    expect(better.stdout).toMatch(/new: precision .*; AUC/);
    expect(better.stdout).toMatch(/the new model is at least as good: .* replaced/);
    const best = await hashOf(model);
    expect(best).not.toBe(worse);

    const again = await runCli(['train', shuffled, '--out', model]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /precision at the red-lane budget \(2%\): current (\d+\.\d)%, new (\d+\.\d)%/,
    );
    const [, current, next] = /current (\d+\.\d)%, new (\d+\.\d)%/.exec(again.stdout)!;
    expect(Number(current)).toBeGreaterThan(Number(next));
    expect(again.stdout).toMatch(/the new model is worse: .* kept .*--force replaces it/);
    expect(again.stdout).toMatch(/not written/);
    expect(await hashOf(model)).toBe(best);

    const forced = await runCli(['train', shuffled, '--out', model, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/the new model is worse, but --force was given: .* replaced/);
    expect(await hashOf(model)).not.toBe(best);
  });

  it('refuses to overwrite an unreadable model without --force, and nothing is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-retrain-'));
    await writeFile(join(dir, 'h.csv'), declarations(600, true));
    const model = join(dir, 'model.json');
    await writeFile(model, '{"kind": "something else"}');
    const r = await runCli(['train', join(dir, 'h.csv'), '--out', model]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be compared with the new model: nothing was written; give --force/);
    expect(await readFile(model, 'utf8')).toBe('{"kind": "something else"}');
    expect((await runCli(['train', join(dir, 'h.csv'), '--out', model, '--force'])).code).toBe(0);
  });
});

describe('held-out metrics', () => {
  it('AUC counts ties as half and is 1 for a perfect ranking', () => {
    expect(areaUnderCurve([0.9, 0.8, 0.1], [true, true, false])).toBe(1);
    expect(areaUnderCurve([0.5, 0.5], [true, false])).toBe(0.5);
    expect(areaUnderCurve([0.1, 0.9], [true, false])).toBe(0);
  });

  it('a tie at the red budget replaces (at least as good), a loss keeps unless forced', () => {
    const lines = [true, false, false, false].map((label) => ({ label }) as never);
    const a = heldOutMetrics([0.9, 0.1, 0.2, 0.3], lines, 0.25);
    const b = heldOutMetrics([0.1, 0.9, 0.2, 0.3], lines, 0.25);
    expect(a.precisionAtRed).toBe(1);
    expect(b.precisionAtRed).toBe(0);
    expect(retrainVerdict(a, a, false)).toBe('replaced');
    expect(retrainVerdict(a, b, false)).toBe('kept');
    expect(retrainVerdict(a, b, true)).toBe('forced');
  });
});
