// Progress of long commands on stderr, in one place for every command: redrawn in place on a
// terminal, plain lines otherwise, and nothing when stderr is not a terminal and --json asks for
// clean machine output.
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { SILENT, type Phase, type Progress } from '../ingest/progress.ts';

export type ProgressMode = 'terminal' | 'lines' | 'silent';

/** How progress is shown: the one rule every reporter below follows. */
export function progressMode(json: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (stream.isTTY === true) return 'terminal';
  return json ? 'silent' : 'lines';
}

/** Counted work (done of total): a bar on a terminal, a line every few seconds otherwise. */
export interface ProgressReporter {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressReporter(unit: string, json: boolean): ProgressReporter {
  const mode = progressMode(json);
  if (mode === 'silent') return { update: () => undefined, stop: () => undefined };
  if (mode === 'terminal') {
    const bar = new SingleBar(
      { format: `{bar} {percentage}% | {value}/{total} ${unit} | {duration}s`, stream: process.stderr },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update: (done, total) => {
      const now = Date.now();
      if (now - last < 2000 && done < total) return;
      last = now;
      process.stderr.write(`${done}/${total} ${unit} (${Math.floor((done / Math.max(1, total)) * 100)}%)\n`);
    },
    stop: () => undefined,
  };
}

/** Steps of work that has no total (detection): one line per step. */
export interface ProgressSink {
  line(text: string): void;
}

export function progressSink(json: boolean, stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  const quiet = progressMode(json, stream) === 'silent';
  return { line: (text) => void (quiet || stream.write(`${text}\n`)) };
}

/** One file's import: rows and rows/s per phase, redrawn in place on a terminal. */
export function ingestProgress(file: string, json: boolean, intervalMs = 500): Progress {
  const mode = progressMode(json);
  if (mode === 'silent') return SILENT;
  const tty = mode === 'terminal';
  const name = basename(file);
  const created = performance.now();
  let phaseStart = created;
  let phaseRows = 0;
  let phase: Phase = 'reading';
  let last = created;
  let drawn = false;
  return {
    update(next, rows, fraction) {
      const now = performance.now();
      if (next !== phase) {
        // The rate of a phase counts from its first report.
        phase = next;
        phaseStart = now;
        phaseRows = rows;
        last = now;
        return;
      }
      if (now - last < intervalMs) return;
      last = now;
      const rate = (rows - phaseRows) / Math.max((now - phaseStart) / 1000, 1e-3);
      const share = fraction === undefined ? '' : ` ${Math.round(fraction * 100)}%`;
      const line = `ringscope ingest: ${name} ${next}${share} ${rows.toLocaleString('en')} rows ${Math.round(rate).toLocaleString('en')} rows/s`;
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      drawn = true;
    },
    finish() {
      if (tty && drawn) process.stderr.write('\r\x1b[2K');
    },
  };
}
