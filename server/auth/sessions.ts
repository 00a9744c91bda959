// Server-side sessions: a random token in the cookie, only its SHA-256 in the database, idle and
// absolute timeouts, a fresh token at every login and deletion at logout.
import { createHash, randomBytes } from 'node:crypto';
import { preparedOnce, type AppDb } from '../app-db.ts';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

interface SessionRow {
  username: string;
  created_at: number;
  last_seen_at: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 15_000;

export class Sessions {
  constructor(
    private readonly db: AppDb,
    private readonly timeouts: SessionTimeouts,
    private readonly now: () => number = Date.now,
  ) {}

  create(username: string): string {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    this.db
      .prepare('INSERT INTO sessions (token_hash, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
      .run(hashToken(token), username, at, at);
    return token;
  }

  /** The session's user name, or null when the token is unknown, idle too long or too old. */
  resolve(token: string): string | null {
    const key = hashToken(token);
    const row = preparedOnce(
      this.db,
      'SELECT username, created_at, last_seen_at FROM sessions WHERE token_hash = ?',
    ).get(key) as SessionRow | undefined;
    if (!row) return null;
    const at = this.now();
    if (at - row.last_seen_at > this.timeouts.idleMs || at - row.created_at > this.timeouts.absoluteMs) {
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(key);
      return null;
    }
    if (at - row.last_seen_at > TOUCH_EVERY_MS) {
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(at, key);
    }
    return row.username;
  }

  destroy(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  /** Drops expired sessions; called now and then so the table does not grow without end. */
  sweep(): void {
    const at = this.now();
    this.db
      .prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?')
      .run(at - this.timeouts.idleMs, at - this.timeouts.absoluteMs);
  }
}
