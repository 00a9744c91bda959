// GET /api/leads: the last run's leads on parties, best first, filtered and paged; bad filters
// are a 400 naming the field; every read leaves view_leads with what was asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeadsAnswer } from '../../src/api/leads.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { fixtureRun } from './support/fixture.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

let h: Harness;
let inv: Agent;
beforeAll(async () => {
  h = await startHarness();
  inv = await h.as('investigator');
});
afterAll(() => h.close());

describe('GET /api/leads', () => {
  it('lists the run’s leads best first, with reason and seizure path', async () => {
    const res = await inv.get('/api/leads');
    expect(res.status).toBe(200);
    expect(bodyOf(LeadsAnswer, res)).toEqual({ leads: fixtureRun().leads, total: 2 });
  });

  it('filters by detector and minimum score, and pages', async () => {
    const [supplier, broker] = fixtureRun().leads!;
    const byDetector = await inv.get('/api/leads').query({ detector: 'centrality' });
    expect(bodyOf(LeadsAnswer, byDetector)).toEqual({ leads: [broker], total: 1 });
    const byScore = await inv.get('/api/leads').query({ minScore: 0.55 });
    expect(bodyOf(LeadsAnswer, byScore)).toEqual({ leads: [supplier], total: 1 });
    const page = await inv.get('/api/leads').query({ limit: 1, offset: 1 });
    expect(bodyOf(LeadsAnswer, page)).toEqual({ leads: [broker], total: 2 });
  });

  it('refuses an unknown detector or filter, naming it', async () => {
    const bad = await inv.get('/api/leads').query({ detector: 'phoenix' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(errorOf(bad))).toContain('query.detector');
    expect((await inv.get('/api/leads').query({ typology: 'phoenix' })).status).toBe(400);
  });

  it('leaves view_leads with the filters and the number of leads', async () => {
    const before = h.services.audit.head()?.seq ?? 0;
    expect((await inv.get('/api/leads').query({ detector: 'guilt_by_association' })).status).toBe(200);
    const entries = h.services.audit.list({ limit: 10 }).filter((e) => e.seq > before);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'view_leads',
        username: 'investigator',
        target: null,
        detail: { detector: 'guilt_by_association', minScore: null, limit: 50, offset: 0, leads: 1 },
      }),
    ]);
  });
});
