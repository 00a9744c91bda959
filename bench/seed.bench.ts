// `npm run bench -- seed`: generation speed (lines/s) and peak memory of `ringscope seed` at the
// medium size, each run in its own process so its memory high-water mark is its own. Baselines
// from the same run: the speed of writing as many ready-made rows through the same writer (the
// I/O floor) and the peak memory of the tiny world (the runtime's fixed cost).
// RINGSCOPE_BENCH_LARGE=1 also generates the large world (5M lines, budget < 1.5 GB).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChunkedWriter } from '../seed/csv.ts';
import { writeResults } from './results.ts';

const run_ = promisify(execFile);
const CLI = new URL('../bin/ringscope.js', import.meta.url).pathname;

interface SeedSummary {
  counts: { lines: number };
  seconds: number;
  linesPerSecond: number;
  peakRssMb: number;
}

async function seed(size: string, out: string): Promise<SeedSummary> {
  const { stdout } = await run_(
    process.execPath,
    [CLI, '--json', 'seed', '--size', size, '--seed', '7', '--out', out],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as SeedSummary;
}

async function writeFloor(dir: string, rows: number): Promise<number> {
  const sample = (await readFile(join(dir, 'tiny', 'declarations.csv'), 'utf8')).split('\n')[1] + '\n';
  const writer = new ChunkedWriter(join(dir, 'floor.csv'));
  const started = performance.now();
  for (let i = 0; i < rows; i++) await writer.write(sample);
  await writer.close();
  return rows / ((performance.now() - started) / 1000);
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-bench-seed-'));
  try {
    const tiny = await seed('tiny', join(dir, 'tiny'));
    const medium = await seed('medium', join(dir, 'medium'));
    const floor = await writeFloor(dir, medium.counts.lines);
    console.log(
      `medium: ${medium.counts.lines} lines in ${medium.seconds} s = ${medium.linesPerSecond.toLocaleString('en')} lines/s`,
    );
    console.log(
      `  baseline, writing ready-made rows: ${Math.round(floor).toLocaleString('en')} lines/s (writing alone is ${(floor / medium.linesPerSecond).toFixed(0)}× faster: generation, not I/O, sets the pace)`,
    );
    console.log(
      `  peak memory (RSS high-water mark): ${medium.peakRssMb} MB; tiny world baseline ${tiny.peakRssMb} MB`,
    );
    let large: SeedSummary | null = null;
    if (process.env.RINGSCOPE_BENCH_LARGE === '1') {
      large = await seed('large', join(dir, 'large'));
      console.log(
        `large: ${large.counts.lines} lines in ${large.seconds} s = ${large.linesPerSecond.toLocaleString('en')} lines/s, peak memory ${large.peakRssMb} MB (budget 1,536 MB)`,
      );
    }
    await writeResults('seed', {
      medium,
      large,
      baseline: { writeReadyMadeRowsLinesPerSecond: Math.round(floor), tinyPeakRssMb: tiny.peakRssMb },
      goals: { largePeakRssMb: 1536 },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
