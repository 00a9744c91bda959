// What the `ringscope share` commands have in common: the key agreed with the partner, the
// signing key pair beside the store, the audit entry of a package sent or received, and dates.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { openAppDb } from '../../../server/app-db.ts';
import { AuditLog, type AuditInput } from '../../../server/audit.ts';
import { loadConfig } from '../../../server/config.ts';
import { Cases } from '../../../server/services/cases.ts';
import { parseNodeKey } from '../../model/index.ts';
import type { Selection } from '../../share/index.ts';
import { InputError } from '../../ingest/errors.ts';
import { agreedKey } from '../../share/encode.ts';
import { loadSigningKey, signingKeyFileBeside } from '../../share/signing.ts';
import { serverEnv } from './serve.ts';
import { globalOptions } from './store-options.ts';

/** The key agreed with the partner: --key-file, else RINGSCOPE_SHARE_KEY. */
export function agreedKeyFrom(keyFile: string | undefined): Buffer {
  if (keyFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(keyFile, 'utf8');
    } catch {
      throw new InputError(`--key-file ${keyFile} cannot be read`, []);
    }
    const mode = statSync(keyFile).mode & 0o777;
    if ((mode & 0o077) !== 0)
      throw new InputError(
        `--key-file ${keyFile} may be read by other users (mode ${mode.toString(8)}); run \`chmod 600 ${keyFile}\``,
        [],
      );
    return agreedKey(text, `--key-file ${keyFile}`);
  }
  const env = process.env.RINGSCOPE_SHARE_KEY;
  if (env === undefined || env.trim() === '')
    throw new InputError('no agreed key: give --key-file FILE or set RINGSCOPE_SHARE_KEY', []);
  return agreedKey(env, 'RINGSCOPE_SHARE_KEY');
}

/** The signing key pair: --signing-key FILE, else beside the store (created on first use). */
export function signingKeyFor(command: Command, file: string | undefined) {
  if (file !== undefined) return loadSigningKey(file, false);
  const beside = signingKeyFileBeside(globalOptions(command).db);
  mkdirSync(dirname(beside), { recursive: true });
  return loadSigningKey(beside, true);
}

/** Appends one entry to the app database's audit trail beside the store. */
export function auditShare(command: Command, entry: Omit<AuditInput, 'username' | 'requestId'>): void {
  const db = openAppDb(loadConfig(serverEnv(command)).appDb);
  try {
    new AuditLog(db).append({
      ...entry,
      username: null,
      requestId: null,
      detail: { via: 'cli', osUser: userInfo().username, ...entry.detail },
    });
  } finally {
    db.close();
  }
}

/**
 * A case's entities (and pinned rings) as the selection, read from the app database beside the
 * store. The CLI is run by whoever holds the store, so no case access check applies.
 */
export function caseSelection(command: Command, caseId: string): Selection {
  const db = openAppDb(loadConfig(serverEnv(command)).appDb);
  try {
    const cases = new Cases(db);
    if (!cases.find(caseId)) throw new InputError(`--case ${caseId}: no such case in the app database`, []);
    const members = cases.entityKeys(caseId).map(parseNodeKey);
    if (members.length === 0) throw new InputError(`--case ${caseId}: the case has no entities to share`, []);
    return { members, rings: cases.ringIds(caseId), text: 'case' };
  } finally {
    db.close();
  }
}

/** When a package with this id was last received (a replay), from the audit trail; else null. */
export function receivedBefore(command: Command, packageId: string): string | null {
  const db = openAppDb(loadConfig(serverEnv(command)).appDb);
  try {
    const entries = new AuditLog(db).list({ limit: 1000, action: 'share_import' });
    return entries.find((e) => e.target === packageId)?.at ?? null;
  } finally {
    db.close();
  }
}

/** A date (the package is valid through that day, UTC) or a date and time. */
export function parseExpiry(text: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const at = Date.parse(dateOnly ? `${text}T23:59:59.999Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || !Number.isFinite(at))
    throw new InputError(
      `--expires ${JSON.stringify(text)} is not a date (YYYY-MM-DD or an ISO date and time)`,
      [],
    );
  return new Date(at);
}
