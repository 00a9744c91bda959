// The role matrix: every route × every role (and no session) against the table below, written
// from server/API.md. A route missing from the table fails the test, so none goes undeclared.
import type { IncomingMessage } from 'node:http';
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
const INSPECTORS: readonly Role[] = ['case_officer', 'enforcement', 'admin'];
const WATCHERS: readonly Role[] = ['case_officer', 'enforcement', 'admin'];
const ALERT_HANDLERS: readonly Role[] = ['case_officer', 'enforcement', 'admin'];
const SHARE_IMPORTERS: readonly Role[] = ['investigator', 'enforcement', 'admin'];

/**
 * Who may call each route (`public` needs no session) and the exact status they get from the
 * request below: writes are sent an invalid body, so an allowed caller gets 400 and nothing
 * changes; reads get 200. Refused callers get 401 without a session and 403 with one.
 */
const EXPECTED: Record<string, { who: readonly Role[] | 'public'; status: number }> = {
  // The body is invalid.
  'POST /api/auth/login': { who: 'public', status: 400 },
  // It takes no body.
  'POST /api/auth/logout': { who: ALL, status: 400 },
  'GET /api/auth/me': { who: ALL, status: 200 },
  'POST /api/auth/password': { who: ALL, status: 400 },
  'GET /api/stats': { who: ALL, status: 200 },
  // No q.
  'GET /api/search': { who: ALL, status: 400 },
  'GET /api/nodes/:key': { who: ALL, status: 200 },
  'GET /api/nodes/:key/neighbourhood': { who: ALL, status: 200 },
  'GET /api/nodes/:key/neighbours': { who: ALL, status: 200 },
  // No key.
  'GET /api/graph/trade-links': { who: ALL, status: 400 },
  // No from and to.
  'GET /api/graph/trade-link-lines': { who: ALL, status: 400 },
  // Neither a ring nor a key.
  'GET /api/graph/shipping-routes': { who: ALL, status: 400 },
  // No from and to.
  'GET /api/paths': { who: ALL, status: 400 },
  'GET /api/rings': { who: ALL, status: 200 },
  'GET /api/rings/:id': { who: ALL, status: 200 },
  'GET /api/targets': { who: ENF, status: 200 },
  'GET /api/leads': { who: ALL, status: 200 },
  'GET /api/resolve/candidates': { who: ALL, status: 200 },
  // They take no body.
  'POST /api/resolve/candidates/:id/accept': { who: ALL, status: 400 },
  'POST /api/resolve/candidates/:id/reject': { who: ALL, status: 400 },
  'POST /api/resolve/candidates/:id/reopen': { who: ALL, status: 400 },
  'GET /api/cases': { who: ALL, status: 200 },
  'POST /api/cases': { who: CASES, status: 400 },
  'GET /api/cases/:id': { who: ALL, status: 200 },
  'PATCH /api/cases/:id': { who: CASES, status: 400 },
  'POST /api/cases/:id/entities': { who: CASES, status: 400 },
  // The entity is not pinned to the case.
  'DELETE /api/cases/:id/entities/:key': { who: CASES, status: 404 },
  'POST /api/cases/:id/rings': { who: CASES, status: 400 },
  'POST /api/cases/:id/notes': { who: CASES, status: 400 },
  'POST /api/cases/:id/evidence': { who: CASES, status: 400 },
  'GET /api/cases/:id/pack': { who: CASES, status: 200 },
  'GET /api/investigations': { who: ALL, status: 200 },
  'POST /api/investigations': { who: ALL, status: 400 },
  // Owned by the investigator, shared with the case officer and enforcement; admins open any.
  // Who may change which one is the service's check (tests/server/investigations.test.ts).
  'GET /api/investigations/:id': { who: ALL, status: 200 },
  'PUT /api/investigations/:id': { who: ALL, status: 400 },
  // No such investigation.
  'DELETE /api/investigations/:id': { who: ALL, status: 404 },
  'GET /api/exports/suspects': { who: ENF, status: 200 },
  'GET /api/exports/targets': { who: ENF, status: 200 },
  'GET /api/exports/graph': { who: ALL, status: 200 },
  'POST /api/exports/canvas-png': { who: ALL, status: 400 },
  // A JSON body where a multipart upload is expected.
  'POST /api/jobs/ingest': { who: ADMIN, status: 415 },
  'POST /api/jobs/detect': { who: ADMIN, status: 400 },
  'POST /api/jobs/resolve': { who: ADMIN, status: 400 },
  'GET /api/jobs/:id': { who: ADMIN, status: 200 },
  'GET /api/jobs/:id/events': { who: ADMIN, status: 200 },
  'GET /api/users': { who: ADMIN, status: 200 },
  'POST /api/users': { who: ADMIN, status: 400 },
  'PATCH /api/users/:name': { who: ADMIN, status: 400 },
  'GET /api/audit': { who: ADMIN, status: 200 },
  'GET /api/audit/verify': { who: ADMIN, status: 200 },
  // Invalid bodies (checked before the model is needed).
  'POST /api/declarations/score': { who: ALL, status: 400 },
  'POST /api/inspections': { who: INSPECTORS, status: 400 },
  // No declaration_id.
  'GET /api/inspections': { who: ALL, status: 400 },
  'GET /api/watchlist': { who: ALL, status: 200 },
  'POST /api/watchlist': { who: WATCHERS, status: 400 },
  // No such entry.
  'DELETE /api/watchlist/:id': { who: WATCHERS, status: 404 },
  'GET /api/alerts': { who: ALL, status: 200 },
  // It takes no body.
  'POST /api/alerts/:id/acknowledge': { who: ALERT_HANDLERS, status: 400 },
  'GET /api/declarations/live': { who: ALL, status: 200 },
  // The stream's headers (it stays open; the request ends once they arrive).
  'GET /api/risk/stream': { who: ALL, status: 200 },
  // The harness serves no model.
  'GET /api/risk/model': { who: ALL, status: 409 },
  // It takes no body.
  'POST /api/risk/model/reload': { who: ADMIN, status: 400 },
  // Invalid bodies (checked before the partner's keys are needed).
  'POST /api/share/export': { who: ENF, status: 400 },
  'POST /api/share/import': { who: SHARE_IMPORTERS, status: 400 },
  'GET /api/share/whoami': { who: ALL, status: 200 },
};

