// Injection payloads (Cypher, SQL, path traversal, prototype pollution) in every string input of
// the read and write routes leave node and relationship counts unchanged and never answer 500.
// Run on the embedded store (injection.test.ts) and on Neo4j (neo4j.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Agent, Harness } from './support/harness.ts';
import { textProblem } from '../../src/model/text.ts';

const PAYLOADS = [
  "' OR 1=1 --",
  "x'}) DETACH DELETE n //",
  'MATCH (n) DETACH DELETE n',
  '"; DROP TABLE nodes; --',
  "Importer:IM-001' WITH n MATCH (m) DELETE m //",
  '`Importer` {id: $x}) DELETE n //',
  '../../../../etc/passwd',
  '__proto__',
  '%00\u0000nul',
  "Importer:x') CALL dbms.components() //",
];

export function describeInjectionSuite(storeName: string, start: () => Promise<Harness>): void {
  describe(`injection on the ${storeName} store`, () => {
    let h: Harness;
    let admin: Agent;
    let caseId = '';
    beforeAll(async () => {
      h = await start();
      admin = await h.as('admin');
      caseId = z
        .object({ case: z.object({ id: z.string() }) })
        .parse((await admin.post('/api/cases').send({ title: 'injection' })).body).case.id;
    });
    afterAll(() => h.close());

    describe('injection payloads', () => {
      it('leave the graph unchanged on every string input', async () => {
        const before = await h.store.counts();
        const statuses: number[] = [];
        for (const p of PAYLOADS) {
          const key = encodeURIComponent(p);
          const requests = [
            admin.get('/api/search').query({ q: p }),
            admin.get('/api/search').query({ q: 'a', labels: p }),
            admin.get(`/api/nodes/${key}`),
            admin.get(`/api/nodes/${encodeURIComponent(`Importer:${p}`)}`),
            admin
              .get(`/api/nodes/${encodeURIComponent(`Importer:${p}`)}/neighbourhood`)
              .query({ hsPrefix: p, dateFrom: p }),
            admin
              .get(`/api/nodes/${encodeURIComponent('Importer:IM-001')}/neighbourhood`)
              .query({ labels: p }),
            admin.get('/api/paths').query({ from: `Importer:${p}`, to: 'Importer:IM-002' }),
            admin.get('/api/rings').query({ typology: p }),
            admin.get(`/api/rings/${key}`),
            admin.get('/api/exports/graph').query({ key: `Importer:${p}` }),
            admin.get(`/api/cases/${key}`),
            admin.post('/api/cases').send({ title: p, description: p }),
            admin.post(`/api/cases/${caseId}/entities`).send({ keys: [`Importer:${p}`] }),
            admin.post(`/api/cases/${caseId}/rings`).send({ ringId: p }),
            admin.post(`/api/cases/${caseId}/notes`).send({ text: p }),
            admin
              .post(`/api/cases/${caseId}/evidence`)
              .send({ description: p, declarationIds: [`${p}/1`], ringId: p }),
            admin.patch(`/api/cases/${caseId}`).send({ title: p }),
            admin.post('/api/auth/login').send({ username: p, password: p }),
            admin.get(`/api/jobs/${key}`),
            admin.patch(`/api/users/${key}`).send({ disabled: true }),
          ];
          for (const res of await Promise.all(requests)) statuses.push(res.status);
        }
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
        expect(await h.store.counts()).toEqual(before);
        // Stored as plain text, never interpreted: the notes read back exactly (a payload holding
        // a character no text may hold, such as NUL, was refused with a 400 instead).
        const view = z
          .object({ case: z.object({ notes: z.array(z.object({ text: z.string() })) }) })
          .parse((await admin.get(`/api/cases/${caseId}`)).body);
        expect(view.case.notes.map((n) => n.text)).toEqual(
          PAYLOADS.filter((p) => textProblem(p) === null).map((p) => p.trim()),
        );
      });

      it('does not let a JSON body pollute prototypes', async () => {
        const res = await admin
          .post('/api/cases')
          .set('Content-Type', 'application/json')
          .send('{"title":"x","__proto__":{"admin":true}}');
        expect(res.status).toBe(400);
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
      });
    });
  });
}
