// The role matrix: every route × every role (and no session) against the table below, written
// from server/API.md. A route missing from the table fails the test, so none goes undeclared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROLES, type Role } from '../../server/policies.ts';
import { allRoutes } from '../../server/routes/index.ts';
import { testConfig } from '../../server/config.ts';
import { RING_ID } from './support/fixture.ts';
import { startHarness, passwordOf, type Agent, type Harness } from './support/harness.ts';

const ALL: readonly Role[] = ROLES;
const CASES: readonly Role[] = ['case_officer', 'admin'];
const ENF: readonly Role[] = ['enforcement', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

/** Who may call each route; `public` needs no session. */
const EXPECTED: Record<string, readonly Role[] | 'public'> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/stats': ALL,
  'GET /api/search': ALL,
  'GET /api/nodes/:key': ALL,
  'GET /api/nodes/:key/neighbourhood': ALL,
  'GET /api/paths': ALL,
  'GET /api/rings': ALL,
  'GET /api/rings/:id': ALL,
  'GET /api/targets': ENF,
  'GET /api/cases': ALL,
  'POST /api/cases': CASES,
  'GET /api/cases/:id': ALL,
  'PATCH /api/cases/:id': CASES,
  'POST /api/cases/:id/entities': CASES,
  'DELETE /api/cases/:id/entities/:key': CASES,
  'POST /api/cases/:id/rings': CASES,
  'POST /api/cases/:id/notes': CASES,
  'POST /api/cases/:id/evidence': CASES,
  'GET /api/cases/:id/pack': CASES,
  'GET /api/exports/suspects': ENF,
  'GET /api/exports/graph': ALL,
  'POST /api/jobs/ingest': ADMIN,
  'POST /api/jobs/detect': ADMIN,
  'GET /api/jobs/:id': ADMIN,
  'GET /api/jobs/:id/events': ADMIN,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:name': ADMIN,
  'GET /api/audit': ADMIN,
  'GET /api/audit/verify': ADMIN,
};

const routes = allRoutes(testConfig());
const signature = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

let h: Harness;
let caseId = '';
let jobId = '';
beforeAll(async () => {
  // The login row sends invalid bodies from every role: keep the login rate limit out of the way.
  h = await startHarness({ config: { loginMaxFailures: 1000 } });
  const officer = await h.as('case_officer');
  // A team case owned by the case officer: every role may read it, officer and admin change it.
  caseId = z
    .object({ case: z.object({ id: z.string() }) })
    .parse((await officer.post('/api/cases').send({ title: 'matrix' })).body).case.id;
  jobId = h.services.jobs.start('detect', 'admin', () => Promise.resolve({ done: true })).id;
  await h.services.jobs.idle();
});
afterAll(() => h.close());

function concretePath(path: string): string {
  return path
    .replace(':key', encodeURIComponent('Importer:IM-001'))
    .replace(':name', 'investigator')
    .replace(/\/api\/cases\/:id/, `/api/cases/${caseId}`)
    .replace(/\/api\/rings\/:id/, `/api/rings/${RING_ID}`)
    .replace(/\/api\/jobs\/:id/, `/api/jobs/${jobId}`);
}

/** A fresh sign-in per request, so logout or a password rule in one row cannot touch another. */
async function signedIn(role: Role): Promise<Agent> {
  const agent = h.agent();
  const res = await agent
    .post('/api/auth/login')
    .send({ username: role.replace('_', '-'), password: passwordOf(role) });
  expect(res.status).toBe(200);
  return agent;
}

function send(agent: Agent, method: string, path: string) {
  const url = concretePath(path);
  switch (method) {
    case 'get':
      return agent.get(url);
    case 'delete':
      return agent.delete(url);
    case 'patch':
      // An invalid body: allowed roles get 400 (never a change), refused ones 401/403 first.
      return agent.patch(url).send({ unknownField: true });
    default:
      return agent.post(url).send({ unknownField: true });
  }
}

describe('role matrix', () => {
  it('declares every route in the expected table and nothing else', () => {
    expect(routes.map(signature).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const route of routes) {
    const expected = EXPECTED[signature(route)];
    it(`${signature(route)}`, async () => {
      const anonymous = await send(h.agent(), route.method, route.path);
      if (expected === 'public') expect(anonymous.status).not.toBe(401);
      else expect(anonymous.status).toBe(401);
      for (const role of ROLES) {
        const res = await send(await signedIn(role), route.method, route.path);
        const allowed = expected === 'public' || expected?.includes(role) === true;
        if (allowed)
          expect([401, 403], `${role} should be allowed (${res.status})`).not.toContain(res.status);
        else expect(res.status, `${role} should be refused`).toBe(403);
      }
    });
  }
});
