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
