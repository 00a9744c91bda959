// Progress of a long import on stderr: rows and rows/s per phase, redrawn in place on a
// terminal, one line at a time otherwise; silent when the caller asks for clean output.
import { basename } from 'node:path';

export type Phase = 'reading' | 'writing';

export interface Progress {
  update(phase: Phase, rows: number, fraction?: number): void;
  finish(): void;
}

export const SILENT: Progress = { update() {}, finish() {} };

export function stderrProgress(file: string, intervalMs = 500): Progress {
  const tty = process.stderr.isTTY === true;
  const name = basename(file);
  let phaseStart = performance.now();
  let phase: Phase | null = null;
  let last = 0;
  let drawn = false;
  return {
    update(next, rows, fraction) {
      const now = performance.now();
      if (next !== phase) {
        phase = next;
        phaseStart = now;
        last = 0;
      }
      if (now - last < intervalMs) return;
      last = now;
      const seconds = Math.max((now - phaseStart) / 1000, 1e-3);
      const share = fraction === undefined ? '' : ` ${Math.round(fraction * 100)}%`;
      const line = `ringscope ingest: ${name} ${next}${share} ${rows.toLocaleString('en')} rows ${Math.round(rows / seconds).toLocaleString('en')} rows/s`;
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      drawn = true;
    },
    finish() {
      if (tty && drawn) process.stderr.write('\r\x1b[2K');
    },
  };
}
