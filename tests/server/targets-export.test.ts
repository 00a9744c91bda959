// The inspection targets as a CSV download for enforcement: the same lines, in the same order, as
// GET /api/targets, with a byte-order mark, and an `export` audit entry naming what was sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetsAnswer } from '../../src/api/graph.ts';
import { bodyOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let enforcement: Agent;
beforeAll(async () => {
  h = await startHarness();
  enforcement = await h.as('enforcement');
});
afterAll(() => h.close());

describe('GET /api/exports/targets', () => {
  it('sends the ranked lines of /api/targets as CSV and audits the export', async () => {
    const { lines } = bodyOf(TargetsAnswer, await enforcement.get('/api/targets').query({ limit: 3 }));
    expect(lines.length).toBeGreaterThan(0);
    const res = await enforcement.get('/api/exports/targets').query({ limit: 3 }).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('ringscope-targets.csv');
    const text = res.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('rank,declaration_id,line,score,reasons');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 4))).toEqual(
      lines.map((t, i) => [String(i + 1), t.declarationId, String(t.line), String(t.score)]),
    );
    const [entry] = h.services.audit.list({ limit: 1, action: 'export' });
    expect(entry?.detail).toMatchObject({ what: 'targets', count: lines.length, limit: 3 });
  });
});
