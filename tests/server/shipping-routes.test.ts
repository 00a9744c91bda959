// The route map over the API: a ring's members' or some parties' lines by origin, departure and
// entry office, over every line (a hub's 3,300), each line once; exactly one of ring and key; an
// unknown ring or party is 404; each read leaves one audit entry with counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShippingRoutesAnswer } from '../../src/api/shipping-routes.ts';
import { nodeKey } from '../../src/model/index.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { RING_ID } from './support/fixture.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';
import { HUB, HUB_LINES, HUB_VALUE, hubDate, loadHub } from './support/hub.ts';

let h: Harness;
let inv: Agent;
beforeAll(async () => {
  h = await startHarness();
  await loadHub(h.store);
  inv = await h.as('investigator');
});
afterAll(() => h.close());

const dates = Array.from({ length: HUB_LINES }, (_, i) => hubDate(i)).sort();
const unstated = { origin: null, departure: null, office: null };

describe('GET /api/graph/shipping-routes', () => {
  it("aggregates a ring's party members' lines (not its director's, who has none)", async () => {
    const res = await inv.get('/api/graph/shipping-routes').query({ ring: RING_ID });
    expect(res.status).toBe(200);
    expect(bodyOf(ShippingRoutesAnswer, res)).toEqual({
      parties: ['Importer:IM-001', 'Importer:IM-002', 'Importer:IM-003'],
      routes: [{ ...unstated, lines: 6, value: 21000, first: '2024-01-15', last: '2024-06-15' }],
      lines: 6,
      value: 21000,
    });
    const entry = h.services.audit.list({ limit: 1, action: 'view_routes' })[0];
    expect(entry?.target).toBe(RING_ID);
    expect(entry?.detail).toEqual({ ring: RING_ID, parties: 3, routes: 1 });
  });

  it('counts a line once when several of the asked parties name it', async () => {
    const res = await inv
      .get('/api/graph/shipping-routes')
      .query('key=Importer:IM-001&key=Broker:BR-01&key=Importer:IM-001');
    expect(res.status).toBe(200);
    const answer = bodyOf(ShippingRoutesAnswer, res);
    expect(answer.parties).toEqual(['Importer:IM-001', 'Broker:BR-01']);
    expect(answer.lines).toBe(6);
    expect(answer.value).toBe(21000);
  });

  it('covers every line of a hub, past what one list holds', async () => {
    const res = await inv.get('/api/graph/shipping-routes').query({ key: nodeKey(HUB) });
    expect(bodyOf(ShippingRoutesAnswer, res).routes).toEqual([
      { ...unstated, lines: HUB_LINES, value: HUB_VALUE, first: dates[0]!, last: dates.at(-1)! },
    ]);
  });

  it('refuses both or neither of ring and key, and names what is unknown', async () => {
    const neither = await inv.get('/api/graph/shipping-routes');
    expect(neither.status).toBe(400);
    expect(errorOf(neither).message).toContain('ring, key');
    const both = await inv.get('/api/graph/shipping-routes').query({ ring: RING_ID, key: 'Importer:IM-001' });
    expect(both.status).toBe(400);
    const ring = await inv.get('/api/graph/shipping-routes').query({ ring: 'R-none' });
    expect(ring.status).toBe(404);
    expect(errorOf(ring).message).toBe('ring R-none was not found');
    const party = await inv.get('/api/graph/shipping-routes').query({ key: 'Importer:IM-404' });
    expect(party.status).toBe(404);
    expect(errorOf(party).message).toBe('node Importer:IM-404 was not found');
  });
});
