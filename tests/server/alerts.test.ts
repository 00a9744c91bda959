// Alerts as stored: what `raise` answers is what a later read gives back, field for field and
// in the same key order (the stream sends the raised alerts, GET /api/alerts the stored ones).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../server/app-db.ts';
import { Alerts, type NewAlert } from '../../server/services/alerts.ts';

let dir: string;
let db: AppDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringscope-alerts-'));
  db = openAppDb(join(dir, 'app.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const red = (line: number): NewAlert => ({
  kind: 'red_lane',
  declaration_id: 'D-1',
  line,
  party_key: 'Importer:IM-1',
  score: 0.995,
  lane: 'red',
  reasons: [`reason of line ${line} (+1.20)`],
  model: 'sha256:abc',
});

describe('Alerts.raise', () => {
  it('answers the stored alerts, ids increasing, as a read gives them back', () => {
    const alerts = new Alerts(db, () => new Date('2026-12-08T01:00:00.000Z'));
    const watched: NewAlert = {
      ...red(0),
      kind: 'watch_list',
      line: null,
      reasons: ['Importer:IM-1 is on the watch list: seized twice'],
    };
    const raised = alerts.raise([red(1), red(2), watched]);
    expect(raised.map((a) => a.id)).toEqual([1, 2, 3]);
    expect(raised[2]).toMatchObject({ kind: 'watch_list', line: null, acknowledged_at: null });
    expect(JSON.stringify(raised)).toBe(JSON.stringify(alerts.list({ after: 0, limit: 10 })));
    expect(alerts.raise([])).toEqual([]);
  });
});
