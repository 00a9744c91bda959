// Entity resolution in the API: GET /api/resolve/candidates lists the stored candidates, filtered
// and paged; accept / reject record who and when on the link and in the audit trail, and a later
// review undoes an earlier one; POST /api/jobs/resolve runs resolution as a job with progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResolveCandidatesAnswer, ResolveReviewAnswer } from '../../src/api/resolve.ts';
import { PIPELINES } from '../../server/pipelines.ts';
import { resolveLinkId } from '../../src/store/resolve-links.ts';
import { loadParties } from '../../src/resolve/load.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { IMPORTERS } from './support/fixture.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';

const [alder, birch, cedar] = IMPORTERS.map((n) => ({ label: n.label, id: n.id }));
const ALDER_BIRCH = resolveLinkId(alder!, birch!);
const BIRCH_CEDAR = resolveLinkId(birch!, cedar!);

let h: Harness;
let inv: Agent;
beforeAll(async () => {
  h = await startHarness();
  inv = await h.as('investigator');
  await h.store.writeResolveCandidates([
    {
      a: alder!,
      b: birch!,
      aName: 'Alder Trading',
      bName: 'Birch Imports',
      score: 0.93,
      weight: 3.8,
      evidence: ['same phone'],
    },
    {
      a: birch!,
      b: cedar!,
      aName: 'Birch Imports',
      bName: '=Cedar Goods',
      score: 0.71,
      weight: 1.3,
      evidence: ['same address'],
    },
  ]);
});
afterAll(() => h.close());

