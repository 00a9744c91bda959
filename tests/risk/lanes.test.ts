// Lanes from an inspection budget: `ringscope score --red 2% --amber 5%` sends exactly
// ceil(2 % × N) lines red and ceil(7 % × N) − ceil(2 % × N) amber, from the file's own scores.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetLines } from '../../src/risk/scored.ts';
import { runCli } from '../helpers/run-cli.ts';
import { declarations } from './declarations-file.ts';

interface Doc {
  lanes: { from: string; budget: { red: number; amber: number } };
  lines: { score: number; lane: string }[];
}

const count = (doc: Doc, lane: string) => doc.lines.filter((l) => l.lane === lane).length;

describe('lanes from an inspection budget', () => {
  it('rounds the budget up: ceil(share × lines), within a rounding error', () => {
    expect(budgetLines(1210, 0.02)).toBe(25); // 24.2 lines: round would give 24
    expect(budgetLines(100, 0.07)).toBe(7); // 7.000000000000001 in floating point
    expect(budgetLines(10, 0)).toBe(0);
    expect(budgetLines(10, 1)).toBe(10);
  });

  it('--red 2% --amber 5% on a file of 1,210 lines: exactly 25 red and 60 amber, highest scores first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-lanes-'));
    await writeFile(join(dir, 'history.csv'), declarations(3000, true));
    await writeFile(join(dir, 'arrivals.csv'), declarations(1210, false));
    const model = join(dir, 'model.json');
    expect((await runCli(['train', join(dir, 'history.csv'), '--out', model])).code).toBe(0);
    const out = join(dir, 'scored.json');
    const args = ['--json', 'score', join(dir, 'arrivals.csv'), '--model', model];
    const r = await runCli([...args, '--red', '2%', '--amber', '5%', out]);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(await readFile(out, 'utf8')) as Doc;
    expect(doc.lanes).toEqual({ from: 'file', budget: { red: 0.02, amber: 0.05 } });
    expect(count(doc, 'red')).toBe(25);
    expect(count(doc, 'amber')).toBe(60);
    expect(doc.lines.slice(0, 25).every((l) => l.lane === 'red')).toBe(true);
    expect(doc.lines.slice(25, 85).every((l) => l.lane === 'amber')).toBe(true);

    const byModel = await runCli([...args, out]);
    expect(byModel.code).toBe(0);
    const modelDoc = JSON.parse(await readFile(out, 'utf8')) as Doc;
    expect(modelDoc.lanes.from).toBe('model');
  });

  it('refuses a budget that is not a share', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'risk-lanes-'));
    await writeFile(join(dir, 'h.csv'), declarations(600, true));
    const model = join(dir, 'model.json');
    expect((await runCli(['train', join(dir, 'h.csv'), '--out', model])).code).toBe(0);
    const r = await runCli(['score', join(dir, 'h.csv'), '--model', model, '--red', 'two']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--red two: a share such as 2%/);
    const over = await runCli([
      'score',
      join(dir, 'h.csv'),
      '--model',
      model,
      '--red',
      '60%',
      '--amber',
      '50%',
    ]);
    expect(over.stderr).toMatch(/more than 100%/);
  });
});
