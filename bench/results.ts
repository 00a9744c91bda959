// A benchmark's results as a file of its own: bench/results/<name>-<YYYY-MM-DD>-<commit>[-n].json
// with the machine, the day, the commit and the figures the bench printed (its in-run baseline
// and its goals among them), so figures are kept by the run that measured them, not copied by
// hand into documents. RINGSCOPE_BENCH_RESULTS_DIR writes them elsewhere. Format: bench/results/README.md.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, arch, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Version of the file's layout; changes only if a field changes meaning. */
export const RESULTS_VERSION = 1;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_DIR = join(ROOT, 'bench', 'results');

export interface Machine {
  cpus: { model: string; count: number };
  memoryMb: number;
  node: string;
  os: { platform: string; release: string; arch: string };
  /** 1, 5 and 15 minute load averages when the run ended: how busy the machine was. */
  loadAverage: number[];
}

export interface ResultsFile {
  version: number;
  bench: string;
  /** The day of the run, YYYY-MM-DD (UTC). */
  date: string;
  commit: string | null;
  /** Whether the working tree had uncommitted changes (null without git). */
  dirty: boolean | null;
  machine: Machine;
  /** The RINGSCOPE_BENCH_* and BENCH_* variables the run was given. */
  settings: Record<string, string>;
  figures: Record<string, unknown>;
}

export interface WriteResultsOptions {
  /** Folder to write into; default RINGSCOPE_BENCH_RESULTS_DIR, else bench/results. */
  dir?: string;
  /** The moment of the run (for tests). */
  now?: Date;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpus: { model: list[0]?.model.trim() ?? 'unknown', count: list.length },
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    os: { platform: platform(), release: release(), arch: arch() },
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function benchSettings(): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (
      /^(RINGSCOPE_BENCH_|BENCH_)/.test(key) &&
      key !== 'RINGSCOPE_BENCH_RESULTS_DIR' &&
      value !== undefined
    )
      settings[key] = value;
  return settings;
}

/** Builds the file's content; exported for tests. */
export function resultsFile(name: string, figures: Record<string, unknown>, now: Date): ResultsFile {
  const commit = git(['rev-parse', 'HEAD']);
  const status = commit === null ? null : git(['status', '--porcelain', '--untracked-files=no']);
  return {
    version: RESULTS_VERSION,
    bench: name,
    date: now.toISOString().slice(0, 10),
    commit,
    dirty: status === null ? null : status.length > 0,
    machine: describeMachine(),
    settings: benchSettings(),
    figures,
  };
}

/**
 * Writes one run's results to a new file and prints its path; never overwrites an earlier run
 * (a second run on the same day and commit gets `-2`, `-3`, …). Answers the path written.
 */
export async function writeResults(
  name: string,
  figures: Record<string, unknown>,
  options: WriteResultsOptions = {},
): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(name))
    throw new Error(`bench results: invalid bench name ${JSON.stringify(name)}`);
  const dir = options.dir ?? process.env.RINGSCOPE_BENCH_RESULTS_DIR ?? DEFAULT_DIR;
  const content = resultsFile(name, figures, options.now ?? new Date());
  const base = [name, content.date, content.commit?.slice(0, 7)].filter(Boolean).join('-');
  const text = `${JSON.stringify(content, null, 2)}\n`;
  await mkdir(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${base}.json` : `${base}-${n}.json`);
    try {
      await writeFile(path, text, { flag: 'wx' });
      console.log(`results written to ${path}`);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
