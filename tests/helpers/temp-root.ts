// Global set-up of every test project: the tests' temporary files (each file's mkdtemp, the CLI
// children they start, the browser's profile) go under one directory of their own, removed when
// the run ends, so a run leaves nothing behind in the system's temporary directory even when a
// test file does not clean up after itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'ringscope-tests-'));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
