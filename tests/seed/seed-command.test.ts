// `ringscope seed`: the command (which generates in a worker thread) writes the same bytes as
// the generator called directly, and refuses bad options with a message naming them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../seed/generate.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('ringscope seed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-seed-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the same files as the generator and a JSON summary', async () => {
    // The command reports this process's resident-set high-water mark (its worker thread's
    // memory included), which never falls: it lies between the marks before and after the run.
    const rssMbBefore = Math.round(process.resourceUsage().maxRSS / 1024);
    const { code, stdout } = await runCli([
      '--json',
      'seed',
      '--size',
      'tiny',
      '--seed',
      '11',
      '--out',
      join(dir, 'cli'),
    ]);
    const rssMbAfter = Math.round(process.resourceUsage().maxRSS / 1024);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as {
      counts: { lines: number };
      illicitShare: number;
      peakRssMb: number;
    };
    await generateWorld({ size: 'tiny', seed: 11, outDir: join(dir, 'direct') });
    for (const file of ['declarations.csv', 'entities.csv', 'truth.json']) {
      expect(await readFile(join(dir, 'cli', file), 'utf8'), file).toBe(
        await readFile(join(dir, 'direct', file), 'utf8'),
      );
    }
    const lines =
      (await readFile(join(dir, 'cli', 'declarations.csv'), 'utf8')).trimEnd().split('\n').length - 1;
    expect(summary.counts.lines).toBe(lines);
    expect(summary.peakRssMb).toBeGreaterThanOrEqual(rssMbBefore);
    expect(summary.peakRssMb).toBeLessThanOrEqual(rssMbAfter);
    // A tiny world is a few thousand lines: well under the large world's budget of 1,536 MB.
    expect(summary.peakRssMb).toBeLessThan(1536);
  });

  it('refuses an unknown size and a negative seed', async () => {
    const size = await runCli(['seed', '--size', 'huge', '--out', join(dir, 'x')]);
    expect(size.code).toBe(1);
    expect(size.stderr).toMatch(/--size.*tiny, small, medium, large/);
    const seed = await runCli(['seed', '--seed', '-3', '--out', join(dir, 'y')]);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toMatch(/--seed/);
  });
});
