// An import killed with SIGKILL half way through writing leaves its file absent or complete,
// never partial; running it again completes it with no duplicates. The file is large enough
// (beyond the spill threshold) that the kill lands well before the commit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import-file.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import { openStore } from '../../src/store/open.ts';
import { writeDeclarationsFile } from '../../bench/support/generate-declarations.ts';
import { BIN } from './cli-run.ts';
import { testDir, type TestDir } from './helpers.ts';

const LINES = 320_000;

/** Starts an import and kills it at its first progress line of the writing phase. */
function killWhileWriting(
  file: string,
  db: string,
): Promise<{ killedWhileWriting: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!killed && /writing \d+% [1-9][\d,]* rows/.test(stderr)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) =>
      resolve({ killedWhileWriting: killed && signal === 'SIGKILL', stderr }),
    );
  });
}

describe('an import killed half way', () => {
  let dir: TestDir;
  beforeAll(async () => {
    dir = await testDir();
  });
  afterAll(async () => dir.cleanup());

  it(
    'leaves the file absent, and a re-run completes it with no duplicates',
    { timeout: 300_000 },
    async () => {
      const file = join(dir.dir, 'large.csv');
      await writeDeclarationsFile(file, LINES);
      const db = join(dir.dir, 'killed.db');

      const run = await killWhileWriting(file, db);
      expect(run.killedWhileWriting, run.stderr).toBe(true);

      const store = await openStore({ db });
      try {
        const afterKill = await store.counts();
        const imported = await store.listImports();
        // Absent or complete, never anything between.
        const complete = imported.length === 1;
        expect(imported.length, 'at most the one file is recorded').toBeLessThanOrEqual(1);
        expect(afterKill.nodes.Shipment ?? 0).toBe(complete ? LINES : 0);
        expect(afterKill.rels.IMPORTED_BY ?? 0).toBe(complete ? LINES : 0);

        const outcome = await importFile(store, file, layoutsFor('ringscope'));
        expect(outcome.status).toBe(complete ? 'unchanged' : 'imported');
        const done = await store.counts();
        expect(done.nodes.Shipment).toBe(LINES);
        expect(done.rels.IMPORTED_BY).toBe(LINES);
        expect(done.rels.DECLARED_BY).toBe(LINES);
        expect(await store.listImports()).toHaveLength(1);
      } finally {
        await store.close();
      }
    },
  );
});
