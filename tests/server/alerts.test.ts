// Alerts as stored: what `raise` answers is what a later read gives back, field for field and
// in the same key order (the stream sends the raised alerts, GET /api/alerts the stored ones).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('Alerts.raiseGrouped', () => {
  it('stores the alerts of one turn in one transaction, in the order raised, each answered once stored', async () => {
    const alerts = new Alerts(db, () => new Date('2026-12-08T01:00:00.000Z'));
    const transactions = vi.spyOn(db, 'transaction');
    const first = alerts.raiseGrouped([red(1), red(2)]);
    const none = alerts.raiseGrouped([]);
    const second = alerts.raiseGrouped([{ ...red(1), declaration_id: 'D-2' }]);
    // Nothing is stored before the next turn.
    expect(alerts.lastId()).toBe(0);
    const [a, b, c] = await Promise.all([first, none, second]);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(a.map((x) => [x.id, x.declaration_id, x.line])).toEqual([
      [1, 'D-1', 1],
      [2, 'D-1', 2],
    ]);
    expect(b).toEqual([]);
    expect(c.map((x) => [x.id, x.declaration_id])).toEqual([[3, 'D-2']]);
    expect(JSON.stringify([...a, ...c])).toBe(JSON.stringify(alerts.list({ after: 0, limit: 10 })));
    // raise() writes at once, after any alerts still waiting for their group.
    const waiting = alerts.raiseGrouped([red(7)]);
    expect(alerts.raise([red(8)]).map((x) => x.id)).toEqual([5]);
    expect((await waiting).map((x) => x.id)).toEqual([4]);
  });
});
