// Saved investigations: the owner saves, lists, opens, replaces and deletes; a user it is shared
// with may open it but not change it (403); anyone else is not told it exists (404); admins may
// change any. The canvas comes back as it was saved, and bad canvases are refused naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvestigationAnswer, InvestigationsAnswer } from '../../src/api/investigations.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let owner: Agent;
let officer: Agent;
let enforcement: Agent;
let admin: Agent;
beforeAll(async () => {
  h = await startHarness();
  [owner, officer, enforcement, admin] = await Promise.all([
    h.as('investigator'),
    h.as('case_officer'),
    h.as('enforcement'),
    h.as('admin'),
  ]);
});
afterAll(() => h.close());

const node = (key: string, risk: number | null) => {
  const [label = '', id = ''] = key.split(':');
  return { key, label, id, name: `${label} ${id}`, props: {}, risk };
};

const CANVAS = {
  nodes: [node('Importer:IM-001', 0.82), node('Broker:BR-01', null)],
  edges: [
    { id: 'e1', type: 'DECLARED_BY', source: 'Importer:IM-001', target: 'Broker:BR-01', props: { lines: 3 } },
  ],
  positions: { 'Importer:IM-001': { x: 10.5, y: -20 }, 'Broker:BR-01': { x: 140, y: 60 } },
  filters: {
    dateFrom: '2024-01-01',
    dateTo: '',
    hsChapter: '61',
    labels: ['Importer', 'Broker'],
    minRisk: 0.2,
  },
  selection: ['Importer:IM-001'],
  hidden: [],
  pinned: ['Broker:BR-01'],
  layout: 'concentric',
  links: [
    {
      id: 'TRADES|Broker:BR-01|Importer:IM-001',
      source: 'Broker:BR-01',
      target: 'Importer:IM-001',
      role: 'importer',
      lines: 3,
      value: 12500,
      first: '2024-01-02',
      last: '2024-03-30',
    },
  ],
  groups: [
    {
      id: 'GROUP|Broker:BR-01|importer',
      party: 'Broker:BR-01',
      role: 'importer',
      parties: 412,
      lines: 5120,
      value: 2.5e6,
      first: '2023-01-01',
      last: '2024-12-31',
    },
  ],
  linkLines: { 'TRADES|Broker:BR-01|Importer:IM-001': { added: [], next: 'c2' } },
  expansions: { 'Broker:BR-01': { added: ['Importer:IM-001'], limit: 25, truncated: true } },
  ring: 'R-broker_centred-0123456789ab',
  indicator: 'shared_broker',
  paths: [{ nodes: ['Importer:IM-001', 'Broker:BR-01'], edges: ['e1'] }],
  activePath: -1,
};

