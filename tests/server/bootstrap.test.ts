// Accounts at boot: no default password in production, demo accounts only in demo mode.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type AppDb } from '../../server/app-db.ts';
import { DEMO_ACCOUNTS, ensureAccounts } from '../../server/auth/bootstrap.ts';
import { Users } from '../../server/auth/users.ts';
import { testConfig } from '../../server/config.ts';

let db: AppDb;
let users: Users;
beforeEach(() => {
  db = openAppDb(':memory:');
  users = new Users(db);
});
afterEach(() => db.close());

describe('first admin', () => {
  it('in production without RINGSCOPE_ADMIN_*, creates admin with a random one-time password that must be changed', async () => {
    const first = await ensureAccounts(users, testConfig({ mode: 'production' }));
    const token = first.at(-1)?.trim().split(/\s+/)[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(20);
    expect(users.get('admin')).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(await users.authenticate('admin', token)).not.toBeNull();
    for (const demo of DEMO_ACCOUNTS)
      expect(await users.authenticate(demo.username, demo.password)).toBeNull();
    // A second boot does not mint another.
    expect(await ensureAccounts(users, testConfig({ mode: 'production' }))).toEqual([]);
    const other = openAppDb(':memory:');
    const second = (await ensureAccounts(new Users(other), testConfig({ mode: 'production' }))).at(-1);
    other.close();
    expect(second).not.toBe(first.at(-1));
  });

  it('takes the first admin from the environment', async () => {
    await ensureAccounts(
      users,
      testConfig({ mode: 'production', admin: { username: 'chief', password: 'a-long-secret-123' } }),
    );
    expect(users.list().map((u) => u.username)).toEqual(['chief']);
    expect(users.get('chief')?.mustChangePassword).toBe(false);
  });
});

describe('demo accounts', () => {
  it('exist in demo mode with their published passwords', async () => {
    const notices = await ensureAccounts(users, testConfig({ mode: 'demo' }));
    for (const demo of DEMO_ACCOUNTS) {
      expect((await users.authenticate(demo.username, demo.password))?.role).toBe(demo.role);
      expect(notices.join('\n')).toContain(demo.password);
    }
  });

  it('are disabled when the same data is served in production mode', async () => {
    await ensureAccounts(users, testConfig({ mode: 'demo' }));
    await users.setPassword('officer', 'a-real-password-now');
    await ensureAccounts(users, testConfig({ mode: 'production' }));
    expect(users.get('admin')?.disabled).toBe(true);
    expect(users.get('investigator')?.disabled).toBe(true);
    expect(users.get('officer')?.disabled).toBe(false);
  });
});
