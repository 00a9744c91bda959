// The audit trail: chained hashes, tamper detection (edit, delete, reorder), append-only
// triggers, the verify route and `ringscope audit verify`.
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditEntriesAnswer } from '../../src/api/users.ts';
import { openAppDb, type AppDb } from '../../server/app-db.ts';
import {
  type AuditRow,
  AuditLog,
  canonicalEntry,
  formatAnchor,
  GENESIS_HASH,
  parseAnchor,
} from '../../server/audit.ts';
import { AuditKeyring } from '../../server/audit-keys.ts';
import { capturedLog } from './support/captured-log.ts';
import { passwordOf, startHarness } from './support/harness.ts';

let dir: string;
let db: AppDb;
let audit: AuditLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringscope-audit-'));
  db = openAppDb(join(dir, 'ringscope-app.db'));
  audit = new AuditLog(db);
  for (let i = 1; i <= 5; i++)
    audit.append({
      action: 'view_node',
      username: 'investigator',
      requestId: `r${i}`,
      target: `Importer:IM-00${i}`,
    });
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What an attacker with file access does: drop the guards, then edit. */
function tamper(sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.prepare(sql).run(...params);
}

describe('hash chain', () => {
  it('links each entry to the previous one and verifies intact', () => {
    const entries = audit.list({ limit: 10 }).reverse();
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(audit.verify()).toEqual({ ok: true, entries: 5, firstBroken: null });
  });

  it('refuses updates and deletes through SQL', () => {
    expect(() => db.prepare("UPDATE audit SET username = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('names the first broken entry after an edit', () => {
    tamper("UPDATE audit SET target = 'Importer:IM-999' WHERE seq = 3");
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: expect.stringContaining('content') as unknown },
    });
  });

  it('detects an edit that recomputes that entry’s own hash (the next link breaks)', () => {
    const row = z
      .object({ hash: z.string() })
      .parse(db.prepare('SELECT hash FROM audit WHERE seq = 2').get());
    tamper(
      'UPDATE audit SET hash = ? WHERE seq = 2',
      row.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    expect(audit.verify().firstBroken?.seq).toBe(2);
  });

  it('detects a deleted entry', () => {
    tamper('DELETE FROM audit WHERE seq = 4');
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
  });

  it('finds entries cut from the end with no anchor given by hand (the anchor file has them)', () => {
    tamper('DELETE FROM audit WHERE seq >= 4');
    expect(audit.verify()).toMatchObject({
      ok: false,
      entries: 3,
      firstBroken: { seq: 4, reason: expect.stringContaining('removed from the end') as unknown },
    });
  });

  it('finds a reordered trail', () => {
    const rows = db.prepare('SELECT seq, target FROM audit WHERE seq IN (2, 3) ORDER BY seq').all() as {
      target: string;
    }[];
    tamper('UPDATE audit SET target = ? WHERE seq = 2', rows[1]?.target);
    db.prepare('UPDATE audit SET target = ? WHERE seq = 3').run(rows[0]?.target);
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it('finds a trail rewritten and chained again without the key', () => {
    // The attacker edits entry 3 and recomputes every hash after it the only way they can: without
    // the key (plain SHA-256, or an HMAC under a key of their own).
    tamper("UPDATE audit SET target = 'Importer:IM-999' WHERE seq = 3");
    const forger = AuditKeyring.inMemory().current;
    let prev = (db.prepare('SELECT hash FROM audit WHERE seq = 2').get() as { hash: string }).hash;
    for (const row of db.prepare('SELECT * FROM audit WHERE seq >= 3 ORDER BY seq').all() as AuditRow[]) {
      // The format is public; only the key is secret.
      const canonical = canonicalEntry(row);
      const hash = createHmac('sha256', forger.secret).update(`${prev}\n${canonical}`).digest('hex');
      db.prepare('UPDATE audit SET prev_hash = ?, hash = ?, key_id = ? WHERE seq = ?').run(
        prev,
        hash,
        forger.id,
        row.seq,
      );
      prev = hash;
    }
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: expect.stringContaining('no hand-over') as unknown },
    });
    // Writing the forger's key id as the real one only moves the failure to the hash itself.
    const realKey = (db.prepare('SELECT key_id FROM audit WHERE seq = 1').get() as { key_id: string }).key_id;
    db.prepare('UPDATE audit SET key_id = ? WHERE seq >= 3').run(realKey);
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: expect.stringContaining('does not match its hash') as unknown },
    });
  });

  it('finds an anchor file that was edited', () => {
    const file = `${db.name}.audit-anchors`;
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1) ?? '{}') as { seq: number };
    lines[lines.length - 1] = JSON.stringify({ ...last, seq: last.seq + 10 });
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 15, reason: expect.stringContaining('not genuine') as unknown },
    });
  });

  it('follows the chain across a key rotation, and keeps verifying after the database is reopened', () => {
    const handOver = audit.rotateKey({ username: 'admin', requestId: null });
    audit.append({ action: 'view_ring', username: 'investigator', requestId: 'r6', target: 'ring-1' });
    const keys = db.prepare('SELECT DISTINCT key_id FROM audit').all();
    expect(keys).toHaveLength(2);
    expect(handOver.detail).toMatchObject({
      from: expect.any(String) as unknown,
      to: expect.any(String) as unknown,
    });
    expect(audit.verify()).toEqual({ ok: true, entries: 7, firstBroken: null });
    db.close();
    db = openAppDb(join(dir, 'ringscope-app.db'));
    expect(new AuditLog(db).verify()).toEqual({ ok: true, entries: 7, firstBroken: null });
  });

  it('refuses a key change that has no hand-over entry', () => {
    audit.rotateKey({ username: 'admin', requestId: null });
    audit.append({ action: 'view_ring', username: 'investigator', requestId: 'r6', target: 'ring-1' });
    // Remove the hand-over entry's claim by rewriting its detail: its own hash then fails.
    tamper("UPDATE audit SET detail = '{}' WHERE seq = 6");
    expect(audit.verify().firstBroken?.seq).toBe(6);
  });

  it('keeps the key outside the database', () => {
    const keyring = readFileSync(`${db.name}.audit-keys`, 'utf8');
    const key = (JSON.parse(keyring.split('\n')[0] ?? '{}') as { key: string }).key;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(db.name).includes(Buffer.from(key))).toBe(false);
    expect(statSync(`${db.name}.audit-keys`).mode & 0o077).toBe(0);
  });

  it('names an anchored entry whose hash differs, and accepts anchors that match', () => {
    const third = audit.list({ limit: 1, beforeSeq: 4 })[0];
    expect(third?.seq).toBe(3);
    expect(
      audit.verify([
        { seq: 3, hash: third?.hash ?? '' },
        { seq: 5, hash: audit.head()?.hash ?? '' },
      ]).ok,
    ).toBe(true);
    expect(audit.verify([{ seq: 3, hash: 'f'.repeat(64) }])).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: expect.stringContaining('recorded') as unknown },
    });
  });

  it('reads anchors only as SEQ:HASH', () => {
    const hash = 'ab'.repeat(32);
    expect(parseAnchor(`12:${hash}`)).toEqual({ seq: 12, hash });
    expect(parseAnchor(formatAnchor({ seq: 7, hash }))).toEqual({ seq: 7, hash });
    for (const bad of [
      '',
      '12',
      `0:${hash}`,
      `-1:${hash}`,
      `12:${hash.slice(1)}`,
      `12:${hash}0`,
      `x:${hash}`,
      `12:${'g'.repeat(64)}`,
    ])
      expect(parseAnchor(bad), bad).toBeNull();
  });

  it('ringscope audit head prints SEQ:HASH and verify --anchor finds a cut trail (exit 1) or refuses a malformed anchor (exit 2)', () => {
    db.close();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/ringscope.js', '--db', join(dir, 'ringscope.db'), 'audit', ...args], {
        encoding: 'utf8',
        env: { ...process.env, RINGSCOPE_DB: '' },
      });
    const head = run('head');
    expect(head.status).toBe(0);
    const anchor = head.stdout.trim();
    expect(parseAnchor(anchor)?.seq).toBe(5);
    expect(run('verify', '--anchor', anchor).stdout).toContain('intact: 5 entries, 1 recorded entry found');
    db = openAppDb(join(dir, 'ringscope-app.db'));
    tamper('DELETE FROM audit WHERE seq = 5');
    db.close();
    // The anchor file beside the database finds the cut by itself; the one given by hand too.
    expect(run('verify').status).toBe(1);
    const cut = run('verify', '--anchor', anchor);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('broken at entry 5');
    expect(run('verify', '--anchor', '5:not-a-hash').status).toBe(2);
  });

  it('ringscope audit verify exits 0 when intact and 1 naming the entry when broken', () => {
    db.close();
    const run = () =>
      spawnSync(
        process.execPath,
        ['bin/ringscope.js', '--db', join(dir, 'ringscope.db'), 'audit', 'verify'],
        { encoding: 'utf8', env: { ...process.env, RINGSCOPE_DB: '' } },
      );
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('intact: 5 entries');
    db = openAppDb(join(dir, 'ringscope-app.db'));
    tamper("UPDATE audit SET username = 'admin' WHERE seq = 2");
    db.close();
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('broken at entry 2');
  });

  it('ringscope audit rotate-key hands the chain over to a new key that verify follows', () => {
    db.close();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/ringscope.js', '--db', join(dir, 'ringscope.db'), 'audit', ...args], {
        encoding: 'utf8',
        env: { ...process.env, RINGSCOPE_DB: '' },
      });
    const rotated = run('rotate-key');
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toMatch(/rotated at entry 6: [0-9a-f]{16} → [0-9a-f]{16}/);
    expect(run('verify').stdout).toContain('intact: 6 entries');
    db = openAppDb(join(dir, 'ringscope-app.db'));
    expect(readFileSync(`${db.name}.audit-keys`, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('group commit', () => {
  const anchorLines = (): number =>
    readFileSync(`${db.name}.audit-anchors`, 'utf8').trim().split('\n').length;
  const grouped = (i: number) =>
    audit.appendGrouped({ action: 'score', username: 'officer', requestId: `g${i}`, target: `D-${i}` });

  it('writes a burst of one turn in one group on the next turn: every entry, chained in order, one anchor', async () => {
    expect(anchorLines()).toBe(5);
    const burst = Array.from({ length: 20 }, (_, i) => grouped(i));
    expect(audit.head()?.seq).toBe(5);
    const entries = await Promise.all(burst);
    expect(entries.map((e) => [e.seq, e.requestId])).toEqual(
      Array.from({ length: 20 }, (_, i) => [6 + i, `g${i}`]),
    );
    const rows = db
      .prepare('SELECT seq, request_id, prev_hash, hash FROM audit WHERE seq > 5 ORDER BY seq')
      .all() as AuditRow[];
    expect(rows.map((r) => r.request_id)).toEqual(entries.map((e) => e.requestId));
    rows.forEach((r, i) =>
      expect(r.prev_hash).toBe(i === 0 ? audit.list({ limit: 1, beforeSeq: 6 })[0]?.hash : rows[i - 1]?.hash),
    );
    expect(anchorLines()).toBe(6);
    expect(audit.verify()).toEqual({ ok: true, entries: 25, firstBroken: null });
  });

  it('still finds entries cut from the end of a group', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => grouped(i)));
    tamper('DELETE FROM audit WHERE seq >= 12');
    expect(audit.verify()).toMatchObject({
      ok: false,
      firstBroken: { seq: 12, reason: expect.stringContaining('entry 15 was recorded') as unknown },
    });
  });

  it('writes the waiting entries before an entry appended at once, and on flush before the database closes', async () => {
    const waiting = [grouped(1), grouped(2), grouped(3)];
    expect(audit.append({ action: 'login', username: 'admin', requestId: 'now', target: null }).seq).toBe(9);
    expect((await Promise.all(waiting)).map((e) => e.seq)).toEqual([6, 7, 8]);
    const late = [grouped(4), grouped(5)];
    audit.flush();
    db.close();
    db = openAppDb(join(dir, 'ringscope-app.db'));
    expect((await Promise.all(late)).map((e) => e.seq)).toEqual([10, 11]);
    expect(new AuditLog(db).verify()).toEqual({ ok: true, entries: 11, firstBroken: null });
  });
});

