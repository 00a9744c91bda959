// Cases: create, list, visibility (404 unseen, 403 read-only), entities, rings, notes, evidence,
// timeline, validation, and the case pack whose manifest hashes match its files.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'superagent';
import yauzl from 'yauzl';
import { z } from 'zod';
import { CaseAnswer, CasesAnswer } from '../../src/api/cases.ts';
import { RING_ID, SHIPMENTS } from './support/fixture.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let officer: Agent;
let admin: Agent;
let inv: Agent;
beforeAll(async () => {
  h = await startHarness();
  [officer, admin, inv] = await Promise.all([h.as('case_officer'), h.as('admin'), h.as('investigator')]);
});
afterAll(() => h.close());

async function newCase(agent: Agent, body: Record<string, unknown> = {}) {
  const res = await agent.post('/api/cases').send({ title: 'Dock Road importers', ...body });
  expect(res.status).toBe(201);
  return bodyOf(CaseAnswer, res).case;
}

describe('case lifecycle', () => {
  it('opens a case, pins entities and a ring, adds notes and evidence, and keeps a timeline', async () => {
    const c = await newCase(officer, { description: 'three importers, one address' });
    expect(c).toMatchObject({ status: 'open', owner: 'case-officer', visibility: 'team' });

    const pinned = await officer
      .post(`/api/cases/${c.id}/entities`)
      .send({ keys: ['Importer:IM-001', 'Broker:BR-01'] });
    expect(
      bodyOf(CaseAnswer, pinned)
        .case.entities.map((e) => e.key)
        .sort(),
    ).toEqual(['Broker:BR-01', 'Importer:IM-001']);

    const ring = bodyOf(
      CaseAnswer,
      await officer.post(`/api/cases/${c.id}/rings`).send({ ringId: RING_ID }),
    ).case;
    expect(ring.rings.map((r) => r.id)).toEqual([RING_ID]);
    expect(ring.entities.map((e) => e.key)).toEqual(
      expect.arrayContaining(['Importer:IM-002', 'Importer:IM-003', 'Person:P-01']),
    );

    await officer.post(`/api/cases/${c.id}/notes`).send({ text: 'Director shared across all three.' });
    const withEvidence = await officer
      .post(`/api/cases/${c.id}/evidence`)
      .send({ description: 'Seized line', declarationIds: [SHIPMENTS[5]?.id], ringId: RING_ID });
    expect(withEvidence.status).toBe(200);

    const removed = bodyOf(
      CaseAnswer,
      await officer.delete(`/api/cases/${c.id}/entities/${encodeURIComponent('Broker:BR-01')}`),
    ).case;
    expect(removed.entities.map((e) => e.key)).not.toContain('Broker:BR-01');

    const patched = bodyOf(
      CaseAnswer,
      await officer.patch(`/api/cases/${c.id}`).send({ status: 'in_review', assignee: 'admin' }),
    ).case;
    expect(patched).toMatchObject({ status: 'in_review', assignee: 'admin' });

    const view = bodyOf(CaseAnswer, await inv.get(`/api/cases/${c.id}`)).case;
    expect(view.notes).toEqual([
      expect.objectContaining({ author: 'case-officer', text: 'Director shared across all three.' }),
    ]);
    expect(view.evidence[0]).toMatchObject({ declarationIds: [SHIPMENTS[5]?.id], ringId: RING_ID });
    expect(view.timeline.map((e) => e.kind)).toEqual([
      'created',
      'entities_added',
      'ring_added',
      'entities_added',
      'note_added',
      'evidence_added',
      'entity_removed',
      'status',
      'assignee',
    ]);
    const writes = h.services.audit.list({ limit: 100, action: 'write' }).filter((e) => e.target === c.id);
    expect(writes.map((w) => w.detail.what)).toEqual([
      'case_updated',
      'entity_removed',
      'evidence_added',
      'note_added',
      'ring_added',
      'entities_added',
      'case_created',
    ]);
  });

  it('validates bodies: unknown keys, empty title, unknown nodes, declarations and rings', async () => {
    const c = await newCase(officer);
    expect(errorOf(await officer.post('/api/cases').send({ title: '' })).code).toBe('invalid_request');
    expect((await officer.post('/api/cases').send({ title: 'x', owner: 'admin' })).status).toBe(400);
    expect((await officer.patch(`/api/cases/${c.id}`).send({})).status).toBe(400);
    expect((await officer.patch(`/api/cases/${c.id}`).send({ status: 'won' })).status).toBe(400);
    expect(
      errorOf(await officer.patch(`/api/cases/${c.id}`).send({ assignee: 'investigator' })).message,
    ).toContain('not an active case officer');
    expect(
      errorOf(await officer.post(`/api/cases/${c.id}/entities`).send({ keys: ['Importer:NOPE'] })).code,
    ).toBe('unknown_nodes');
    expect(errorOf(await officer.post(`/api/cases/${c.id}/rings`).send({ ringId: 'R-nope' })).code).toBe(
      'unknown_ring',
    );
    expect(
      errorOf(
        await officer
          .post(`/api/cases/${c.id}/evidence`)
          .send({ description: 'x', declarationIds: ['DECL-9999/1'] }),
      ).code,
    ).toBe('unknown_declarations');
    expect(
      (
        await officer
          .post(`/api/cases/${c.id}/evidence`)
          .send({ description: 'x', declarationIds: ['DECL-0001'] })
      ).status,
    ).toBe(400);
    expect((await officer.post(`/api/cases/${c.id}/notes`).send({ text: '   ' })).status).toBe(400);
    expect((await officer.get('/api/cases/not-a-case')).status).toBe(400);
    expect((await officer.get('/api/cases/C-000000000000')).status).toBe(404);
  });
});

