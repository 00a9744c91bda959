// bench/results.ts: one file per run with the machine, the day, the commit and the figures, never
// overwriting an earlier run; RINGSCOPE_BENCH_RESULTS_DIR chooses the folder.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RESULTS_VERSION, writeResults, type ResultsFile } from '../../bench/results.ts';

describe('writeResults', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-bench-results-'));
    vi.stubEnv('RINGSCOPE_BENCH_RESULTS_DIR', dir);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the machine, the day, the commit and the figures into RINGSCOPE_BENCH_RESULTS_DIR', async () => {
    vi.stubEnv('RINGSCOPE_BENCH_SIZE', 'small');
    const figures = {
      rowsPerSecond: 51_234,
      baseline: { rowsPerSecond: 150_000 },
      goals: { rowsPerSecond: 50_000 },
    };
    const path = await writeResults('ingest', figures, { now: new Date('2026-11-27T04:57:00Z') });

    expect(path.startsWith(dir)).toBe(true);
    expect(basename(path)).toMatch(/^ingest-2026-11-27(-[0-9a-f]{7})?\.json$/);
    expect(console.log).toHaveBeenCalledWith(`results written to ${path}`);
    const file = JSON.parse(await readFile(path, 'utf8')) as ResultsFile;
    expect(file.version).toBe(RESULTS_VERSION);
    expect(file.bench).toBe('ingest');
    expect(file.date).toBe('2026-11-27');
    expect(file.figures).toEqual(figures);
    expect(file.settings.RINGSCOPE_BENCH_SIZE).toBe('small');
    expect(file.settings).not.toHaveProperty('RINGSCOPE_BENCH_RESULTS_DIR');
    expect(file.machine.cpus.count).toBeGreaterThanOrEqual(1);
    expect(file.machine.cpus.model.length).toBeGreaterThan(0);
    expect(file.machine.memoryMb).toBeGreaterThan(0);
    expect(file.machine.node).toBe(process.version);
    expect(file.machine.os.platform).toBe(process.platform);
    expect(file.machine.loadAverage).toHaveLength(3);
    if (file.commit !== null) {
      expect(file.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(basename(path)).toBe(`ingest-2026-11-27-${file.commit.slice(0, 7)}.json`);
      expect(typeof file.dirty).toBe('boolean');
    }
  });

  it('numbers a second run of the same day instead of overwriting the first', async () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const first = await writeResults('seed', { run: 1 }, { now });
    const second = await writeResults('seed', { run: 2 }, { now });
    const third = await writeResults('seed', { run: 3 }, { now, dir });

    expect(second).toBe(first.replace(/\.json$/, '-2.json'));
    expect(third).toBe(first.replace(/\.json$/, '-3.json'));
    expect((await readdir(dir)).sort()).toEqual([basename(first), basename(second), basename(third)].sort());
    const runs = await Promise.all(
      [first, second, third].map(async (p) => (JSON.parse(await readFile(p, 'utf8')) as ResultsFile).figures),
    );
    expect(runs).toEqual([{ run: 1 }, { run: 2 }, { run: 3 }]);
  });

  it('takes the folder from the option before the environment', async () => {
    const other = await mkdtemp(join(tmpdir(), 'ringscope-bench-results-other-'));
    try {
      const path = await writeResults('api', {}, { dir: other });
      expect(path.startsWith(other)).toBe(true);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a name that is not a bench name', async () => {
    await expect(writeResults('../escape', {})).rejects.toThrow('invalid bench name');
    expect(await readdir(dir)).toEqual([]);
  });
});
