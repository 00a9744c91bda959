// The watch list officers keep: parties (by node key) whose every arriving declaration raises an
// alert, each with why it is watched and who added it. Kept in the app database.
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
    return this.require(Number(lastInsertRowid));
  }

  /** Removes an entry and answers what it was; an unknown id is a 404. */
  remove(id: number): WatchEntry {
    const entry = this.require(id);
    preparedOnce(this.db, 'DELETE FROM watch_list WHERE id = ?').run(id);
    return entry;
  }

  /** The entries among these party keys, in the order of the keys. */
  matching(partyKeys: readonly string[]): WatchEntry[] {
    if (partyKeys.length === 0) return [];
    const found = new Map<string, WatchEntry>();
    const lookUp = preparedOnce(this.db, 'SELECT * FROM watch_list WHERE party_key = ?');
    for (const key of partyKeys) {
      const row = lookUp.get(key) as WatchRow | undefined;
      if (row) found.set(key, toEntry(row));
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
