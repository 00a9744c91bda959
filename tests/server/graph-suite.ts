// Exploration endpoints on the fixture world: stats, search, node detail, neighbourhood, paths,
// rings, targets; their validation errors; a store that becomes unavailable and comes back.
// Run on the embedded store (graph.test.ts) and on Neo4j (neo4j.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NodeDetailAnswer,
  PathsAnswer,
  RingDetailAnswer,
  RingsAnswer,
  SearchAnswer,
  StatsAnswer,
  SubgraphAnswer,
  TargetsAnswer,
} from '../../src/api/graph.ts';
import { StoreError } from '../../src/store/errors.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { IMPORTERS, RING_ID, SHIPMENTS } from './support/fixture.ts';
import type { Agent, Harness } from './support/harness.ts';

const key = (k: string) => encodeURIComponent(k);

export function describeGraphSuite(storeName: string, start: () => Promise<Harness>): void {
  describe(`exploration on the ${storeName} store`, () => {
    let h: Harness;
    let inv: Agent;
    beforeAll(async () => {
      h = await start();
      inv = await h.as('investigator');
    });
    afterAll(() => h.close());

    describe('stats and search', () => {
      it('counts nodes and relationships as the store does', async () => {
        const res = await inv.get('/api/stats');
        expect(res.status).toBe(200);
        expect(bodyOf(StatsAnswer, res).nodes).toEqual((await h.store.counts()).nodes);
        expect(bodyOf(StatsAnswer, res).lastRun?.runId).toBe('run-1');
      });

      it('finds by name prefix and by id, and filters by label', async () => {
        const res = await inv.get('/api/search').query({ q: 'alder' });
        expect(res.status).toBe(200);
        expect(bodyOf(SearchAnswer, res).hits[0]).toMatchObject({
          key: 'Importer:IM-001',
          name: 'Alder Trading',
          match: 'name',
        });
        const byId = await inv.get('/api/search').query({ q: 'BR-01', labels: 'Broker,Importer' });
        expect(bodyOf(SearchAnswer, byId).hits.map((x) => x.key)).toEqual(['Broker:BR-01']);
        const none = await inv.get('/api/search').query({ q: 'BR-01', labels: 'Importer' });
        expect(bodyOf(SearchAnswer, none).hits).toEqual([]);
      });

      it('finds as investigators type: lower-case ids, fragments and typos, saying what matched', async () => {
        const lower = await inv.get('/api/search').query({ q: 'im-001' });
        expect(lower.status).toBe(200);
        expect(bodyOf(SearchAnswer, lower).hits[0]).toMatchObject({
          key: 'Importer:IM-001',
          match: 'text',
          matched: 'id',
        });
        const typo = await inv.get('/api/search').query({ q: 'Aldre Trading' });
        expect(bodyOf(SearchAnswer, typo).hits[0]).toMatchObject({
          key: 'Importer:IM-001',
          match: 'fuzzy',
          matched: 'name',
        });
        const none = await inv.get('/api/search').query({ q: 'qqqzzzxx' });
        expect(none.status).toBe(200);
        expect(bodyOf(SearchAnswer, none).hits).toEqual([]);
      });

      it('rejects an empty query, an unknown label, a bad limit and unknown parameters', async () => {
        expect((await inv.get('/api/search')).status).toBe(400);
        expect(
          (await inv.get('/api/search').query({ q: 'a', labels: 'Importer) DETACH DELETE n //' })).status,
        ).toBe(400);
        expect((await inv.get('/api/search').query({ q: 'a', limit: 0 })).status).toBe(400);
        const extra = await inv.get('/api/search').query({ q: 'a', cypher: 'MATCH (n) RETURN n' });
        expect(extra.status).toBe(400);
        expect(errorOf(extra).issues?.length).toBeGreaterThan(0);
      });
    });

    describe('node detail', () => {
      it('returns properties, source, risk, rings and the shipments summary, and audits the view', async () => {
        const res = await inv.get(`/api/nodes/${key('Importer:IM-001')}`);
        expect(res.status).toBe(200);
        const detail = bodyOf(NodeDetailAnswer, res);
        expect(detail.node).toMatchObject({ key: 'Importer:IM-001', name: 'Alder Trading', risk: 0.5 });
        expect(detail.node.source?.row).toBe(1);
        expect(detail.risk?.ringIds).toEqual([RING_ID]);
        expect(detail.rings.map((r) => r.id)).toEqual([RING_ID]);
        const mine = SHIPMENTS.filter((_, i) => i % 3 === 0);
        expect(detail.shipments.count).toBe(mine.length);
        expect(detail.shipments.totalValue).toBe(mine.reduce((s, n) => s + Number(n.props.customsValue), 0));
        expect(String(detail.shipments.first) <= String(detail.shipments.last)).toBe(true);
        const audit = h.services.audit.list({ limit: 5, action: 'view_node' });
        expect(audit[0]).toMatchObject({ username: 'investigator', target: 'Importer:IM-001' });
      });

      it('answers 404 for an unknown node and 400 for a malformed key', async () => {
        expect((await inv.get(`/api/nodes/${key('Importer:NOPE')}`)).status).toBe(404);
        expect((await inv.get(`/api/nodes/${key('Nonsense:1')}`)).status).toBe(400);
        expect((await inv.get('/api/nodes/no-colon')).status).toBe(400);
      });
    });

    describe('neighbourhood', () => {
      it('expands hops, filters labels and flags truncation', async () => {
        const one = await inv
          .get(`/api/nodes/${key('Address:12 dock road london')}/neighbourhood`)
          .query({ hops: 1 });
        expect(one.status).toBe(200);
        expect(
          bodyOf(SubgraphAnswer, one)
            .nodes.map((n) => n.key)
            .sort(),
        ).toEqual(['Address:12 dock road london', ...IMPORTERS.map((i) => `Importer:${i.id}`)].sort());
        expect(bodyOf(SubgraphAnswer, one).edges.every((e) => e.type === 'HAS_ADDRESS')).toBe(true);
        expect(bodyOf(SubgraphAnswer, one).truncated).toBe(false);
        const cut = await inv
          .get(`/api/nodes/${key('Address:12 dock road london')}/neighbourhood`)
          .query({ hops: 2, limit: 3 });
        expect(bodyOf(SubgraphAnswer, cut).nodes).toHaveLength(3);
        expect(bodyOf(SubgraphAnswer, cut).truncated).toBe(true);
        const onlyPeople = await inv
          .get(`/api/nodes/${key('Importer:IM-001')}/neighbourhood`)
          .query({ labels: 'Person' });
        expect(
          bodyOf(SubgraphAnswer, onlyPeople)
            .nodes.map((n) => n.label)
            .sort(),
        ).toEqual(['Importer', 'Person']);
      });

      it('drops parties below the minimum risk, keeping the start node', async () => {
        const res = await inv
          .get(`/api/nodes/${key('Address:12 dock road london')}/neighbourhood`)
          .query({ minRisk: 0.65 });
        expect(
          bodyOf(SubgraphAnswer, res)
            .nodes.map((n) => n.key)
            .sort(),
        ).toEqual(['Address:12 dock road london', 'Importer:IM-003']);
      });

      it('answers 404 for a start node the store does not hold', async () => {
        const res = await inv.get(`/api/nodes/${key('Importer:NO-SUCH-FIRM')}/neighbourhood`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('dock road');
      });

      it('validates hops, dates and HS prefix', async () => {
        const url = `/api/nodes/${key('Importer:IM-001')}/neighbourhood`;
        expect((await inv.get(url).query({ hops: 4 })).status).toBe(400);
        expect((await inv.get(url).query({ dateFrom: '2024-13' })).status).toBe(400);
        expect((await inv.get(url).query({ hsPrefix: "61' OR 1=1" })).status).toBe(400);
      });
    });

    describe('paths', () => {
      it('finds the shortest and k shortest paths between two firms', async () => {
        const res = await inv
          .get('/api/paths')
          .query({ from: 'Importer:IM-001', to: 'Importer:IM-002', k: 2, maxLength: 4 });
        expect(res.status).toBe(200);
        const { paths } = bodyOf(PathsAnswer, res);
        expect(paths).toHaveLength(2);
        const first = paths[0];
        if (!first) throw new Error('no path');
        expect(first.nodes[0]?.key).toBe('Importer:IM-001');
        expect(first.nodes.at(-1)?.key).toBe('Importer:IM-002');
        expect(first.edges).toHaveLength(first.nodes.length - 1);
      });

      it('validates k, maxLength and the keys', async () => {
        expect(
          (await inv.get('/api/paths').query({ from: 'Importer:IM-001', to: 'Importer:IM-002', k: 6 }))
            .status,
        ).toBe(400);
        expect(
          (
            await inv
              .get('/api/paths')
              .query({ from: 'Importer:IM-001', to: 'Importer:IM-002', maxLength: 9 })
          ).status,
        ).toBe(400);
        expect((await inv.get('/api/paths').query({ from: 'Importer:IM-001' })).status).toBe(400);
        expect(
          (await inv.get('/api/paths').query({ from: 'Importer:IM-001', to: 'Importer:NONE' })).status,
        ).toBe(404);
      });
    });

    describe('rings and targets', () => {
      it('lists rings ranked and filtered', async () => {
        const res = await inv.get('/api/rings');
        expect(bodyOf(RingsAnswer, res).total).toBe(1);
        expect(bodyOf(RingsAnswer, res).rings[0]).toMatchObject({ id: RING_ID, memberCount: 4 });
        expect(bodyOf(RingsAnswer, await inv.get('/api/rings').query({ minScore: 0.9 })).total).toBe(0);
        expect(bodyOf(RingsAnswer, await inv.get('/api/rings').query({ typology: 'phoenix' })).total).toBe(0);
        expect((await inv.get('/api/rings').query({ typology: 'bogus' })).status).toBe(400);
      });

      it('shows one ring with its members and evidence edges, and audits the view', async () => {
        const res = await inv.get(`/api/rings/${RING_ID}`);
        expect(res.status).toBe(200);
        const detail = bodyOf(RingDetailAnswer, res);
        expect(detail.ring.id).toBe(RING_ID);
        expect(detail.nodes.map((n) => n.key)).toEqual(
          expect.arrayContaining(['Importer:IM-001', 'Person:P-01', 'Address:12 dock road london']),
        );
        expect(detail.edges).toHaveLength(3);
        expect(h.services.audit.list({ limit: 1, action: 'view_ring' })[0]?.target).toBe(RING_ID);
        expect((await inv.get('/api/rings/R-none')).status).toBe(404);
      });

      it('ranks inspection targets for enforcement', async () => {
        const res = await (await h.as('enforcement')).get('/api/targets').query({ limit: 1 });
        expect(res.status).toBe(200);
        const { lines } = bodyOf(TargetsAnswer, res);
        expect(lines).toHaveLength(1);
        expect(lines[0]?.declarationId).toBe('DECL-0006');
      });
    });

    describe('store availability', () => {
      it('answers 503 while the store is unavailable and recovers when it returns', async () => {
        h.fault.error = new StoreError('unavailable', 'connection refused to bolt://10.0.0.1 user=neo4j');
        const down = await inv.get('/api/stats');
        expect(down.status).toBe(503);
        expect(errorOf(down).code).toBe('unavailable');
        expect(JSON.stringify(down.body)).not.toContain('bolt://');
        h.fault.error = null;
        expect((await inv.get('/api/stats')).status).toBe(200);
      });

      it('answers unexpected failures generically with the request id', async () => {
        h.fault.error = new Error('SqliteError: no such table secret_internal');
        const res = await inv.get('/api/stats');
        h.fault.error = null;
        expect(res.status).toBe(500);
        expect(errorOf(res).code).toBe('internal');
        expect(JSON.stringify(res.body)).not.toContain('secret_internal');
        expect(errorOf(res).requestId).toBe(res.headers['x-request-id']);
      });
    });
  });
}