describe('audit over HTTP', () => {
  it('copies each entry’s head to the log, kept apart from the app database', async () => {
    const { logger, lines } = capturedLog();
    const h = await startHarness({ fixture: false, logger });
    try {
      await h.agent().post('/api/auth/login').send({ username: 'admin', password: 'wrong-password' });
      const logged = lines
        .map((l) =>
          z
            .looseObject({
              msg: z.string(),
              audit: z.object({ seq: z.number(), hash: z.string(), action: z.string() }).optional(),
            })
            .parse(JSON.parse(l)),
        )
        .filter((l) => l.msg === 'audit');
      const head = h.services.audit.head();
      expect(logged.at(-1)?.audit).toEqual({ seq: head?.seq, hash: head?.hash, action: 'login_failed' });
      expect(lines.join('\n')).not.toContain('wrong-password');
    } finally {
      await h.close();
    }
  });

  it('records logins (failed too) and serves entries and verification to admins', async () => {
    const h = await startHarness({ fixture: false });
    try {
      const failed = await h
        .agent()
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'wrong-password' });
      expect(failed.status).toBe(401);
      const admin = h.agent();
      const signedIn = await admin
        .post('/api/auth/login')
        .send({ username: 'admin', password: passwordOf('admin') });
      expect(signedIn.status).toBe(200);
      const list = AuditEntriesAnswer.parse((await admin.get('/api/audit')).body);
      const [login, loginFailed] = list.entries;
      // Each entry names who, what, on what, from where, and the request that did it.
      const fromLoopback = expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/) as unknown;
      expect(login).toMatchObject({
        action: 'login',
        username: 'admin',
        target: 'admin',
        requestId: signedIn.headers['x-request-id'],
        detail: { ip: fromLoopback },
      });
      expect(loginFailed).toMatchObject({
        action: 'login_failed',
        username: null,
        target: 'admin',
        requestId: failed.headers['x-request-id'],
        detail: { ip: fromLoopback },
      });
      expect(login?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(login?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(login?.prevHash).toBe(loginFailed?.hash);
      const verify = await admin.get('/api/audit/verify');
      expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
      const head = z
        .object({ seq: z.number(), hash: z.string() })
        .parse((verify.body as { head: unknown }).head);
      expect(head.seq).toBeGreaterThanOrEqual(2);
      expect((await admin.get('/api/audit/verify').query({ anchor: formatAnchor(head) })).body).toMatchObject(
        { ok: true },
      );
      const ahead = await admin
        .get('/api/audit/verify')
        .query({ anchor: formatAnchor({ seq: 999, hash: head.hash }) });
      expect(ahead.body).toMatchObject({
        ok: false,
        firstBroken: { reason: expect.stringContaining('removed from the end') as unknown },
      });
      expect((await admin.get('/api/audit/verify').query({ anchor: 'nope' })).status).toBe(400);
      expect((await admin.get('/api/audit').query({ limit: 0 })).status).toBe(400);
    } finally {
      await h.close();
    }
  });
});
