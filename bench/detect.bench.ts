// Detection on generated worlds (medium and large by default; BENCH_SIZES=medium,large): the
// projection from the embedded store, Louvain, the whole detection and peak memory, each in a
// fresh process, in wall and CPU time (on a shared machine CPU time is the steadier figure).
// Louvain's edges/s is printed next to graphology-communities-louvain run alone
// on the same projected graph in the same process (the baseline).
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeResults } from './results.ts';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const DIR = join(ROOT, 'data', 'bench-detect');
const CLI = join(ROOT, 'bin', 'ringscope.js');
const SIZES = (process.env.BENCH_SIZES ?? 'medium,large').split(',').filter(Boolean);
const SEED = 7;
/** Goals on a 2-core machine for the total detection time. */
const GOAL_SECONDS: Partial<Record<string, number>> = { medium: 15, large: 120 };

interface Measure {
  lines: number;
  parties: number;
  links: number;
  rings: number;
  projectionMs: number;
  projectionCpuMs: number;
  louvainMs: number;
  louvainCpuMs: number;
  baselineLouvainMs: number;
  baselineLouvainCpuMs: number;
  detectorsMs: number;
  detectorsCpuMs: number;
  totalMs: number;
  totalCpuMs: number;
  peakRssMb: number;
}

/**
 * Runs the ringscope CLI with its progress on our stderr (building the large world takes long).
 * The ingest validates a whole file before it writes, which for the large world's 5 million
 * lines needs more than Node's default heap.
 */
async function cli(args: string[]): Promise<void> {
  const child = spawn('node', [CLI, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=12288' },
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`ringscope ${args.join(' ')} failed (exit ${code})`);
}

/**
 * Seeds and ingests the world once, then reuses it: the generated files and the store are built
 * under temporary names and renamed when complete, so an interrupted run never leaves a half
 * world that a later run would trust. The large world takes minutes to build.
 */
async function prepare(size: string): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const world = join(DIR, `${size}-${SEED}`);
  const db = `${world}.db`;
  if (existsSync(db)) return db;
  if (!existsSync(join(world, 'truth.json'))) {
    console.log(`generating the ${size} world (seed ${SEED}) in ${world} …`);
    const partial = `${world}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await cli(['seed', '--size', size, '--seed', String(SEED), '--out', partial]);
    rmSync(world, { recursive: true, force: true });
    renameSync(partial, world);
  }
  console.log(`ingesting the ${size} world into ${db} …`);
  const partialDb = `${db}.partial`;
  // An interrupted ingest leaves its write-ahead log beside the file; a new file must not meet it.
  for (const file of [partialDb, `${partialDb}-wal`, `${partialDb}-shm`]) rmSync(file, { force: true });
  await cli(['--db', partialDb, 'ingest', join(world, 'entities.csv'), join(world, 'declarations.csv')]);
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(`${partialDb}${suffix}`)) renameSync(`${partialDb}${suffix}`, `${db}${suffix}`);
  }
  return db;
}

async function measure(db: string): Promise<Measure> {
  // The young generation `ringscope detect` runs with (its shebang's --max-semi-space-size=64).
  const flags = ['--max-semi-space-size=64', '--import', 'tsx'];
  const { stdout } = await run('node', [...flags, join(ROOT, 'bench', 'detect-worker.ts'), db], {
    maxBuffer: 1 << 26,
    // Node's default heap cap, as `ringscope detect` runs: a larger cap lets garbage pile up and
    // shows a peak the command never reaches.
    env: process.env,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measure;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const edgesPerSecond = (edges: number, ms: number): string =>
  `${Math.round(edges / (ms / 1000)).toLocaleString('en')} edges/s`;

export async function run_(): Promise<void> {
  const worlds: Record<string, Measure> = {};
  for (const size of SIZES) {
    const m = await measure(await prepare(size));
    worlds[size] = m;
    console.log(
      `\n${size}: ${m.lines.toLocaleString('en')} lines, ${m.parties.toLocaleString('en')} parties, ${m.links.toLocaleString('en')} links, ${m.rings} rings`,
    );
    console.log('                         wall      CPU (user + system)');
    const row = (name: string, wall: number, cpu: number, extra = ''): void =>
      console.log(`  ${name.padEnd(22)} ${s(wall).padStart(8)}  ${s(cpu).padStart(8)}${extra}`);
    row('projection', m.projectionMs, m.projectionCpuMs);
    row('Louvain (seeded)', m.louvainMs, m.louvainCpuMs, `  ${edgesPerSecond(m.links, m.louvainMs)}`);
    row(
      'graphology Louvain',
      m.baselineLouvainMs,
      m.baselineLouvainCpuMs,
      `  ${edgesPerSecond(m.links, m.baselineLouvainMs)} (baseline, same graph)`,
    );
    row('detectors and scoring', m.detectorsMs, m.detectorsCpuMs);
    const goal = GOAL_SECONDS[size];
    row('total detection', m.totalMs, m.totalCpuMs, goal ? `  (goal < ${goal} s)` : '');
    console.log(
      `  peak memory            ${Math.round(m.peakRssMb).toLocaleString('en')} MB${size === 'large' ? '  (goal < 4,096 MB)' : ''}`,
    );
  }
  await writeResults('detect', {
    seed: SEED,
    worlds,
    baseline: 'baselineLouvainMs: graphology-communities-louvain alone on the same projected graph',
    goals: { totalSeconds: GOAL_SECONDS, largePeakRssMb: 4096 },
  });
}

export { run_ as run };
