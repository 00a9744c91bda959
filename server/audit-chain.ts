// The audit chain's format: the fields an entry's hash covers, how the hash is made, and the
// walk `verify()` takes over the entries in seq order (links, keys and their hand-overs, anchors).
import { createHash } from 'node:crypto';
import { type AuditKey, type AuditKeyring, mac, sameMac } from './audit-keys.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  username: string | null;
  request_id: string | null;
  action: string;
  target: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

/** The fields of an entry its hash covers, as one string: the chain's published format. */
export function canonicalEntry(row: Omit<AuditRow, 'prev_hash' | 'hash' | 'key_id'>): string {
  return JSON.stringify([row.seq, row.at, row.username, row.request_id, row.action, row.target, row.detail]);
}

export function entryHash(
  key: AuditKey | null,
  prevHash: string,
  row: Omit<AuditRow, 'prev_hash' | 'hash' | 'key_id'>,
): string {
  const canonical = canonicalEntry(row);
  // Entries without a key are those of the chain before keys existed: plain SHA-256.
  if (!key) return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
  return mac(key, prevHash, canonical);
}

/** One pass over the chain in seq order; next() answers why a row breaks it, or null. */
export class ChainWalk {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private key: AuditKey | null = null;
  private handOverTo: string | null = null;

  constructor(
    private readonly keyring: AuditKeyring,
    private readonly anchors: ReadonlyMap<number, string>,
  ) {}

  next(row: AuditRow): string | null {
    if (row.seq !== this.expectedSeq) return `entry ${this.expectedSeq} is missing`;
    if (row.prev_hash !== this.prevHash) return 'its link to the previous entry does not match';
    const keyProblem = this.useKeyOf(row);
    if (keyProblem) return keyProblem;
    if (entryHash(this.key, this.prevHash, row) !== row.hash) return 'its content does not match its hash';
    const anchored = this.anchors.get(row.seq);
    if (anchored !== undefined && anchored !== row.hash)
      return `its hash is not the one recorded for it (${anchored.slice(0, 12)}…)`;
    this.handOverTo = row.action === 'audit_key_rotated' ? this.handOver(row) : null;
    this.prevHash = row.hash;
    this.expectedSeq++;
    return null;
  }

  /** The key that must have signed this row: the one before it, or the one handed over to. */
  private useKeyOf(row: AuditRow): string | null {
    if (row.key_id === null) {
      return this.key ? 'it carries no key, but the entries before it were signed with one' : null;
    }
    if (this.key?.id === row.key_id) return null;
    if (this.key && this.handOverTo !== row.key_id)
      return `it is signed with key ${row.key_id}, with no hand-over entry from key ${this.key.id} before it`;
    const key = this.keyring.byId(row.key_id);
    if (!key) return `it is signed with key ${row.key_id}, which is not in the audit keyring`;
    this.key = key;
    return null;
  }

  /** The key a hand-over entry names, when its proof was made with that key. */
  private handOver(row: AuditRow): string | null {
    const detail = JSON.parse(row.detail) as { from?: unknown; to?: unknown; proof?: unknown };
    if (typeof detail.to !== 'string' || typeof detail.proof !== 'string' || detail.from !== this.key?.id)
      return null;
    const next = this.keyring.byId(detail.to);
    const expected = next ? mac(next, 'ringscope-audit-handover', String(detail.from)) : '';
    return next && sameMac(expected, detail.proof) ? next.id : null;
  }
}
