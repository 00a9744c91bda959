// Sign-in, sessions, cookies, logout, password change, the login rate limit and CSRF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedInAnswer } from '../../src/api/users.ts';
import { Sessions } from '../../server/auth/sessions.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { passwordOf, startHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);

describe('login and sessions', () => {
  it('signs in, sets an HttpOnly SameSite=Strict cookie and answers /me', async () => {
    const agent = h.agent();
    const res = await agent
      .post('/api/auth/login')
      .send({ username: 'investigator', password: 'password-for-investigator' });
    expect(res.status).toBe(200);
    expect(bodyOf(SignedInAnswer, res).user).toMatchObject({
      username: 'investigator',
      role: 'investigator',
    });
    const [cookie] = cookieOf(res);
    expect(cookie).toMatch(/^ringscope_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(bodyOf(SignedInAnswer, me).user.role).toBe('investigator');
  });

  it('uses a Secure __Host- cookie when cookies are always secure', async () => {
    const secure = await startHarness({ config: { cookieSecure: 'always' }, fixture: false });
    try {
      const res = await secure
        .agent()
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'password-for-admin' });
      const [cookie] = cookieOf(res);
      expect(cookie).toMatch(/^__Host-ringscope_session=.*; Path=\/;.*Secure/);
      expect(cookie).not.toMatch(/Domain=/);
    } finally {
      await secure.close();
    }
  });

  it('issues a new session id at every login', async () => {
    const agent = h.agent();
    const a = cookieOf(
      await agent.post('/api/auth/login').send({ username: 'admin', password: 'password-for-admin' }),
    )[0];
    const b = cookieOf(
      await agent.post('/api/auth/login').send({ username: 'admin', password: 'password-for-admin' }),
    )[0];
    expect(a?.split(';')[0]).not.toBe(b?.split(';')[0]);
  });

  it('refuses a wrong password with 401 and audits the failure', async () => {
    const before = h.services.audit.list({ limit: 1000, action: 'login_failed' }).length;
    const res = await h
      .agent()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'nope-nope-nope' });
    expect(res.status).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'invalid_credentials' });
    expect(errorOf(res).requestId).toBe(res.headers['x-request-id']);
    expect(h.services.audit.list({ limit: 1000, action: 'login_failed' })).toHaveLength(before + 1);
  });

  it('answers 401 without a session and after logout the old cookie is dead on the server', async () => {
    expect((await h.agent().get('/api/stats')).status).toBe(401);
    const agent = h.agent();
    const login = await agent
      .post('/api/auth/login')
      .send({ username: 'enforcement', password: 'password-for-enforcement' });
    const raw = cookieOf(login)[0]?.split(';')[0] ?? '';
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    // Replaying the old cookie by hand must not work: the session is gone server-side.
    const replay = await h.agent().get('/api/auth/me').set('Cookie', raw);
    expect(replay.status).toBe(401);
  });

  it('ends idle and too-old sessions', () => {
    let now = 1_000_000;
    const sessions = new Sessions(h.appDb, { idleMs: 1000, absoluteMs: 5000 }, () => now);
    const idle = sessions.create('admin');
    now += 1001;
    expect(sessions.resolve(idle)).toBeNull();
    const old = sessions.create('admin');
    for (let i = 0; i < 6; i++) {
      now += 900;
      sessions.resolve(old);
    }
    expect(sessions.resolve(old)).toBeNull();
    const fresh = sessions.create('admin');
    now += 500;
    expect(sessions.resolve(fresh)).toBe('admin');
  });

  it('rejects unknown keys and bad types in the login body', async () => {
    const res = await h
      .agent()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(errorOf(res).issues?.[0]?.path).toBe('body');
  });

  it('changes a password, ending the old sessions', async () => {
    await h.services.users.add({ username: 'temp', role: 'investigator', password: 'first-password-1' });
    const other = h.agent();
    await other.post('/api/auth/login').send({ username: 'temp', password: 'first-password-1' });
    const agent = h.agent();
    await agent.post('/api/auth/login').send({ username: 'temp', password: 'first-password-1' });
    const short = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'first-password-1', newPassword: 'short' });
    expect(short.status).toBe(400);
    const ok = await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'first-password-1', newPassword: 'second-password-2' });
    expect(ok.status).toBe(200);
    expect((await agent.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
  });

  it('holds a user who must change their password to the password route', async () => {
    await h.services.users.add({
      username: 'fresh',
      role: 'admin',
      password: 'one-time-token-1',
      mustChangePassword: true,
    });
    const agent = h.agent();
    await agent.post('/api/auth/login').send({ username: 'fresh', password: 'one-time-token-1' });
    const blocked = await agent.get('/api/stats');
    expect(blocked.status).toBe(403);
    expect(errorOf(blocked).code).toBe('password_change_required');
    await agent
      .post('/api/auth/password')
      .send({ currentPassword: 'one-time-token-1', newPassword: 'my-own-password-9' });
    expect((await agent.get('/api/stats')).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    await h.services.users.add({ username: 'gone', role: 'admin', password: 'gone-password-1' });
    const agent = h.agent();
    await agent.post('/api/auth/login').send({ username: 'gone', password: 'gone-password-1' });
    h.services.users.update('gone', { disabled: true });
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    expect(
      (await h.agent().post('/api/auth/login').send({ username: 'gone', password: 'gone-password-1' }))
        .status,
    ).toBe(401);
  });
});

