// The audit trail: append-only and chained. Each entry's hash is an HMAC, under a key kept outside
// the app database (audit-keys.ts), of the previous entry's hash and this entry's fields, so
// editing, deleting or reordering any entry breaks every hash after it, and rewriting the chain
// takes the key. An entry is on disk before the response: routes append through
// `appendGrouped`, which writes the entries of one turn of the event loop in one transaction on
// the next turn and resolves each once written (group commit; `append` writes at once). The last
// entry of each write also goes, MAC'd, to an append-only anchor file beside the database, so
// entries cut from the end are found by `verify()` with no anchor given by hand; heads recorded
// elsewhere (the server's log, a case pack's manifest, an auditor's notes) can be given as well.
import type { z } from 'zod';
import type {
  AuditAnchor as ApiAuditAnchor,
  AuditEntry as ApiAuditEntry,
  AuditVerifyAnswer,
} from '../src/api/users.ts';
import { preparedOnce, type AppDb } from './app-db.ts';
import { ChainWalk, entryHash, GENESIS_HASH, type AuditRow } from './audit-chain.ts';
import {
  AnchorFile,
  type AuditKey,
  AuditKeyring,
  anchorMac,
  auditFilesFor,
  mac,
  sameMac,
} from './audit-keys.ts';

export { canonicalEntry, GENESIS_HASH, type AuditRow } from './audit-chain.ts';

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_change'
  | 'view_node'
  | 'view_neighbourhood'
  | 'view_paths'
  | 'view_trade_links'
  | 'view_routes'
  | 'search'
  | 'view_ring'
  | 'view_targets'
  | 'view_leads'
  | 'view_cases'
  | 'view_case'
  | 'view_audit'
  | 'denied'
  | 'write'
  | 'export'
  | 'ingest'
  | 'detect'
  | 'resolve'
  | 'view_resolve_candidates'
  | 'resolve_review'
  | 'user_admin'
  | 'audit_key_rotated'
  | 'score'
  | 'inspection'
  | 'view_inspections'
  | 'watch_list'
  | 'view_watch_list'
  | 'view_alerts'
  | 'acknowledge_alert'
  | 'view_live'
  | 'view_investigations'
  | 'view_investigation'
  | 'risk_model_reload'
  | 'share_export'
  | 'share_import';

export interface AuditInput {
  action: AuditAction;
  username: string | null;
  requestId: string | null;
  /** What was acted on: a node key, ring id, case id, job id, route. */
  target: string | null;
  detail?: Record<string, unknown>;
}

export type AuditEntry = z.infer<typeof ApiAuditEntry>;

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

export interface AuditSecurity {
  keyring: AuditKeyring;
  /** Null: no anchor file (an in-memory database). */
  anchors: AnchorFile | null;
}

/** The keyring and anchor file beside a database file, or in memory for ':memory:'. */
export function auditSecurityFor(db: AppDb): AuditSecurity {
  if (db.memory) return { keyring: AuditKeyring.inMemory(), anchors: null };
  const files = auditFilesFor(db.name);
  return { keyring: AuditKeyring.open(files.keyring), anchors: new AnchorFile(files.anchors) };
}

/** An entry waiting for its group, with the time it was appended. */
interface Queued {
  input: AuditInput;
  at: string;
  resolve?: (entry: AuditEntry) => void;
  reject?: (error: unknown) => void;
}

export class AuditLog {
  private readonly pending: Required<Queued>[] = [];

  /** `onAppend` sees each entry once written, e.g. to copy its head to a log kept elsewhere. */
  constructor(
    private readonly db: AppDb,
    private readonly onAppend: ((entry: AuditEntry) => void) | null = null,
    private readonly security: AuditSecurity = auditSecurityFor(db),
  ) {}

