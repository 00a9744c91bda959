// Every way Ringscope is started gives Node the same young-generation size: V8 reads it only at
// start-up, and without it an import spends about a tenth of its time in scavenges (README,
// "Configuration"). The `ringscope` command itself must run so started.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FLAG = '--max-semi-space-size=64';
const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('entry points', () => {
  it('start Node with the young generation the ingest is measured with', () => {
    expect(read('bin/ringscope.js').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${FLAG}`);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain(`node ${FLAG} bin/ringscope.js`);
    expect(scripts.bench).toContain(`node ${FLAG} bin/bench.js`);
    expect(read('Dockerfile')).toContain(`CMD ["node", "${FLAG}", "bin/ringscope.js", "serve"]`);
  });

  it('runs the ringscope command through its shebang', () => {
    const run = spawnSync(new URL('bin/ringscope.js', root).pathname, ['--help'], { encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: ringscope /);
  });
});
