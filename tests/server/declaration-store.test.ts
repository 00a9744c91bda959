// Storing an arriving declaration (`?store=true`): all or nothing as `ringscope ingest` — an
// invalid line is a 400 naming its line and field with nothing written, a declaration already
// stored a 409 — and only for the roles that may write declarations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveAnswer } from '../../src/api/alerts.ts';
import { RecordedInspection, ScoreAnswer } from '../../src/api/risk.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { GREEN_LINE, RED_LINE, writeTestModel } from './support/risk-model.ts';

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'declaration-store-'));
  h = await startHarness({ config: { riskModel: writeTestModel(dir) } });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const lineRefs = (declarationId: string, lines: number) =>
  Array.from({ length: lines }, (_, i) => ({ label: 'Shipment' as const, id: `${declarationId}/${i + 1}` }));

describe('POST /api/declarations/score?store=true', () => {
  it('stores the declaration’s lines and parties so the graph holds it, and says so', async () => {
    const before = (await h.store.listImports()).length;
    const res = await (
      await h.as('enforcement')
    )
      .post('/api/declarations/score?store=true&reasons=all')
      .send({ declaration_id: 'ST-1', lines: [RED_LINE, { ...GREEN_LINE, illicit: true }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(bodyOf(ScoreAnswer, res).stored).toBe(true);
    const stored = await h.store.getNodes(lineRefs('ST-1', 2));
    expect(stored.map((n) => [n.id, n.props.hsCode, n.props.customsValue]).sort()).toEqual([
      ['ST-1/1', '610910', 1100],
      ['ST-1/2', '711311', 3500],
    ]);
    // The label fields of an arriving line are not stored: its labels come from inspections.
    expect(stored.find((n) => n.id === 'ST-1/2')!.props.illicit).toBeUndefined();
    const near = await h.store.neighbourhood({ start: { label: 'Importer', id: 'I10' }, hops: 1, limit: 10 });
    expect(near.nodes.map((n) => `${n.label}:${n.id}`)).toEqual(['Importer:I10', 'Shipment:ST-1/1']);
    expect((await h.store.listImports()).map((i) => i.fileName)).toContain('api:declaration ST-1');
    expect((await h.store.listImports()).length).toBe(before + 1);
    const live = bodyOf(LiveAnswer, await (await h.as('investigator')).get('/api/declarations/live?limit=1'));
    expect(live.declarations[0]).toMatchObject({ declaration_id: 'ST-1', stored: true });
  });

  it('answers 409 for a declaration id already stored, and writes nothing', async () => {
    const res = await (
      await h.as('admin')
    )
      .post('/api/declarations/score?store=true')
      .send({ declaration_id: 'ST-1', lines: [GREEN_LINE] });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('declaration_exists');
    expect(errorOf(res).message).toMatch(/ST-1 is already stored .*without store=true/);
    expect((await h.store.getNode({ label: 'Shipment', id: 'ST-1/1' }))?.props.hsCode).toBe('610910');
  });

  it('answers 400 naming the line and field of an invalid line, and stores no line of it', async () => {
    const imports = (await h.store.listImports()).length;
    const res = await (
      await h.as('enforcement')
    )
      .post('/api/declarations/score?store=true')
      .send({ declaration_id: 'ST-2', lines: [RED_LINE, { ...GREEN_LINE, date: '2021-02-30' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('invalid_declaration');
    expect(error.message).toMatch(/ST-2 was not stored: 1 problem.*nothing was written/);
    expect(error.issues?.map((i) => i.path)).toEqual(['body.lines.1.date']);
    expect(error.issues?.[0]?.message).toMatch(/^line 2, date: .*\(invalid_date\)$/);
    expect(await h.store.getNodes(lineRefs('ST-2', 2))).toEqual([]);
    expect((await h.store.listImports()).length).toBe(imports);
    expect(h.services.audit.list({ limit: 20, action: 'score' }).map((e) => e.target)).not.toContain('ST-2');
  });

  it('refuses store=true to roles that may only score (403), storing nothing; they still score', async () => {
    for (const role of ['investigator', 'case_officer'] as const) {
      const agent = await h.as(role);
      const refused = await agent
        .post('/api/declarations/score?store=true')
        .send({ declaration_id: 'ST-3', lines: [GREEN_LINE] });
      expect(refused.status, role).toBe(403);
      expect(errorOf(refused).message).toMatch(/enforcement or admin/);
      const scored = await agent
        .post('/api/declarations/score?store=false')
        .send({ declaration_id: 'ST-3', lines: [GREEN_LINE] });
      expect(bodyOf(ScoreAnswer, scored).stored).toBe(false);
    }
    expect(await h.store.getNodes(lineRefs('ST-3', 1))).toEqual([]);
  });

  it('refuses an unknown query parameter or value', async () => {
    const agent = await h.as('enforcement');
    const res = await agent
      .post('/api/declarations/score?store=yes')
      .send({ declaration_id: 'ST-4', lines: [GREEN_LINE] });
    expect(res.status).toBe(400);
    expect(errorOf(res).issues).toContainEqual(expect.objectContaining({ path: 'query.store' }));
  });
});

describe('POST /api/inspections labels the stored line', () => {
  it('writes the result onto the line in the graph store, seen by the shipment stream', async () => {
    await (
      await h.as('enforcement')
    )
      .post('/api/declarations/score?store=true')
      .send({ declaration_id: 'ST-5', lines: [RED_LINE, GREEN_LINE] })
      .expect(200);
    const res = await (
      await h.as('case_officer')
    )
      .post('/api/inspections')
      .send({ declaration_id: 'ST-5', line: 1, found: true, revenue_recovered: 250, notes: 'undervalued' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(bodyOf(RecordedInspection, res)).toMatchObject({ line: 1, found: true, in_store: true });
    expect((await h.store.getNode({ label: 'Shipment', id: 'ST-5/1' }))?.props).toMatchObject({
      inspected: true,
      illicit: true,
      revenueRecovered: 250,
    });
    const other = (await h.store.getNode({ label: 'Shipment', id: 'ST-5/2' }))?.props;
    expect([other?.inspected, other?.illicit]).toEqual([undefined, undefined]);
    const streamed = [];
    for await (const s of h.store.streamShipments()) if (s.declarationId === 'ST-5') streamed.push(s);
    expect(streamed.map((s) => [s.line, s.inspected ?? null, s.illicit ?? null])).toEqual([
      [1, true, true],
      [2, null, null],
    ]);
    expect(h.services.audit.list({ limit: 1, action: 'inspection' })[0]).toMatchObject({
      target: 'ST-5/1',
      detail: { found: true, revenueRecovered: 250, inStore: true },
    });
  });

  it('records the result of a line the store does not hold, and says it is not in the store', async () => {
    const res = await (
      await h.as('enforcement')
    )
      .post('/api/inspections')
      .send({ declaration_id: 'ST-404', line: 1, found: false });
    expect(res.status).toBe(201);
    expect(bodyOf(RecordedInspection, res).in_store).toBe(false);
    expect(await h.store.getNode({ label: 'Shipment', id: 'ST-404/1' })).toBeNull();
    const listed = await (await h.as('investigator')).get('/api/inspections?declaration_id=ST-404');
    expect((listed.body as { inspections: unknown[] }).inspections).toHaveLength(1);
  });
});