  /** The newest entry's place and hash; null while the trail is empty. */
  head(): AuditAnchor | null {
    const last = preparedOnce(this.db, 'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
      AuditAnchor | undefined;
    return last ?? null;
  }

  /** Writes the entry now, after any entries still waiting for their group (appendGrouped). */
  append(input: AuditInput): AuditEntry {
    this.flush();
    return this.write([{ input, at: new Date().toISOString() }], this.security.keyring.current)[0]!;
  }

  /**
   * Queues the entry with the others appended in the same turn of the event loop; on the next
   * turn they are written in one transaction, in the order they came, with one anchor (the
   * group's last entry). Resolves once the entry is written: a route sends its answer after.
   */
  appendGrouped(input: AuditInput): Promise<AuditEntry> {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, at: new Date().toISOString(), resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Writes the entries waiting for their group now (before the database closes, say). */
  flush(): void {
    if (this.pending.length === 0) return;
    const group = this.pending.splice(0);
    let entries: AuditEntry[];
    try {
      entries = this.write(group, this.security.keyring.current);
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(entries[i]!));
  }

  /**
   * Starts signing with a new key. The hand-over entry is signed with the old key and names the
   * new one, with a proof made with the new key, so verify() follows the chain across the change.
   */
  rotateKey(by: { username: string | null; requestId: string | null }): AuditEntry {
    this.flush();
    const old = this.security.keyring.current;
    const next = this.security.keyring.addKey();
    const input: AuditInput = {
      action: 'audit_key_rotated',
      username: by.username,
      requestId: by.requestId,
      target: null,
      detail: { from: old.id, to: next.id, proof: mac(next, 'ringscope-audit-handover', old.id) },
    };
    return this.write([{ input, at: new Date().toISOString() }], old)[0]!;
  }

  /** Chains and inserts the entries in one transaction, then anchors the last of them. */
  private write(group: readonly Queued[], key: AuditKey): AuditEntry[] {
    const insert = preparedOnce(
      this.db,
      'INSERT INTO audit (seq, at, username, request_id, action, target, detail, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const entries = this.db
      .transaction(() => {
        const last = this.head();
        let seq = last?.seq ?? 0;
        let prevHash = last?.hash ?? GENESIS_HASH;
        return group.map(({ input, at }) => {
          const row = {
            seq: ++seq,
            at,
            username: input.username,
            request_id: input.requestId,
            action: input.action,
            target: input.target,
            detail: JSON.stringify(input.detail ?? {}),
          };
          const hash = entryHash(key, prevHash, row);
          insert.run(
            row.seq,
            row.at,
            row.username,
            row.request_id,
            row.action,
            row.target,
            row.detail,
            prevHash,
            hash,
            key.id,
          );
          const entry = toEntry({ ...row, prev_hash: prevHash, hash, key_id: key.id });
          prevHash = hash;
          return entry;
        });
      })
      .immediate();
    const newest = entries[entries.length - 1];
    if (newest) this.security.anchors?.append(key, newest.seq, newest.hash);
    if (this.onAppend) for (const entry of entries) this.onAppend(entry);
    return entries;
  }

  /** Newest first. */
  list(options: {
    limit: number;
    beforeSeq?: number;
    action?: string;
    username?: string;
    /** ISO instants, inclusive: `at >= from`, `at <= to` (a date alone means its whole day). */
    from?: string;
    to?: string;
  }): AuditEntry[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const filters: [string, string | number | undefined][] = [
      ['seq < ?', options.beforeSeq],
      ['action = ?', options.action],
      ['username = ?', options.username],
      ['at >= ?', options.from],
      ['at <= ?', options.to],
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
   * Walks the chain from the first entry; each anchor, from the anchor file and given by hand,
   * must name an entry of the chain with that hash. The first problem found in seq order is
   * reported.
   */
  verify(byHand: readonly AuditAnchor[] = []): AuditVerification {
    const anchors = this.readAnchors(byHand);
    if ('firstBroken' in anchors) return anchors;
    const walk = new ChainWalk(this.security.keyring, anchors);
    let entries = 0;
    for (const row of this.db
      .prepare('SELECT * FROM audit ORDER BY seq')
      .iterate() as IterableIterator<AuditRow>) {
      entries++;
      const reason = walk.next(row);
      if (reason) return { ok: false, entries, firstBroken: { seq: row.seq, reason } };
    }
    const beyond = Math.max(0, ...anchors.keys());
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

  /** seq → hash from the anchor file (each MAC checked) and the anchors given by hand. */
  private readAnchors(byHand: readonly AuditAnchor[]): Map<number, string> | AuditVerification {
    const anchors = new Map<number, string>();
    const refuse = (seq: number, reason: string): AuditVerification => ({
      ok: false,
      entries: 0,
      firstBroken: { seq, reason },
    });
    const file = this.security.anchors;
    for (const record of file?.read() ?? []) {
      if ('badLine' in record)
        return refuse(0, `anchor file ${file?.path}, line ${record.badLine}: not an anchor`);
      const key = this.security.keyring.byId(record.keyId);
      if (!key || !sameMac(anchorMac(key, record.seq, record.hash, record.at), record.mac))
        return refuse(record.seq, `the anchor of entry ${record.seq} in ${file?.path} is not genuine`);
      anchors.set(record.seq, record.hash);
    }
    for (const anchor of byHand) {
      const known = anchors.get(anchor.seq);
      if (known !== undefined && known !== anchor.hash)
        return refuse(
          anchor.seq,
          `the anchor given for entry ${anchor.seq} differs from the one recorded in the anchor file`,
        );
      anchors.set(anchor.seq, anchor.hash);
    }
    return anchors;
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
