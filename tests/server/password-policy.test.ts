// The password policy (OWASP ASVS 5.0, 6.2): each rule on its own, then where a person chooses a
// password: their own change (a forced one too), an admin's create and reset, the CLI and the
// first admin from the environment. Passwords made by code (demo accounts, one-time passwords)
// only need the length.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDb } from '../../server/app-db.ts';
import { DEMO_ACCOUNTS, ensureAccounts } from '../../server/auth/bootstrap.ts';
import { passwordProblem } from '../../server/auth/password-policy.ts';
import { Users } from '../../server/auth/users.ts';
import { testConfig } from '../../server/config.ts';
import { errorOf } from './support/body.ts';
import { startHarness, type Harness } from './support/harness.ts';

const ruleOf = (password: string, username = 'jan.devries') =>
  passwordProblem(password, { username })?.rule ?? null;

describe('password rules', () => {
  it('refuses one character or a short pattern repeated, or almost no different characters', () => {
    for (const p of [
      ' '.repeat(12),
      'a'.repeat(12),
      'abcabcabcabc',
      'qwertyqwerty',
      '121212121212',
      'aaaaaaaaaaab',
    ])
      expect(ruleOf(p), JSON.stringify(p)).toBe('repeated');
  });

  it('refuses common and breached passwords, also with digits or symbols around them or in l33t', () => {
    for (const p of [
      'password1234',
      '123456789012',
      'Password2024!',
      'P@ssw0rd2024!',
      'iloveyou1234',
      '1qaz2wsx3edc',
    ])
      expect(ruleOf(p), p).toBe('common');
  });

  it('refuses the user name, in any case, also inside the password', () => {
    for (const p of ['jan.devries-2024', 'JAN.DEVRIES!!', 'my name is jandevries', 'j4n.d3vr1es-xyz'])
      expect(ruleOf(p), p).toBe('user_name');
    expect(ruleOf('ops-admin-2024', 'ops')).toBe('user_name');
  });

  it('refuses Ringscope’s own words (name, roles) with digits or symbols only', () => {
    for (const p of [
      'ringscope-admin',
      'RingScope_Investigator',
      'ringscope-officer',
      'investigator2026!',
      'r1ngsc0pe-enforcement',
    ])
      expect(ruleOf(p, 'someone'), p).toBe('context_words');
  });

  it('accepts long, unpredictable passwords and passphrases', () => {
    for (const p of [
      'correct horse battery staple',
      'my ringscope has twelve hops',
      'Tr0ub4dor&3xyz',
      'zq7-Vn2!pLx9',
    ])
      expect(ruleOf(p), p).toBeNull();
  });
});

