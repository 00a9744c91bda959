// Statements prepared once per SQLite database, for the queries run on every request or lookup:
// preparing one costs about as much as running it. Used by the store's reads and by the server's
// app database.
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Statement>>();

/** The statement for this SQL on this database, prepared on first use. */
export function preparedOnce(db: Database.Database, sql: string): Statement {
  let bySql = statements.get(db);
  if (!bySql) statements.set(db, (bySql = new Map<string, Statement>()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = db.prepare(sql)));
  return statement;
}