describe('case text', () => {
  const BAD = {
    NUL: 'a\u0000b',
    ESC: 'red \u001b[31malert',
    'U+202E': 'invoice\u202Efdp.exe',
    'a lone surrogate': 'half \ud800 a pair',
  };

  it('refuses NUL, ESC, U+202E and lone surrogates in titles, descriptions, notes and evidence, naming the field', async () => {
    const c = await newCase(officer);
    const evidence = (description: string) => ({ description, declarationIds: [SHIPMENTS[0]?.id ?? ''] });
    for (const [what, text] of Object.entries(BAD)) {
      const attempts: [string, Promise<Response>][] = [
        ['body.title', officer.post('/api/cases').send({ title: text })],
        ['body.description', officer.post('/api/cases').send({ title: 'ok', description: text })],
        ['body.title', officer.patch(`/api/cases/${c.id}`).send({ title: text })],
        ['body.description', officer.patch(`/api/cases/${c.id}`).send({ description: text })],
        ['body.text', officer.post(`/api/cases/${c.id}/notes`).send({ text })],
        ['body.description', officer.post(`/api/cases/${c.id}/evidence`).send(evidence(text))],
      ];
      for (const [field, attempt] of attempts) {
        const res = await attempt;
        expect(res.status, `${what} in ${field}`).toBe(400);
        const issues = errorOf(res).issues ?? [];
        expect(issues[0]?.path, what).toBe(field);
        expect(issues[0]?.message, what).toMatch(/ contains .*; remove it$/);
      }
    }
    const after = bodyOf(CaseAnswer, await officer.get(`/api/cases/${c.id}`)).case;
    expect(after.notes).toEqual([]);
    expect(after.evidence).toEqual([]);
  });

  it('keeps tabs, new lines, accents and whole surrogate pairs', async () => {
    const c = await newCase(officer, { title: 'Déclarations été \u{1F6A2}' });
    expect(c.title).toBe('Déclarations été \u{1F6A2}');
    const res = await officer.post(`/api/cases/${c.id}/notes`).send({ text: 'line one\n\tline two 中文' });
    expect(res.status).toBe(200);
    expect(bodyOf(CaseAnswer, res).case.notes[0]?.text).toBe('line one\n\tline two 中文');
  });
});

