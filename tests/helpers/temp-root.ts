// Global set-up of every test project: the tests' temporary files (each file's mkdtemp, the CLI
// children they start, the browser's profile) go under one directory of their own, removed when
// the run ends, so a run leaves nothing behind in the system's temporary directory even when a
// test file does not clean up after itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'ringscope-tests-';

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  // Each test project runs this; the first one's directory serves them all. Nesting would make
  // paths too long for Chromium's socket (a UNIX socket path holds at most 107 bytes).
  if (previous?.includes(PREFIX)) return () => {};
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
