// Structured logs: one line per request with who, what and the request id; never a password,
// a cookie, a session token or a query string.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { capturedLog } from './support/captured-log.ts';
import { startHarness } from './support/harness.ts';

const Line = z.looseObject({
  msg: z.string(),
  requestId: z.string().optional(),
  user: z.string().nullable().optional(),
  status: z.number().optional(),
  path: z.string().optional(),
});

describe('request logs', () => {
  it('log who, what and the request id, and no secrets', async () => {
    const { logger, lines } = capturedLog();
    const h = await startHarness({ config: { logRequests: true }, logger });
    try {
      const agent = h.agent();
      const login = await agent
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'password-for-admin' });
      const cookie =
        String(login.headers['set-cookie']?.[0] ?? '')
          .split(';')[0]
          ?.split('=')[1] ?? 'missing';
      const search = await agent.get('/api/search').query({ q: 'secret-search-term' });
      await h.agent().post('/api/auth/login').send({ username: 'admin', password: 'wrong-password-xyz' });
      const text = lines.join('\n');
      for (const secret of ['password-for-admin', 'wrong-password-xyz', cookie, 'secret-search-term'])
        expect(text).not.toContain(secret);
      const requests = lines.map((l) => Line.parse(JSON.parse(l))).filter((l) => l.msg === 'request');
      expect(requests).toHaveLength(3);
      expect(requests[1]).toMatchObject({
        requestId: search.headers['x-request-id'],
        user: 'admin',
        path: '/api/search',
        status: 200,
      });
      expect(requests[2]).toMatchObject({ user: null, status: 401 });
    } finally {
      await h.close();
    }
  });
});
