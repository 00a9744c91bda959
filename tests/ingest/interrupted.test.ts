// An import killed with SIGKILL half way through writing leaves its file absent, never partial;
// running it again imports it whole. The writer's test hook (RINGSCOPE_TEST_PAUSE_AFTER_BATCHES,
// write-file.ts) pauses the child after a known number of write batches, with its import open,
// so the kill always lands mid-write.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import-file.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import { TEST_PAUSE_MARKER, WRITE_BATCH_ROWS } from '../../src/ingest/write-file.ts';
import { openStore } from '../../src/store/open.ts';
import { writeDeclarationsFile } from '../../bench/support/generate-declarations.ts';
import { BIN } from './cli-run.ts';
import { decl, declRow, snapshot, testDir, type TestDir } from './helpers.ts';

const LINES = 30_000;
/** Four batches of shared parties (12,300), then 12 of the 30 batches of lines: well inside the write. */
const PAUSE_AFTER_BATCHES = 16;

interface Paused {
  batches: number;
  nodes: number;
  rels: number;
}

/** Starts an import that pauses after PAUSE_AFTER_BATCHES write batches, and kills it there. */
function killWhilePaused(file: string, db: string): Promise<{ paused: Paused | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', db], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, RINGSCOPE_TEST_PAUSE_AFTER_BATCHES: String(PAUSE_AFTER_BATCHES) },
    });
    let stderr = '';
    let paused: Paused | null = null;
    const marker = new RegExp(
      `${TEST_PAUSE_MARKER} after (\\d+) write batches \\((\\d+) nodes, (\\d+) relationships\\)\\n`,
    );
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = paused ? null : marker.exec(stderr);
      if (match) {
        paused = { batches: Number(match[1]), nodes: Number(match[2]), rels: Number(match[3]) };
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the import was not killed (signal ${signal}):\n${stderr}`));
      else resolve({ paused, stderr });
    });
  });
}

describe('an import killed half way', () => {
  let dir: TestDir;
  beforeAll(async () => {
    dir = await testDir();
  });
  afterAll(async () => dir.cleanup());

  it('leaves the file absent, and a re-run imports it whole', { timeout: 120_000 }, async () => {
    const file = join(dir.dir, 'large.csv');
    await writeDeclarationsFile(file, LINES);
    const db = join(dir.dir, 'killed.db');
    // A file imported before, with parties of its own: the kill must leave it as it was.
    const earlier = await dir.file(
      'earlier.csv',
      decl(
        declRow({
          declaration_id: 'KEPT1',
          importer_id: 'KEPT-IM',
          broker_id: 'KEPT-BR',
          consignee_id: 'KEPT-CO',
          supplier_id: 'KEPT-SU',
        }),
      ),
    );
    let store = await openStore({ db });
    let before: unknown;
    try {
      expect((await importFile(store, earlier, layoutsFor('ringscope'))).status).toBe('imported');
      before = await snapshot(store);
    } finally {
      await store.close();
    }

    const run = await killWhilePaused(file, db);
    expect(run.paused, run.stderr).toEqual({
      batches: PAUSE_AFTER_BATCHES,
      nodes: expect.any(Number) as number,
      rels: expect.any(Number) as number,
    });
    const paused = run.paused!;
    // Killed with lines of the file written (a line batch or more: only lines carry
    // relationships), its import still open.
    expect(paused.rels).toBeGreaterThanOrEqual(WRITE_BATCH_ROWS);

    store = await openStore({ db });
    try {
      expect(await snapshot(store), 'the killed import left nothing').toEqual(before);
      expect(await store.listImports()).toHaveLength(1);
      // Not only the kept counts: the rows themselves, shared parties (written first) and lines.
      expect(await store.getNode({ label: 'Importer', id: 'IM0' })).toBeNull();
      const lines: string[] = [];
      for await (const node of store.streamNodes(['Shipment'])) lines.push(node.id);
      expect(lines).toHaveLength(1);

      const outcome = await importFile(store, file, layoutsFor('ringscope'));
      expect(outcome.status).toBe('imported');
      expect(outcome.nodesWritten).toBeGreaterThan(paused.nodes);
      expect(outcome.relsWritten).toBeGreaterThan(paused.rels);
      const done = await store.counts();
      expect(done.nodes.Shipment).toBe(LINES + 1);
      expect(done.rels.IMPORTED_BY).toBe(LINES + 1);
      expect(done.rels.DECLARED_BY).toBe(LINES + 1);
      expect(await store.listImports()).toHaveLength(2);
    } finally {
      await store.close();
    }
  });
});