describe('the API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ fixture: false });
  });
  afterAll(() => h.close());

  it('refuses a weak new password with 400 naming the rule and the field', async () => {
    await h.services.users.add({ username: 'mila', role: 'investigator', password: 'first-password-1' });
    const agent = h.agent();
    await agent.post('/api/auth/login').send({ username: 'mila', password: 'first-password-1' });
    const cases: [string, string][] = [
      [' '.repeat(12), 'password_repeated'],
      ['aaaaaaaaaaaa', 'password_repeated'],
      ['password1234', 'password_common'],
      ['ringscope-admin', 'password_context_words'],
      ['mila-is-my-name', 'password_user_name'],
      ['first-password-1', 'password_previous'],
    ];
    for (const [newPassword, code] of cases) {
      const res = await agent
        .post('/api/auth/password')
        .send({ currentPassword: 'first-password-1', newPassword });
      expect(res.status, newPassword).toBe(400);
      expect(errorOf(res).code, newPassword).toBe(code);
      expect(errorOf(res).issues?.[0]?.path).toBe('body.newPassword');
    }
    // Still the old password, still signed in.
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    const short = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'first-password-1', newPassword: 'short' });
    expect(errorOf(short).issues?.[0]).toMatchObject({
      path: 'body.newPassword',
      message: 'at least 12 characters',
    });
  });

  it('refuses the same password on the forced change of a one-time password', async () => {
    await h.services.users.add({
      username: 'new-hire',
      role: 'investigator',
      password: 'Kx8-one-time-4Lq',
      mustChangePassword: true,
    });
    const agent = h.agent();
    await agent.post('/api/auth/login').send({ username: 'new-hire', password: 'Kx8-one-time-4Lq' });
    const same = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'Kx8-one-time-4Lq', newPassword: 'Kx8-one-time-4Lq' });
    expect(same.status).toBe(400);
    expect(errorOf(same).code).toBe('password_previous');
    expect((await agent.get('/api/auth/me')).body).toMatchObject({ user: { mustChangePassword: true } });
    const own = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'Kx8-one-time-4Lq', newPassword: 'walnut lantern fjord 88' });
    expect(own.status).toBe(200);
  });

  it('holds an admin’s create and reset to the policy, leaving the account as it was', async () => {
    const admin = await h.as('admin');
    const create = await admin
      .post('/api/users')
      .send({ username: 'kees', role: 'investigator', password: 'kees-kees-2024' });
    expect(create.status).toBe(400);
    expect(errorOf(create)).toMatchObject({
      code: 'password_user_name',
      issues: [{ path: 'body.password' }],
    });
    expect(h.services.users.get('kees')).toBeNull();
    await h.services.users.add({ username: 'lotte', role: 'investigator', password: 'lotte-first-pw-1' });
    const reset = await admin
      .patch('/api/users/lotte')
      .send({ role: 'enforcement', password: 'qwerty123456' });
    expect(reset.status).toBe(400);
    expect(errorOf(reset)).toMatchObject({ code: 'password_common', issues: [{ path: 'body.password' }] });
    expect(h.services.users.get('lotte')?.role).toBe('investigator');
  });
});

describe('accounts made by code and the first admin', () => {
  it('keeps the demo accounts’ published passwords in demo mode', async () => {
    const db = openAppDb(':memory:');
    try {
      const users = new Users(db);
      await ensureAccounts(users, testConfig({ mode: 'demo' }));
      for (const demo of DEMO_ACCOUNTS)
        expect(await users.authenticate(demo.username, demo.password)).not.toBeNull();
    } finally {
      db.close();
    }
  });

  it('refuses a weak RINGSCOPE_ADMIN_PASSWORD, naming the variable and the rule', async () => {
    const db = openAppDb(':memory:');
    try {
      const config = testConfig({
        mode: 'production',
        admin: { username: 'chief', password: 'password1234' },
      });
      await expect(ensureAccounts(new Users(db), config)).rejects.toThrow(
        /RINGSCOPE_ADMIN_PASSWORD is refused \(common\)/,
      );
    } finally {
      db.close();
    }
  });
});

describe('the CLI', () => {
  const bin = new URL('../../bin/ringscope.js', import.meta.url).pathname;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringscope-user-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, ['--max-semi-space-size=64', bin, ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, RINGSCOPE_DB: join(dir, 'graph.db'), RINGSCOPE_APP_DB: join(dir, 'app.db') },
    });

  it('refuses a weak password with exit 2 naming the rule, and takes a good one', () => {
    const weak = run(
      ['user', 'add', 'sanne', '--role', 'investigator', '--password-stdin'],
      'ringscope-admin\n',
    );
    expect(weak.stderr).toContain('password refused (context_words)');
    expect(weak.status).toBe(2);
    const good = run(
      ['user', 'add', 'sanne', '--role', 'investigator', '--password-stdin'],
      'walnut lantern fjord 88\n',
    );
    expect(good.status, good.stderr).toBe(0);
    const same = run(['user', 'passwd', 'sanne', '--password-stdin'], 'walnut lantern fjord 88\n');
    expect(same.stderr).toContain('password refused (previous)');
    expect(same.status).toBe(2);
  }, 60_000);
});
