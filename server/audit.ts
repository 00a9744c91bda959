// The audit trail: append-only and hash-chained. Each entry's hash is the SHA-256 of the previous
// entry's hash and this entry's fields, so editing, deleting or reordering any entry breaks
// every hash after it. Appends are synchronous, so an entry is on disk before the response.
// Entries removed from the end leave a shorter chain that is still whole: a head (seq and hash)
// recorded elsewhere (the server's log, a case pack's manifest, an auditor's notes) is an anchor
// that verify() checks, so a cut trail is told from a short one.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  AuditAnchor as ApiAuditAnchor,
  AuditEntry as ApiAuditEntry,
  AuditVerifyAnswer,
} from '../src/api/users.ts';
import { preparedOnce, type AppDb } from './app-db.ts';

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

export type AuditEntry = z.infer<typeof ApiAuditEntry>;

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

/** One entry's place and hash, recorded outside the app database. */
export type AuditAnchor = z.infer<typeof ApiAuditAnchor>;

/** `SEQ:HASH`, as `ringscope audit head` prints it. */
export const ANCHOR_PATTERN = /^([1-9][0-9]{0,15}):([0-9a-fA-F]{64})$/;

/** An anchor from its text; null when the text is not one. */
export function parseAnchor(text: string): AuditAnchor | null {
  const match = ANCHOR_PATTERN.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: (match[2] as string).toLowerCase() } : null;
}

export const formatAnchor = (anchor: AuditAnchor): string => `${anchor.seq}:${anchor.hash}`;

/** The first broken entry (`firstBroken`) is the first whose hash or link does not match, with why. */
export type AuditVerification = Omit<z.infer<typeof AuditVerifyAnswer>, 'head'>;

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.username,
    row.request_id,
    row.action,
    row.target,
    row.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export class AuditLog {
  /** `onAppend` sees each entry once written, e.g. to copy its head to a log kept elsewhere. */
  constructor(
    private readonly db: AppDb,
    private readonly onAppend: ((entry: AuditEntry) => void) | null = null,
  ) {}

  /** The newest entry's place and hash; null while the trail is empty. */
  head(): AuditAnchor | null {
    const last = preparedOnce(this.db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      AuditAnchor | undefined;
    return last ?? null;
  }

  append(input: AuditInput): AuditEntry {
    const entry = this.db
      .transaction(() => {
        const last = this.head();
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
        preparedOnce(
          this.db,
          'INSERT INTO audit (seq, at, username, request_id, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
          row.seq,
          row.at,
          row.username,
          row.request_id,
          row.action,
          row.target,
          row.detail,
          prevHash,
          hash,
        );
        return toEntry({ ...row, prev_hash: prevHash, hash });
      })
      .immediate();
    this.onAppend?.(entry);
    return entry;
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

  /** The chain's verification and its head, as the API answers it. */
  check(anchors: readonly AuditAnchor[] = []): z.infer<typeof AuditVerifyAnswer> {
    return { ...this.verify(anchors), head: this.head() };
  }

  /**
   * Walks the chain from the first entry; each anchor must name an entry of the chain with that
   * hash. The first problem found in seq order is reported.
   */
  verify(anchors: readonly AuditAnchor[] = []): AuditVerification {
    const expected = new Map(anchors.map((a) => [a.seq, a.hash]));
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    for (const row of this.db
      .prepare('SELECT * FROM audit ORDER BY seq')
      .iterate() as IterableIterator<AuditRow>) {
      entries++;
      const broken = (reason: string): AuditVerification => ({
        ok: false,
        entries,
        firstBroken: { seq: row.seq, reason },
      });
      if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken('its link to the previous entry does not match');
      if (entryHash(prevHash, row) !== row.hash) return broken('its content does not match its hash');
      const anchored = expected.get(row.seq);
      if (anchored !== undefined && anchored !== row.hash)
        return broken(`its hash is not the one recorded for it (${anchored.slice(0, 12)}…)`);
      prevHash = row.hash;
      expectedSeq++;
    }
    const beyond = Math.max(0, ...expected.keys());
    if (beyond > entries) {
      return {
        ok: false,
        entries,
        firstBroken: {
          seq: entries + 1,
          reason: `the trail ends at entry ${entries} but entry ${beyond} was recorded: entries were removed from the end`,
        },
      };
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