describe('case access', () => {
  it('hides restricted cases (404) and refuses changes to visible ones (403)', async () => {
    const restricted = await newCase(officer, { visibility: 'restricted' });
    const team = await newCase(officer);
    await h.services.users.add({ username: 'officer2', role: 'case_officer', password: 'password-officer2' });
    const other = h.agent();
    await other.post('/api/auth/login').send({ username: 'officer2', password: 'password-officer2' });

    expect((await inv.get(`/api/cases/${restricted.id}`)).status).toBe(404);
    expect((await other.get(`/api/cases/${restricted.id}`)).status).toBe(404);
    expect((await other.post(`/api/cases/${restricted.id}/notes`).send({ text: 'x' })).status).toBe(404);
    expect((await admin.get(`/api/cases/${restricted.id}`)).status).toBe(200);

    expect((await other.get(`/api/cases/${team.id}`)).status).toBe(200);
    const refused = await other.post(`/api/cases/${team.id}/notes`).send({ text: 'x' });
    expect(refused.status).toBe(403);
    expect((await other.get(`/api/cases/${team.id}/pack`)).status).toBe(200);

    // Assigning the other officer lets them change the case.
    await officer.patch(`/api/cases/${team.id}`).send({ assignee: 'officer2' });
    expect((await other.post(`/api/cases/${team.id}/notes`).send({ text: 'now mine too' })).status).toBe(200);

    const visibleToInvestigator = bodyOf(CasesAnswer, await inv.get('/api/cases')).cases.map((c) => c.id);
    expect(visibleToInvestigator).toContain(team.id);
    expect(visibleToInvestigator).not.toContain(restricted.id);
    expect(bodyOf(CasesAnswer, await officer.get('/api/cases')).cases.map((c) => c.id)).toContain(
      restricted.id,
    );
  });
});

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('case pack', () => {
  it('zips the case, entities, cited declarations, ring explanations and a manifest whose hashes match', async () => {
    const c = await newCase(officer);
    await officer.post(`/api/cases/${c.id}/rings`).send({ ringId: RING_ID });
    await officer
      .post(`/api/cases/${c.id}/evidence`)
      .send({ description: 'two lines', declarationIds: [SHIPMENTS[0]?.id, SHIPMENTS[1]?.id] });
    const res = await officer.get(`/api/cases/${c.id}/pack`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zipBytes = res.body as Buffer;
    expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(zipBytes).digest('hex'));

    const files = await unzip(zipBytes);
    const manifest = z
      .object({
        files: z.array(z.object({ path: z.string(), bytes: z.number(), sha256: z.string() })),
        auditHead: z.object({ seq: z.number(), hash: z.string() }),
      })
      .parse(JSON.parse(files.get('manifest.json')?.toString() ?? '{}'));
    expect(manifest.files.map((f) => f.path).sort()).toEqual([
      'case.json',
      'declarations.csv',
      'entities.csv',
      `rings/${RING_ID}.md`,
    ]);
    for (const f of manifest.files) {
      const content = files.get(f.path);
      expect(content, f.path).toBeDefined();
      expect(
        createHash('sha256')
          .update(content ?? Buffer.alloc(0))
          .digest('hex'),
        f.path,
      ).toBe(f.sha256);
      expect(content?.length).toBe(f.bytes);
    }
    const declarations = files.get('declarations.csv')?.toString() ?? '';
    // Two evidence lines and the ring's cited line, one row each.
    expect(declarations.trim().split('\r\n')).toHaveLength(4);
    expect(files.get('entities.csv')?.toString()).toContain("'=Cedar Goods");
    expect(files.get(`rings/${RING_ID}.md`)?.toString()).toContain('Three importers share one address');

    const audit = h.services.audit.list({ limit: 1, action: 'export' })[0];
    expect(audit?.detail).toMatchObject({ what: 'case_pack', sha256: res.headers['x-content-sha256'] });
    // The pack carries the trail's head as it was just before the export's own entry.
    expect(manifest.auditHead).toEqual({ seq: (audit?.seq ?? 0) - 1, hash: audit?.prevHash });
    expect(h.services.audit.verify([manifest.auditHead]).ok).toBe(true);
  });
});
