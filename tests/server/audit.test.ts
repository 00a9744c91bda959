// The audit trail: chained hashes, tamper detection (edit, delete, reorder), append-only
// triggers, the verify route and `ringscope audit verify`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openAppDb, type AppDb } from '../../server/app-db.ts';
import { AuditLog, GENESIS_HASH } from '../../server/audit.ts';
import { startHarness } from './support/harness.ts';

let dir: string;
let db: AppDb;
let audit: AuditLog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringscope-audit-'));
  db = openAppDb(join(dir, 'ringscope-app.db'));
  audit = new AuditLog(db);
  for (let i = 1; i <= 5; i++) audit.append({ action: 'view_node', username: 'investigator', requestId: `r${i}`, target: `Importer:IM-00${i}` });
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
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: expect.stringContaining('content') as unknown } });
  });

  it('detects an edit that recomputes that entry’s own hash (the next link breaks)', () => {
    const row = z.object({ hash: z.string() }).parse(db.prepare('SELECT hash FROM audit WHERE seq = 2').get());
    tamper("UPDATE audit SET hash = ? WHERE seq = 2", row.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')));
    expect(audit.verify().firstBroken?.seq).toBe(2);
  });

  it('detects a deleted entry', () => {
    tamper('DELETE FROM audit WHERE seq = 4');
    expect(audit.verify()).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
  });

  it('ringscope audit verify exits 0 when intact and 1 naming the entry when broken', () => {
    db.close();
    const run = () =>
      spawnSync(process.execPath, ['bin/ringscope.js', '--db', join(dir, 'ringscope.db'), 'audit', 'verify'], { encoding: 'utf8', env: { ...process.env, RINGSCOPE_DB: '' } });
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
});

describe('audit over HTTP', () => {
  it('records logins (failed too) and serves entries and verification to admins', async () => {
    const h = await startHarness({ fixture: false });
    try {
      await h.agent().post('/api/auth/login').send({ username: 'admin', password: 'wrong-password' });
      const admin = await h.as('admin');
      const list = z.object({ entries: z.array(z.object({ action: z.string(), requestId: z.string().nullable(), at: z.string() })) }).parse((await admin.get('/api/audit')).body);
      expect(list.entries.map((e) => e.action).slice(0, 2)).toEqual(['login', 'login_failed']);
      expect(list.entries[0]?.at).toMatch(/Z$/);
      expect(list.entries[0]?.requestId).toBeTruthy();
      const verify = await admin.get('/api/audit/verify');
      expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
      expect((await admin.get('/api/audit').query({ limit: 0 })).status).toBe(400);
    } finally {
      await h.close();
    }
  });
});
