// The watch list as matching sees it: kept in memory, yet never stale: an entry added or removed
// through any WatchList on the connection, or committed by another connection to the same file,
// is matched (or no longer) by the very next declaration.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../server/app-db.ts';
import { WatchList } from '../../server/services/watch-list.ts';

let dir: string;
let db: AppDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringscope-watch-'));
  db = openAppDb(join(dir, 'app.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = () => new Date('2026-12-08T02:00:00.000Z');
const keys = ['Importer:IM-1', 'Broker:BR-2', 'Supplier:SU-3'];

describe('WatchList.matching', () => {
  it('sees entries added and removed through any WatchList on the connection at once', () => {
    const served = new WatchList(db, at);
    const editor = new WatchList(db, at);
    expect(served.matching(keys)).toEqual([]);
    const broker = editor.add('officer', { party_key: 'Broker:BR-2', reason: 'seized twice' });
    editor.add('officer', { party_key: 'Importer:IM-9', reason: 'not in this declaration' });
    expect(served.matching(keys)).toEqual([broker]);
    // A caller changing an answered entry does not change the list.
    served.matching(keys)[0]!.reason = 'edited';
    expect(served.matching(keys)[0]!.reason).toBe('seized twice');
    editor.remove(broker.id);
    expect(served.matching(keys)).toEqual([]);
  });

  it('sees an entry another connection commits, by the next match', () => {
    const served = new WatchList(db, at);
    expect(served.matching(keys)).toEqual([]);
    const other = new Database(join(dir, 'app.db'));
    try {
      other
        .prepare('INSERT INTO watch_list (party_key, reason, added_by, added_at) VALUES (?, ?, ?, ?)')
        .run('Supplier:SU-3', 'shares a phone with a seized party', 'lead', '2026-12-08T02:30:00.000Z');
    } finally {
      other.close();
    }
    expect(served.matching(keys)).toEqual([
      {
        id: 1,
        party_key: 'Supplier:SU-3',
        reason: 'shares a phone with a seized party',
        added_by: 'lead',
        added_at: '2026-12-08T02:30:00.000Z',
      },
    ]);
  });
});
