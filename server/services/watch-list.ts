// The watch list officers keep: parties (by node key) whose every arriving declaration raises an
// alert, each with why it is watched and who added it. Kept in the app database, and in memory
// for matching (every scored declaration asks): the entries by party key, read again when the
// list may have changed: a write through this module, or a commit by another connection
// (`PRAGMA data_version` moved). Matching a declaration is then one pragma and map lookups.
import type { WatchEntry, WatchEntryBody } from '../../src/api/alerts.ts';
import { preparedOnce, type AppDb } from '../app-db.ts';
import { ApiError, notFound } from '../http/errors.ts';

interface WatchRow {
  id: number;
  party_key: string;
  reason: string;
  added_by: string;
  added_at: string;
}

const toEntry = (r: WatchRow): WatchEntry => ({
  id: r.id,
  party_key: r.party_key,
  reason: r.reason,
  added_by: r.added_by,
  added_at: r.added_at,
});

/** The entries by party key, as of a data version of the database; by database. */
const byKey = new WeakMap<AppDb, { dataVersion: number; entries: Map<string, WatchEntry> }>();

function entriesOf(db: AppDb): Map<string, WatchEntry> {
  const dataVersion = preparedOnce(db, 'PRAGMA data_version').pluck().get() as number;
  const hit = byKey.get(db);
  if (hit?.dataVersion === dataVersion) return hit.entries;
  const rows = preparedOnce(db, 'SELECT * FROM watch_list ORDER BY id').all() as WatchRow[];
  const entries = new Map(rows.map((r) => [r.party_key, toEntry(r)]));
  byKey.set(db, { dataVersion, entries });
  return entries;
}

export class WatchList {
  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every entry, oldest first. */
  list(): WatchEntry[] {
    const rows = preparedOnce(this.db, 'SELECT * FROM watch_list ORDER BY id').all() as WatchRow[];
    return rows.map(toEntry);
  }

  /** Adds a party; one already watched is a 409 naming the entry. */
  add(username: string, body: WatchEntryBody): WatchEntry {
    const existing = preparedOnce(this.db, 'SELECT * FROM watch_list WHERE party_key = ?').get(
      body.party_key,
    ) as WatchRow | undefined;
    if (existing) {
      throw new ApiError(
        409,
        'already_watched',
        `${body.party_key} is already on the watch list (entry ${existing.id}); remove it first to change the reason`,
      );
    }
    const { lastInsertRowid } = preparedOnce(
      this.db,
      'INSERT INTO watch_list (party_key, reason, added_by, added_at) VALUES (?, ?, ?, ?)',
    ).run(body.party_key, body.reason, username, this.now().toISOString());
    byKey.delete(this.db);
    return this.require(Number(lastInsertRowid));
  }

  /** Removes an entry and answers what it was; an unknown id is a 404. */
  remove(id: number): WatchEntry {
    const entry = this.require(id);
    preparedOnce(this.db, 'DELETE FROM watch_list WHERE id = ?').run(id);
    byKey.delete(this.db);
    return entry;
  }

  /** The entries among these party keys, in the order of the keys. */
  matching(partyKeys: readonly string[]): WatchEntry[] {
    if (partyKeys.length === 0) return [];
    const entries = entriesOf(this.db);
    if (entries.size === 0) return [];
    const found = new Map<string, WatchEntry>();
    for (const key of partyKeys) {
      const entry = entries.get(key);
      if (entry) found.set(key, { ...entry });
    }
    return [...found.values()];
  }

  private require(id: number): WatchEntry {
    const row = preparedOnce(this.db, 'SELECT * FROM watch_list WHERE id = ?').get(id) as
      WatchRow | undefined;
    if (!row) throw notFound(`watch-list entry ${id}`);
    return toEntry(row);
  }
}