describe('GET /api/resolve/candidates', () => {
  it('lists the candidates best first with their evidence, filtered and paged', async () => {
    const all = bodyOf(ResolveCandidatesAnswer, await inv.get('/api/resolve/candidates'));
    expect(all.total).toBe(2);
    expect(all.candidates.map((c) => [c.id, c.status, c.evidence])).toEqual([
      [ALDER_BIRCH, 'open', ['same phone']],
      [BIRCH_CEDAR, 'open', ['same address']],
    ]);
    const high = bodyOf(
      ResolveCandidatesAnswer,
      await inv.get('/api/resolve/candidates').query({ minScore: 0.9 }),
    );
    expect(high.candidates.map((c) => c.id)).toEqual([ALDER_BIRCH]);
    const page = bodyOf(
      ResolveCandidatesAnswer,
      await inv.get('/api/resolve/candidates').query({ limit: 1, offset: 1 }),
    );
    expect([page.candidates.map((c) => c.id), page.total]).toEqual([[BIRCH_CEDAR], 2]);
  });

  it('refuses an unknown status, naming the parameter', async () => {
    const bad = await inv.get('/api/resolve/candidates').query({ status: 'merged' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(errorOf(bad))).toContain('query.status');
  });
});

describe('accept, reject and reopen', () => {
  it('accepts a candidate with who and when, audits it, and a later reject undoes it', async () => {
    const before = h.services.audit.head()?.seq ?? 0;
    const accepted = await inv.post(`/api/resolve/candidates/${ALDER_BIRCH}/accept`);
    expect(accepted.status).toBe(200);
    const { candidate } = bodyOf(ResolveReviewAnswer, accepted);
    expect(candidate).toMatchObject({ id: ALDER_BIRCH, status: 'accepted', reviewedBy: 'investigator' });
    expect(Date.parse(candidate.reviewedAt ?? '')).toBeGreaterThan(0);
    expect(await h.store.sameAsPairs()).toEqual([[alder, birch]]);
    const open = bodyOf(
      ResolveCandidatesAnswer,
      await inv.get('/api/resolve/candidates').query({ status: 'open' }),
    );
    expect(open.candidates.map((c) => c.id)).toEqual([BIRCH_CEDAR]);

    const officer = await h.as('case_officer');
    const rejected = await officer.post(`/api/resolve/candidates/${ALDER_BIRCH}/reject`);
    expect(bodyOf(ResolveReviewAnswer, rejected).candidate).toMatchObject({
      status: 'rejected',
      reviewedBy: 'case-officer',
    });
    expect(await h.store.sameAsPairs()).toEqual([]);

    const reviews = h.services.audit
      .list({ limit: 20 })
      .filter((e) => e.seq > before && e.action === 'resolve_review');
    // Newest first.
    expect(reviews.map((e) => [e.username, e.target, e.detail])).toEqual([
      [
        'case-officer',
        ALDER_BIRCH,
        { decision: 'rejected', a: 'Importer:IM-001', b: 'Importer:IM-002', score: 0.93 },
      ],
      [
        'investigator',
        ALDER_BIRCH,
        { decision: 'accepted', a: 'Importer:IM-001', b: 'Importer:IM-002', score: 0.93 },
      ],
    ]);
  });

  it('reopens a reviewed candidate: open again, listed again, two parties again, audited', async () => {
    const before = h.services.audit.head()?.seq ?? 0;
    await inv.post(`/api/resolve/candidates/${ALDER_BIRCH}/accept`);
    expect(await h.store.sameAsPairs()).toEqual([[alder, birch]]);
    const reopened = await inv.post(`/api/resolve/candidates/${ALDER_BIRCH}/reopen`);
    expect(reopened.status).toBe(200);
    expect(bodyOf(ResolveReviewAnswer, reopened).candidate).toMatchObject({
      id: ALDER_BIRCH,
      status: 'open',
      reviewedBy: 'investigator',
    });
    expect(await h.store.sameAsPairs()).toEqual([]);
    const open = bodyOf(
      ResolveCandidatesAnswer,
      await inv.get('/api/resolve/candidates').query({ status: 'open' }),
    );
    expect(open.candidates.map((c) => c.id).sort()).toEqual([ALDER_BIRCH, BIRCH_CEDAR].sort());
    const reviews = h.services.audit
      .list({ limit: 20 })
      .filter((e) => e.seq > before && e.action === 'resolve_review');
    expect(reviews.map((e) => (e.detail as { decision: string }).decision)).toEqual(['open', 'accepted']);
    expect((await inv.post('/api/resolve/candidates/0123456789abcdef/reopen')).status).toBe(404);
  });

  it('answers 404 for an unknown candidate and 400 for a malformed id', async () => {
    const unknown = await inv.post('/api/resolve/candidates/0123456789abcdef/accept');
    expect(unknown.status).toBe(404);
    expect((await inv.post('/api/resolve/candidates/nope/accept')).status).toBe(400);
  });
});

describe('POST /api/jobs/resolve', () => {
  let jh: Harness;
  beforeAll(async () => {
    jh = await startHarness({ pipelines: PIPELINES });
    // A second registration of Alder Trading under another id: the duplicate to find.
    const session = await jh.store.beginImport({ fileHash: 'c'.repeat(64), fileName: 'again.csv', rows: 1 });
    await session.write({
      nodes: [
        {
          label: 'Importer',
          id: 'IM-101',
          props: { name: 'ALDER TRADING LTD', country: 'GB' },
          source: null,
        },
      ],
      rels: [],
    });
    await session.commit();
  });
  afterAll(() => jh.close());

  it('resolves the store’s parties as a job, stores the candidates and reports progress', async () => {
    const admin = await jh.as('admin');
    const res = await admin.post('/api/jobs/resolve').send({ minScore: 0.01 });
    expect(res.status).toBe(202);
    const { job } = z
      .object({ job: z.object({ id: z.string(), kind: z.literal('resolve') }) })
      .parse(res.body);
    await jh.services.jobs.idle();
    const done = jh.services.jobs.require(job.id);
    expect(done.state).toBe('succeeded');
    const stored = await jh.store.listResolveLinks({ offset: 0, limit: 0 });
    expect(done.result).toEqual({
      parties: (await loadParties(jh.store)).length,
      comparedPairs: expect.any(Number) as number,
      candidates: stored.total,
    });
    const { links } = await jh.store.listResolveLinks({ offset: 0, limit: 10 });
    expect(links.map((l) => [l.a.id, l.b.id, l.status])).toContainEqual(['IM-001', 'IM-101', 'open']);
    expect(done.progress.phase).toBe('storing');
    expect((await admin.post('/api/jobs/resolve').send({ minScore: 0 })).status).toBe(400);
  });
});