const routes = allRoutes(testConfig());
const signature = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

let h: Harness;
let caseId = '';
let jobId = '';
let investigationId = '';
beforeAll(async () => {
  // The login row sends invalid bodies from every role: keep the login rate limit out of the way.
  h = await startHarness({ config: { loginMaxFailures: 1000 } });
  const officer = await h.as('case_officer');
  // A team case owned by the case officer: every role may read it, officer and admin change it.
  caseId = z
    .object({ case: z.object({ id: z.string() }) })
    .parse((await officer.post('/api/cases').send({ title: 'matrix' })).body).case.id;
  const investigator = await h.as('investigator');
  investigationId = z.object({ investigation: z.object({ id: z.string() }) }).parse(
    (
      await investigator.post('/api/investigations').send({
        name: 'matrix',
        canvas: EMPTY_CANVAS,
        sharedWith: ['case-officer', 'enforcement'],
      })
    ).body,
  ).investigation.id;
  jobId = h.services.jobs.start('detect', 'admin', () => Promise.resolve({ done: true })).id;
  await h.services.jobs.idle();
});
afterAll(() => h.close());

const EMPTY_CANVAS = {
  nodes: [],
  edges: [],
  positions: {},
  filters: { dateFrom: '', dateTo: '', hsChapter: '', labels: [], minRisk: 0 },
  selection: [],
  hidden: [],
  pinned: [],
  layout: 'fcose',
};

function concretePath(path: string, method: string): string {
  return path
    .replace(
      /\/api\/investigations\/:id/,
      `/api/investigations/${method === 'delete' ? 'I-000000000000' : investigationId}`,
    )
    .replace(':key', encodeURIComponent('Importer:IM-001'))
    .replace(':name', 'investigator')
    .replace(/\/api\/cases\/:id/, `/api/cases/${caseId}`)
    .replace(/\/api\/rings\/:id/, `/api/rings/${RING_ID}`)
    .replace(/\/api\/jobs\/:id/, `/api/jobs/${jobId}`)
    .replace(/\/api\/resolve\/candidates\/:id/, '/api/resolve/candidates/0123456789abcdef')
    .replace(/\/api\/(watchlist|alerts)\/:id/, '/api/$1/999');
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
  const url = concretePath(path, method);
  switch (method) {
    case 'get':
      // A stream that stays open: answered once its headers are in, the connection then closed.
      if (path === '/api/risk/stream')
        return agent
          .get(url)
          .buffer(false)
          .parse((res, done) => {
            (res as unknown as IncomingMessage).destroy();
            done(null, null);
          });
      return agent.get(url);
    case 'delete':
      return agent.delete(url);
    case 'patch':
      // An invalid body: allowed roles get 400 (never a change), refused ones 401/403 first.
      return agent.patch(url).send({ unknownField: true });
    case 'put':
      return agent.put(url).send({ unknownField: true });
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
      if (!expected) throw new Error(`${signature(route)} is not in the table`);
      const anonymous = await send(h.agent(), route.method, route.path);
      expect(anonymous.status, 'without a session').toBe(expected.who === 'public' ? expected.status : 401);
      for (const role of ROLES) {
        const res = await send(await signedIn(role), route.method, route.path);
        const allowed = expected.who === 'public' || expected.who.includes(role);
        expect(res.status, `${role} (${JSON.stringify(res.body)})`).toBe(allowed ? expected.status : 403);
      }
    });
  }
});
