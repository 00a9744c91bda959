// DNS rebinding: the server answers only to its configured host names (RINGSCOPE_ALLOWED_HOSTS,
// loopback and the listen address by default), before any route, login included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../../server/config.ts';
import { errorOf } from './support/body.ts';
import { passwordOf, startHarness, type Harness } from './support/harness.ts';

const ATTACKER = 'rebind.attacker.example';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const port = () => new URL(h.origin).port;

describe('Host check', () => {
  it('refuses a rebound host name at login with 421, even with a matching Origin', async () => {
    const res = await h
      .agent()
      .set('Host', `${ATTACKER}:${port()}`)
      .set('Origin', `http://${ATTACKER}:${port()}`)
      .post('/api/auth/login')
      .send({ username: 'admin', password: passwordOf('admin') });
    expect(res.status).toBe(421);
    expect(errorOf(res).code).toBe('unknown_host');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a rebound host name on reads, even with a valid session', async () => {
    const agent = await h.as('investigator');
    expect((await agent.get('/api/rings')).status).toBe(200);
    const res = await agent
      .get('/api/rings')
      .set('Host', `${ATTACKER}:${port()}`)
      .set('Origin', `http://${ATTACKER}:${port()}`);
    expect(res.status).toBe(421);
    expect(errorOf(res).code).toBe('unknown_host');
    // Nor is a request without a Host header answered (Host: with no value).
    expect((await agent.get('/api/rings').set('Host', '')).status).toBe(421);
  });

  it('answers the loopback names on any port', async () => {
    for (const host of ['localhost', `localhost:${port()}`, '127.0.0.1:1', `[::1]:${port()}`, 'LOCALHOST.']) {
      const res = await h.agent().get('/api/openapi.json').set('Host', host);
      expect(res.status, host).toBe(200);
    }
  });

  it('answers a configured host name', async () => {
    const named = await startHarness({
      fixture: false,
      config: { allowedHosts: [...testConfig().allowedHosts, 'ringscope.example.org'] },
    });
    try {
      const agent = named.agent().set('Host', 'ringscope.example.org:8443');
      const login = await agent
        .set('Origin', 'http://ringscope.example.org:8443')
        .post('/api/auth/login')
        .send({ username: 'admin', password: passwordOf('admin') });
      expect(login.status).toBe(200);
      expect((await agent.get('/api/rings')).status).toBe(200);
      expect((await named.agent().get('/api/rings').set('Host', ATTACKER)).status).toBe(421);
    } finally {
      await named.close();
    }
  });
});

describe('RINGSCOPE_ALLOWED_HOSTS', () => {
  it('defaults to the loopback names and the listen host', () => {
    expect(loadConfig({}).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({ RINGSCOPE_HOST: 'ringscope.lan' }).allowedHosts).toContain('ringscope.lan');
    expect(loadConfig({ RINGSCOPE_HOST: 'fd00::7' }).allowedHosts).toContain('[fd00::7]');
    expect(loadConfig({ RINGSCOPE_HOST: '0.0.0.0' }).allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
    ]);
  });

  it('adds the listed names, lower-cased', () => {
    const config = loadConfig({ RINGSCOPE_ALLOWED_HOSTS: 'Ringscope.Example.org, 10.0.0.5 ,[fd00::1]' });
    expect(config.allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'ringscope.example.org',
      '10.0.0.5',
      '[fd00::1]',
    ]);
  });

  it('refuses a URL or a name with a port, naming the variable', () => {
    expect(() => loadConfig({ RINGSCOPE_ALLOWED_HOSTS: 'https://ringscope.example.org' })).toThrow(
      /RINGSCOPE_ALLOWED_HOSTS/,
    );
    expect(() => loadConfig({ RINGSCOPE_ALLOWED_HOSTS: 'ringscope.example.org:8443' })).toThrow(
      /RINGSCOPE_ALLOWED_HOSTS/,
    );
  });
});
