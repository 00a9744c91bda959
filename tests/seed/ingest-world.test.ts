// The demo path: the small world of seed 7 loads into the embedded store with no row errors.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld, type GenerateResult } from '../../seed/generate.ts';
import { openStore } from '../../src/store/open.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('seed small 7, then ingest', () => {
  let dir: string;
  let world: GenerateResult;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-seed-ingest-'));
    world = await generateWorld({ size: 'small', seed: 7, outDir: join(dir, 'world') });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every declaration line and registry row', async () => {
    const db = join(dir, 'store.db');
    const { code, stderr } = await runCli([
      '--db',
      db,
      '--json',
      'ingest',
      world.declarationsPath,
      world.entitiesPath,
    ]);
    expect(stderr).not.toMatch(/row \d+/);
    expect(code).toBe(0);
    const store = await openStore({ db });
    try {
      const counts = await store.counts();
      expect(counts.nodes.Shipment).toBe(world.truth.counts.lines);
      const planted = world.truth.rings.flatMap((r) => r.members.filter((m) => m.label !== 'Person'));
      const found = await store.getNodes(planted.map(({ label, id }) => ({ label, id })));
      expect(found.length).toBe(new Set(planted.map((m) => `${m.label}:${m.id}`)).size);
    } finally {
      await store.close();
    }
  }, 180_000);
});
