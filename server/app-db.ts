// The app-state database: users, sessions, the audit trail, cases, jobs, inspection results, the
// watch list and alerts, saved investigations, in one SQLite file beside the graph store whichever
// graph store is used.
// Schema changes are numbered migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export { preparedOnce } from '../src/store/embedded/prepared.ts';

export type AppDb = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE users (
     username TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     must_change_password INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL REFERENCES users(username),
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_user ON sessions(username);
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     username TEXT,
     request_id TEXT,
     action TEXT NOT NULL,
     target TEXT,
     detail TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
   CREATE TABLE cases (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     description TEXT NOT NULL DEFAULT '',
     status TEXT NOT NULL,
     visibility TEXT NOT NULL,
     owner TEXT NOT NULL,
     assignee TEXT,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE case_entities (case_id TEXT NOT NULL REFERENCES cases(id), node_key TEXT NOT NULL, added_by TEXT NOT NULL, added_at TEXT NOT NULL, PRIMARY KEY (case_id, node_key));
   CREATE TABLE case_rings (case_id TEXT NOT NULL REFERENCES cases(id), ring_id TEXT NOT NULL, added_by TEXT NOT NULL, added_at TEXT NOT NULL, PRIMARY KEY (case_id, ring_id));
   CREATE TABLE case_notes (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);
   CREATE TABLE case_evidence (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), author TEXT NOT NULL, description TEXT NOT NULL, declaration_ids TEXT NOT NULL, ring_id TEXT, at TEXT NOT NULL);
   CREATE TABLE case_events (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id), at TEXT NOT NULL, actor TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL);
   CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     state TEXT NOT NULL,
     progress TEXT NOT NULL,
     result TEXT,
     error TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // The key each audit entry's HMAC was made with; NULL for entries of the unkeyed SHA-256 chain
  // written before keys existed.
  `ALTER TABLE audit ADD COLUMN key_id TEXT;`,
  // Inspection results on declaration lines, as officers record them (labels for training).
  `CREATE TABLE inspections (
     id INTEGER PRIMARY KEY,
     declaration_id TEXT NOT NULL,
     line INTEGER NOT NULL,
     found INTEGER NOT NULL,
     revenue_recovered REAL,
     notes TEXT NOT NULL DEFAULT '',
     recorded_by TEXT NOT NULL,
     recorded_at TEXT NOT NULL
   );
   CREATE INDEX inspections_declaration ON inspections(declaration_id, line);`,
  // The watch list officers keep, and the alerts arriving declarations raise (red-lane lines,
  // watch-listed parties); an alert is open until someone acknowledges it.
  `CREATE TABLE watch_list (
     id INTEGER PRIMARY KEY,
     party_key TEXT NOT NULL UNIQUE,
     reason TEXT NOT NULL,
     added_by TEXT NOT NULL,
     added_at TEXT NOT NULL
   );
   CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL,
     declaration_id TEXT NOT NULL,
     line INTEGER,
     party_key TEXT,
     score REAL,
     lane TEXT,
     reasons TEXT NOT NULL,
     model TEXT,
     created_at TEXT NOT NULL,
     acknowledged_by TEXT,
     acknowledged_at TEXT
   );
   CREATE INDEX alerts_open ON alerts(id) WHERE acknowledged_at IS NULL;`,
  // Saved investigations: a named canvas (JSON) owned by one user, shared read-only with others.
  `CREATE TABLE investigations (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     owner TEXT NOT NULL REFERENCES users(username),
     canvas TEXT NOT NULL,
     node_count INTEGER NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX investigations_owner ON investigations(owner);
   CREATE TABLE investigation_shares (
     investigation_id TEXT NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
     username TEXT NOT NULL REFERENCES users(username),
     PRIMARY KEY (investigation_id, username)
   );
   CREATE INDEX investigation_shares_user ON investigation_shares(username);`,
];

export function openAppDb(path: string): AppDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  // Jobs cut short by a restart can never finish: say so instead of leaving them "running".
  db.prepare(
    `UPDATE jobs SET state = 'failed', error = ?, updated_at = ? WHERE state IN ('queued', 'running')`,
  ).run(
    JSON.stringify({ message: 'the server stopped before the job finished; start it again' }),
    new Date().toISOString(),
  );
  return db;
}
