// `npm run bench -- ingest`: rows/s of csv-parse alone on a generated 200,000-line
// declarations file (the ceiling) against the full ingest into a fresh embedded store, by wall
// time and by CPU time of this process (SQLite runs in it too): on a shared machine the CPU
// figures are the ones that compare.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { CSV_OPTIONS } from '../src/ingest/csv-reader.ts';
import type { FileOutcome } from '../src/ingest/import-file.ts';
import { WORKER_MIN_BYTES } from '../src/ingest/csv-worker.ts';
import { ingestFiles } from '../src/ingest/ingest.ts';
import { openStore } from '../src/store/open.ts';
import { writeDeclarationsFile } from './support/generate-declarations.ts';
import { writeResults } from './results.ts';

const LINES = 200_000;
const GOAL_RATIO = 0.5;
const GOAL_ROWS_PER_SECOND = 50_000;

/** CPU seconds (user + system) this process spent since `since`. */
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

interface Rate {
  rowsPerSecond: number;
  rowsPerCpuSecond: number;
}

async function parseOnly(path: string): Promise<Rate> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let rows = 0;
  for await (const _record of createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parse(CSV_OPTIONS)))
    rows += 1;
  return {
    rowsPerSecond: (rows - 1) / ((performance.now() - started) / 1000),
    rowsPerCpuSecond: (rows - 1) / cpuSeconds(cpu),
  };
}

interface IngestRun extends Rate {
  timings: FileOutcome['timings'];
}

async function fullIngest(dir: string, path: string, run: number): Promise<IngestRun> {
  const store = await openStore({ db: join(dir, `bench-${run}.db`) });
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const [outcome] = await ingestFiles(store, [path]);
    if (outcome?.status !== 'imported')
      throw new Error(`bench ingest failed: ${JSON.stringify(outcome?.problems.slice(0, 3))}`);
    return {
      rowsPerSecond: outcome.rows / ((performance.now() - started) / 1000),
      rowsPerCpuSecond: outcome.rows / cpuSeconds(cpu),
      timings: outcome.timings,
    };
  } finally {
    await store.close();
  }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en');

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-bench-'));
  try {
    const path = join(dir, 'declarations.csv');
    await writeDeclarationsFile(path, LINES);
    // Interleaved runs, best of each: the machine is shared, the best run is the least disturbed.
    const parse: Rate[] = [];
    const ingest: IngestRun[] = [];
    for (let run = 0; run < 2; run++) {
      parse.push(await parseOnly(path));
      ingest.push(await fullIngest(dir, path, run));
    }
    const ceiling = Math.max(...parse.map((r) => r.rowsPerSecond));
    const cpuCeiling = Math.max(...parse.map((r) => r.rowsPerCpuSecond));
    const best = ingest.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
    const full = best.rowsPerSecond;
    const cpuFull = Math.max(...ingest.map((r) => r.rowsPerCpuSecond));
    const cpuRatio = cpuFull / cpuCeiling;
    const { validateMs, checkMs, writeMs, storeWriteMs } = best.timings;
    const share = (ms: number): string =>
      `${fmt(ms)} ms (${((100 * ms) / (validateMs + checkMs + writeMs)).toFixed(0)}%)`;
    const ratio = full / ceiling;
    console.log(`declarations file: ${fmt(LINES)} lines`);
    console.log(
      `csv-parse alone:   ${fmt(ceiling)} rows/s  (runs: ${parse.map((r) => fmt(r.rowsPerSecond)).join(', ')})`,
    );
    console.log(
      `full ingest:       ${fmt(full)} rows/s  (runs: ${ingest.map((r) => fmt(r.rowsPerSecond)).join(', ')})`,
    );
    console.log(
      `  where the best run went: read + validate ${share(validateMs)}, check against the store ${share(checkMs)}, write ${share(writeMs)}, of which inside the store ${share(storeWriteMs)}`,
    );
    const onWorker = (await stat(path)).size >= WORKER_MIN_BYTES;
    console.log(
      `  read + validate alone:  ${fmt(LINES / (validateMs / 1000))} rows/s (CSV parsed ${onWorker ? 'on a worker thread' : 'on the calling thread'})`,
    );
    console.log(
      `ratio (wall):      ${(ratio * 100).toFixed(1)}% of parse-only (goal ≥ ${GOAL_RATIO * 100}%: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}); goal ≥ ${fmt(GOAL_ROWS_PER_SECOND)} rows/s: ${full >= GOAL_ROWS_PER_SECOND ? 'met' : 'NOT met'}`,
    );
    console.log(
      `per CPU second:    csv-parse alone ${fmt(cpuCeiling)} rows/s (runs: ${parse.map((r) => fmt(r.rowsPerCpuSecond)).join(', ')}), full ingest ${fmt(cpuFull)} rows/s (runs: ${ingest.map((r) => fmt(r.rowsPerCpuSecond)).join(', ')})`,
    );
    console.log(
      `ratio (CPU):       ${(cpuRatio * 100).toFixed(1)}% of parse-only (goal ≥ ${GOAL_RATIO * 100}%: ${cpuRatio >= GOAL_RATIO ? 'met' : 'NOT met'}); ${fmt(GOAL_ROWS_PER_SECOND)} rows/CPU-s: ${cpuFull >= GOAL_ROWS_PER_SECOND ? 'reached' : 'not reached'}`,
    );
    await writeResults('ingest', {
      lines: LINES,
      baseline: { csvParseRowsPerSecond: ceiling, csvParseRowsPerCpuSecond: cpuCeiling, runs: parse },
      fullIngest: {
        rowsPerSecond: full,
        rowsPerCpuSecond: cpuFull,
        runs: ingest,
        bestRunTimings: best.timings,
      },
      ratio: { wall: ratio, cpu: cpuRatio },
      goals: { ratio: GOAL_RATIO, rowsPerSecond: GOAL_ROWS_PER_SECOND },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