async function save(agent: Agent, body: Record<string, unknown> = {}) {
  const res = await agent.post('/api/investigations').send({ name: 'Dock Road', canvas: CANVAS, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return bodyOf(InvestigationAnswer, res).investigation;
}

describe('saved investigations', () => {
  it('gives the owner back the canvas exactly as saved, and lists it', async () => {
    const saved = await save(owner);
    expect(saved).toMatchObject({ name: 'Dock Road', owner: 'investigator', sharedWith: [], nodeCount: 2 });
    expect(saved.id).toMatch(/^I-[0-9a-f]{12}$/);
    const opened = bodyOf(
      InvestigationAnswer,
      await owner.get(`/api/investigations/${saved.id}`),
    ).investigation;
    expect(opened.canvas).toEqual(CANVAS);
    expect(opened.access).toBe('write');
    const listed = bodyOf(InvestigationsAnswer, await owner.get('/api/investigations')).investigations;
    expect(listed.map((i) => i.id)).toContain(saved.id);
  });

  it('lets a shared user open it but not change or delete it; others get 404', async () => {
    const saved = await save(owner, { sharedWith: ['case-officer'] });
    const asShared = await officer.get(`/api/investigations/${saved.id}`);
    expect(asShared.status).toBe(200);
    expect(bodyOf(InvestigationAnswer, asShared).investigation.access).toBe('read');
    expect(
      bodyOf(InvestigationsAnswer, await officer.get('/api/investigations')).investigations.map((i) => i.id),
    ).toContain(saved.id);

    const change = await officer
      .put(`/api/investigations/${saved.id}`)
      .send({ name: 'mine now', canvas: CANVAS, sharedWith: [] });
    expect(change.status).toBe(403);
    expect((await officer.delete(`/api/investigations/${saved.id}`)).status).toBe(403);

    expect((await enforcement.get(`/api/investigations/${saved.id}`)).status).toBe(404);
    expect((await enforcement.delete(`/api/investigations/${saved.id}`)).status).toBe(404);
    expect(
      bodyOf(InvestigationsAnswer, await enforcement.get('/api/investigations')).investigations.map(
        (i) => i.id,
      ),
    ).not.toContain(saved.id);
    // The refusals are in the trail, naming the investigation.
    const denied = h.services.audit
      .list({ limit: 10, action: 'denied' })
      .filter((e) => e.target === saved.id);
    expect(denied.map((e) => e.detail['status']).sort()).toEqual([403, 403, 404, 404]);
  });

  it('lets the owner replace name, canvas and shares, and delete it; admins may change any', async () => {
    const saved = await save(owner);
    const smaller = {
      ...CANVAS,
      nodes: CANVAS.nodes.slice(0, 1),
      edges: [],
      positions: {},
      pinned: [],
      links: [],
      groups: [],
      paths: [],
    };
    const replaced = bodyOf(
      InvestigationAnswer,
      await owner
        .put(`/api/investigations/${saved.id}`)
        .send({ name: 'Dock Road (2)', canvas: smaller, sharedWith: ['enforcement'] }),
    ).investigation;
    expect(replaced).toMatchObject({ name: 'Dock Road (2)', nodeCount: 1, sharedWith: ['enforcement'] });
    expect((await enforcement.get(`/api/investigations/${saved.id}`)).status).toBe(200);

    const byAdmin = await admin
      .put(`/api/investigations/${saved.id}`)
      .send({ name: 'reviewed', canvas: smaller, sharedWith: [] });
    expect(byAdmin.status).toBe(200);
    expect(bodyOf(InvestigationAnswer, byAdmin).investigation.owner).toBe('investigator');
    expect((await enforcement.get(`/api/investigations/${saved.id}`)).status).toBe(404);

    expect((await owner.delete(`/api/investigations/${saved.id}`)).status).toBe(204);
    expect((await owner.get(`/api/investigations/${saved.id}`)).status).toBe(404);
    const trail = h.services.audit.list({ limit: 20, action: 'write' }).filter((e) => e.target === saved.id);
    expect(trail.map((e) => e.detail['what'])).toEqual([
      'investigation_deleted',
      'investigation_updated',
      'investigation_updated',
      'investigation_saved',
    ]);
  });

  it('refuses a canvas naming a node it does not hold, and a share with an unknown user', async () => {
    const stray = await owner
      .post('/api/investigations')
      .send({ name: 'x', canvas: { ...CANVAS, selection: ['Importer:IM-999'] } });
    expect(stray.status).toBe(400);
    expect(errorOf(stray).issues).toEqual([
      { path: 'body.canvas.selection', message: "Importer:IM-999 is not one of the canvas's nodes" },
    ]);
    const [link] = CANVAS.links;
    const looseLink = await owner.post('/api/investigations').send({
      name: 'x',
      canvas: { ...CANVAS, links: [{ ...link, id: 'TRADES|x', target: 'Importer:IM-404' }] },
    });
    expect(errorOf(looseLink).issues).toEqual([
      { path: 'body.canvas.links', message: 'trade link TRADES|x joins a node not on the canvas' },
    ]);
    const unknown = await owner
      .post('/api/investigations')
      .send({ name: 'x', canvas: CANVAS, sharedWith: ['nobody'] });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toBe('sharedWith names nobody, who is not an active user');
  });
});
