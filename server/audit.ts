// The audit trail: append-only and hash-chained. Each entry's hash is the SHA-256 of the previous
// entry's hash and this entry's fields, so editing, deleting or reordering any entry breaks
// every hash after it. Appends are synchronous, so an entry is on disk before the response.
import { createHash } from 'node:crypto';
import type { AppDb } from './app-db.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_change'
  | 'view_node'
  | 'view_ring'
  | 'view_case'
  | 'write'
  | 'export'
  | 'ingest'
  | 'detect'
  | 'user_admin';

export interface AuditInput {
  action: AuditAction;
  username: string | null;
  requestId: string | null;
  /** What was acted on: a node key, ring id, case id, job id, route. */
  target: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  username: string | null;
  requestId: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  seq: number;
  at: string;
  username: string | null;
  request_id: string | null;
  action: string;
  target: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, with why. */
  firstBroken: { seq: number; reason: string } | null;
}

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.username, row.request_id, row.action, row.target, row.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export class AuditLog {
  constructor(private readonly db: AppDb) {}

  append(input: AuditInput): AuditEntry {
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const row = {
        seq: (last?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        username: input.username,
        request_id: input.requestId,
        action: input.action,
        target: input.target,
        detail: JSON.stringify(input.detail ?? {}),
      };
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = entryHash(prevHash, row);
      this.db
        .prepare('INSERT INTO audit (seq, at, username, request_id, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.seq, row.at, row.username, row.request_id, row.action, row.target, row.detail, prevHash, hash);
      return toEntry({ ...row, prev_hash: prevHash, hash });
    }).immediate();
  }

  /** Newest first. */
  list(options: { limit: number; beforeSeq?: number; action?: string; username?: string }): AuditEntry[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const filters: [string, string | number | undefined][] = [
      ['seq < ?', options.beforeSeq],
      ['action = ?', options.action],
      ['username = ?', options.username],
    ];
    for (const [clause, value] of filters) {
      if (value === undefined) continue;
      where.push(clause);
      params.push(value);
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, options.limit) as AuditRow[]).map(toEntry);
  }

  verify(): AuditVerification {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    for (const row of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      entries++;
      const broken = (reason: string): AuditVerification => ({ ok: false, entries, firstBroken: { seq: row.seq, reason } });
      if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken('its link to the previous entry does not match');
      if (entryHash(prevHash, row) !== row.hash) return broken('its content does not match its hash');
      prevHash = row.hash;
      expectedSeq++;
    }
    return { ok: true, entries, firstBroken: null };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    username: row.username,
    requestId: row.request_id,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
