// Progress of long commands on stderr: a bar on a terminal, a plain line every few seconds
// otherwise, and nothing when stderr is not a terminal and --json keeps the output clean.
import { SingleBar, Presets } from 'cli-progress';

export interface ProgressReporter {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressReporter(unit: string, json: boolean): ProgressReporter {
  const tty = Boolean(process.stderr.isTTY);
  if (!tty && json) return { update: () => undefined, stop: () => undefined };
  if (tty) {
    const bar = new SingleBar({ format: `{bar} {percentage}% | {value}/{total} ${unit} | {duration}s`, stream: process.stderr }, Presets.shades_classic);
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