describe('login throttle', () => {
  /** A harness that takes the client address from X-Forwarded-For, so tests can play many clients. */
  const behindProxy = () => startHarness({ fixture: false, config: { trustProxy: 1 } });
  const login = (h: Harness, from: string, password: string, username = 'admin') =>
    h.agent().set('X-Forwarded-For', from).post('/api/auth/login').send({ username, password });

  it('answers the 6th failure of one (account, client) pair with 429 and Retry-After, even with the right password', async () => {
    const limited = await behindProxy();
    try {
      for (let i = 1; i <= 5; i++)
        expect((await login(limited, '198.51.100.7', `wrong-${i}`)).status).toBe(401);
      const sixth = await login(limited, '198.51.100.7', passwordOf('admin'));
      expect(sixth.status).toBe(429);
      expect(errorOf(sixth).code).toBe('too_many_attempts');
      const retryAfter = Number(sixth.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    } finally {
      await limited.close();
    }
  });

  it('does not let failures from other addresses lock the account for its user', async () => {
    const limited = await behindProxy();
    try {
      // An attacker fails five times from five addresses, then goes on from the first one.
      for (let i = 1; i <= 5; i++)
        expect((await login(limited, `203.0.113.${i}`, `wrong-${i}`)).status).toBe(401);
      for (let i = 6; i <= 9; i++)
        expect((await login(limited, '203.0.113.1', `wrong-${i}`)).status).toBe(401);
      expect((await login(limited, '203.0.113.1', 'wrong-10')).status).toBe(429);
      // The real user, from an address that has not been failing, still signs in.
      expect((await login(limited, '192.0.2.10', passwordOf('admin'))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('answers all of eight simultaneous correct sign-ins of one user with 200', async () => {
    const limited = await startHarness({ fixture: false });
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          limited
            .agent()
            .post('/api/auth/login')
            .send({ username: 'admin', password: passwordOf('admin') }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
      // Nor are sequential ones counted.
      for (let i = 0; i < 8; i++)
        expect((await login(limited, '127.0.0.1', passwordOf('admin'))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('caps one address’s failures across accounts (password spraying)', async () => {
    const limited = await startHarness({
      fixture: false,
      config: { trustProxy: 1, loginMaxClientFailures: 6 },
    });
    try {
      const accounts = ['admin', 'investigator', 'case-officer', 'enforcement', 'nobody-1', 'nobody-2'];
      for (const username of accounts)
        expect((await login(limited, '198.51.100.99', 'spring-2026!', username)).status).toBe(401);
      const next = await login(limited, '198.51.100.99', passwordOf('investigator'), 'investigator');
      expect(next.status).toBe(429);
      expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
      // Other addresses are not affected.
      expect(
        (await login(limited, '198.51.100.100', passwordOf('investigator'), 'investigator')).status,
      ).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('CSRF and content types on writes', () => {
  it('refuses a cross-site write even with a valid session', async () => {
    const agent = await h.as('case_officer');
    const res = await agent.post('/api/cases').set('Origin', 'https://evil.example').send({ title: 'x' });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('cross_site');
    const site = await agent
      .post('/api/cases')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Origin', 'https://evil.example')
      .send({ title: 'x' });
    expect(site.status).toBe(403);
  });

  it('refuses a write with neither Origin nor Sec-Fetch-Site', async () => {
    const res = await (
      await import('supertest')
    )
      .default(h.server)
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'password-for-admin' });
    expect(res.status).toBe(403);
  });

  it('accepts Sec-Fetch-Site: same-origin without Origin', async () => {
    const res = await (
      await import('supertest')
    )
      .default(h.server)
      .post('/api/auth/login')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ username: 'admin', password: 'password-for-admin' });
    expect(res.status).toBe(200);
  });

  it('refuses form-encoded and text bodies with 415', async () => {
    const res = await h
      .agent()
      .post('/api/auth/login')
      .type('form')
      .send('username=admin&password=password-for-admin');
    expect(res.status).toBe(415);
    const text = await h
      .agent()
      .post('/api/auth/login')
      .set('Content-Type', 'text/plain')
      .send('{"username":"admin"}');
    expect(text.status).toBe(415);
  });

  it('answers 413 to a body over the limit and 400 to broken JSON', async () => {
    const big = await h
      .agent()
      .post('/api/auth/login')
      .send({ username: 'admin', password: 'x'.repeat(200 * 1024) });
    expect(big.status).toBe(413);
    const broken = await h
      .agent()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":');
    expect(broken.status).toBe(400);
    expect(errorOf(broken).code).toBe('invalid_json');
  });
});

describe('headers', () => {
  it('sends a strict CSP and no X-Powered-By', async () => {
    const res = await h.agent().get('/api/openapi.json');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
