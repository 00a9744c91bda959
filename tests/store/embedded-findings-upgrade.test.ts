// A store file whose detection run was written before rings had a priority and runs had leads
// (schema 2) opens with the priority computed for each stored ring, ranked by it, and no leads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { migrate, openDatabase } from '../../src/store/embedded/schema.ts';
import { fixtureRun } from './fixture-run.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringscope-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded store upgrade to schema 3', () => {
  it('computes the priority of the rings of a run stored before, and lists them by it', async () => {
    const file = join(dir, 'old.db');
    const db = openDatabase(file);
    migrate(db, 2);
    db.prepare('INSERT INTO detection_run VALUES (1, ?, ?, ?, ?)').run('run-old', 'a', 'b', 1);
    const insert = db.prepare('INSERT INTO rings VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const ring of fixtureRun('old').rings) {
      const { priority: _, ...before } = ring;
      insert.run(
        ring.id,
        ring.typology,
        ring.score,
        ring.revenueAtRisk,
        ring.explanation,
        ring.members.length,
        JSON.stringify(before),
      );
    }
    db.close();
    const store = await openEmbeddedStore(file);
    try {
      const run = fixtureRun('old');
      const listed = await store.listRings({ limit: 10, offset: 0 });
      expect(listed.rings.map((r) => [r.id, r.priority])).toEqual(
        [0, 2, 1].map((i) => [run.rings[i]!.id, run.rings[i]!.priority]),
      );
      expect(await store.getRing(run.rings[0]!.id)).toEqual(run.rings[0]);
      expect(await store.listLeads({ limit: 10, offset: 0 })).toEqual({ leads: [], total: 0 });
    } finally {
      await store.close();
    }
  });
});
