// Reads leave an audit entry too: inspection targets, neighbourhoods, paths, search, the case list
// and the audit trail itself, each with its target and parameters; and a case the access check
// refuses (404 unseen, 403 read-only) leaves a `denied` entry with the status and the case id.
// Store-independent (routes and the app database): run on the embedded store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseAnswer } from '../../src/api/cases.ts';
import type { AuditEntry } from '../../server/audit.ts';
import { bodyOf } from './support/body.ts';
import { IMPORTERS, PERSON } from './support/fixture.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let inv: Agent;
let officer: Agent;
let enforcement: Agent;
let admin: Agent;
beforeAll(async () => {
  h = await startHarness();
  [inv, officer, enforcement, admin] = await Promise.all([
    h.as('investigator'),
    h.as('case_officer'),
    h.as('enforcement'),
    h.as('admin'),
  ]);
});
afterAll(() => h.close());

/** The entries the request left, oldest first. */
async function entriesOf(
  request: () => PromiseLike<{ status: number }>,
  status = 200,
): Promise<AuditEntry[]> {
  const before = h.services.audit.head()?.seq ?? 0;
  const res = await request();
  expect(res.status).toBe(status);
  return h.services.audit
    .list({ limit: 100 })
    .filter((e) => e.seq > before)
    .reverse();
}

const IMPORTER = `Importer:${IMPORTERS[0]?.id ?? ''}`;

describe('audited reads', () => {
  it('GET /api/targets leaves view_targets with the limit', async () => {
    const entries = await entriesOf(() => enforcement.get('/api/targets').query({ limit: 3 }));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'view_targets',
        username: 'enforcement',
        target: null,
        detail: { limit: 3, lines: expect.any(Number) as number },
      }),
    ]);
  });

  it('a neighbourhood leaves view_neighbourhood with the node and the filters', async () => {
    const entries = await entriesOf(() =>
      inv
        .get(`/api/nodes/${IMPORTER}/neighbourhood`)
        .query({ hops: 2, labels: 'Importer,Address', minRisk: 0 }),
    );
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'view_neighbourhood',
        username: 'investigator',
        target: IMPORTER,
        detail: {
          hops: 2,
          labels: ['Importer', 'Address'],
          minRisk: 0,
          limit: 200,
          nodes: expect.any(Number) as number,
          truncated: false,
        },
      }),
    ]);
  });

  it('paths leave view_paths with both ends and the bounds', async () => {
    const to = `Person:${PERSON.id}`;
    const entries = await entriesOf(() => inv.get('/api/paths').query({ from: IMPORTER, to, k: 2 }));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'view_paths',
        target: IMPORTER,
        detail: { to, k: 2, maxLength: 6, paths: expect.any(Number) as number },
      }),
    ]);
  });

  it('search leaves search with the query and its options', async () => {
    const entries = await entriesOf(() => inv.get('/api/search').query({ q: 'Alder', labels: 'Importer' }));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'search',
        target: 'Alder',
        detail: { limit: 20, labels: ['Importer'], hits: 1 },
      }),
    ]);
  });

  it('the case list leaves view_cases with how many were listed', async () => {
    const entries = await entriesOf(() => inv.get('/api/cases'));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'view_cases',
        username: 'investigator',
        target: null,
        detail: { cases: 0 },
      }),
    ]);
  });

  it('reading the audit trail leaves view_audit with the filters', async () => {
    const entries = await entriesOf(() => admin.get('/api/audit').query({ limit: 5, action: 'login' }));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'view_audit',
        username: 'admin',
        target: null,
        detail: { limit: 5, action: 'login', entries: 4 },
      }),
    ]);
  });

  it('a refused read or write of a case leaves denied with the status and the case id', async () => {
    const created = await officer.post('/api/cases').send({ title: 'Quay', visibility: 'restricted' });
    const restricted = bodyOf(CaseAnswer, created).case;
    const team = bodyOf(CaseAnswer, await officer.post('/api/cases').send({ title: 'Dock' })).case;
    await h.services.users.add({ username: 'officer2', role: 'case_officer', password: 'password-officer2' });
    const other = h.agent();
    await other.post('/api/auth/login').send({ username: 'officer2', password: 'password-officer2' });

    expect(await entriesOf(() => inv.get(`/api/cases/${restricted.id}`), 404)).toEqual([
      expect.objectContaining({
        action: 'denied',
        username: 'investigator',
        target: restricted.id,
        detail: { status: 404, needed: 'read', route: 'GET /api/cases/:id' },
      }),
    ]);
    expect(await entriesOf(() => other.get(`/api/cases/${restricted.id}/pack`), 404)).toEqual([
      expect.objectContaining({
        action: 'denied',
        target: restricted.id,
        detail: { status: 404, needed: 'read', route: 'GET /api/cases/:id/pack' },
      }),
    ]);
    // A case that does not exist is refused the same way, so probing for ids is on record.
    expect(await entriesOf(() => inv.get('/api/cases/C-000000000000'), 404)).toEqual([
      expect.objectContaining({
        action: 'denied',
        target: 'C-000000000000',
        detail: expect.objectContaining({ status: 404 }) as unknown,
      }),
    ]);
    expect(
      await entriesOf(() => other.post(`/api/cases/${team.id}/notes`).send({ text: 'mine' }), 403),
    ).toEqual([
      expect.objectContaining({
        action: 'denied',
        username: 'officer2',
        target: team.id,
        detail: { status: 403, needed: 'write', route: 'POST /api/cases/:id/notes' },
      }),
    ]);
  });

  it('never writes a password or a session token into an entry', () => {
    const everything = JSON.stringify(h.services.audit.list({ limit: 1000 }));
    expect(everything).not.toMatch(/password-for-|password-officer2/);
    expect(everything).not.toMatch(/ringscope_session|cookie/i);
  });
});
