// `ringscope eval --truth … --risk …` end to end on a tiny world: seeded, ingested and detected,
// then the learned model and the store's line targeting ranked on the newest lines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../seed/generate.ts';
import type { WorldRiskReport } from '../../src/eval/world-risk.ts';
import { runCli as run } from '../helpers/run-cli.ts';

describe('ringscope eval --risk', () => {
  let dir = '';
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('compares the learned model with the line targeting on the newest 20% of lines', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-eval-risk-'));
    const world = await generateWorld({ size: 'tiny', seed: 3, outDir: join(dir, 'world') });
    const declarations = join(dir, 'world', 'declarations.csv');
    const db = join(dir, 'store.db');
    const risk = ['--db', db, 'eval', '--truth', world.truthPath, '--risk', declarations];
    expect((await run(['--db', db, 'ingest', join(dir, 'world', 'entities.csv'), declarations])).code).toBe(
      0,
    );
    const early = await run(risk);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/no detection run in this store: run `ringscope detect` first/);
    expect((await run(['--db', db, 'detect'])).code).toBe(0);

    const r = await run([...risk, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as WorldRiskReport;
    expect(report.heldOut.lines).toBe(Math.round(world.truth.counts.lines * 0.2));
    expect(report.trained.lines + report.heldOut.lines).toBe(world.truth.counts.lines);
    expect(report.detectionRun).toMatch(/^run-/);
    expect(report.rankings.map((x) => x.name)).toEqual([
      'learned, probability',
      'learned, p × duty at stake',
      'learned, p × est. shortfall',
      'learned + network, probability',
      'learned + network, p × duty at stake',
      'learned + network, p × est. shortfall',
      'hand-set targeting',
      'random',
    ]);
    for (const ranking of report.rankings) expect(ranking.atK.map((a) => a.k)).toEqual([1, 2, 5, 10]);

    const text = await run(risk);
    expect(text.stdout).toMatch(/^hand-set targeting +\d+\.\d%/m);
    const noTruth = await run(['--db', db, 'eval', '--risk', declarations, '--communities', dir]);
    expect(noTruth.code).not.toBe(0);
    expect(noTruth.stderr).toMatch(/--risk FILE needs --truth FILE/);
  });
});
