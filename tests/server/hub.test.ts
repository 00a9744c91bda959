// A hub with more lines than one answer holds: the entity totals and timeline still cover every
// line, its neighbours are walked page by page past 3,200, its trade links list the largest and
// group the rest, and a link's lines page by cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDetailAnswer } from '../../src/api/graph.ts';
import { NeighboursAnswer, TradeLinkLinesAnswer, TradeLinksAnswer } from '../../src/api/trade.ts';
import { nodeKey } from '../../src/model/index.ts';
import { testConfig } from '../../server/config.ts';
import { bodyOf, errorOf } from './support/body.ts';
import { startHarness, type Agent, type Harness } from './support/harness.ts';
import { HUB, HUB_IMPORTERS, HUB_LINES, HUB_VALUE, hubDate, hubImporter, loadHub } from './support/hub.ts';

let h: Harness;
let inv: Agent;
beforeAll(async () => {
  h = await startHarness();
  await loadHub(h.store);
  inv = await h.as('investigator');
});
afterAll(() => h.close());

const hubKey = encodeURIComponent(nodeKey(HUB));
const dates = Array.from({ length: HUB_LINES }, (_, i) => hubDate(i)).sort();

describe('a hub', () => {
  it('gives totals and a monthly timeline over every line, not over the cut series', async () => {
    const detail = bodyOf(NodeDetailAnswer, await inv.get(`/api/nodes/${hubKey}`));
    expect(detail.shipments).toMatchObject({
      count: HUB_LINES,
      totalValue: HUB_VALUE,
      first: dates[0],
      last: dates.at(-1),
      truncated: true,
    });
    expect(detail.shipments.series).toHaveLength(2000);
    expect(detail.shipments.timeline).toHaveLength(33);
    expect(detail.shipments.timeline[0]).toEqual({ month: '2023-01', lines: 100, value: 5050 });
    expect(detail.shipments.timeline.reduce((n, m) => n + m.lines, 0)).toBe(HUB_LINES);
  });

  it('walks all 3,300 neighbours page by page, where one neighbourhood read is refused', async () => {
    const whole = await inv.get(`/api/nodes/${hubKey}/neighbourhood`).query({ limit: 3200 });
    expect(whole.status).toBe(400);
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const res = await inv
        .get(`/api/nodes/${hubKey}/neighbours`)
        .query({ limit: 2000, ...(after ? { after } : {}) });
      expect(res.status).toBe(200);
      const page = bodyOf(NeighboursAnswer, res);
      pages += 1;
      expect(page.total).toBe(HUB_LINES);
      expect(page.edges).toHaveLength(page.nodes.length);
      for (const n of page.nodes) seen.add(n.key);
      if (page.next === null) break;
      after = page.next;
    }
    expect(pages).toBe(2);
    expect(seen.size).toBe(HUB_LINES);
    const tooMany = await inv.get(`/api/nodes/${hubKey}/neighbours`).query({ limit: 2001 });
    expect(tooMany.status).toBe(400);
  });

  it('lists its largest trade links and groups the others, over every line', async () => {
    const res = await inv.get('/api/graph/trade-links').query({ key: nodeKey(HUB), limit: 50 });
    expect(res.status).toBe(200);
    const answer = bodyOf(TradeLinksAnswer, res);
    expect(answer.links).toHaveLength(50);
    // Importer 299 has lines 299, 899, … 3299: six lines worth 10,800, the most of any.
    expect(answer.links[0]).toMatchObject({
      id: `TRADES|Broker:BR-HUB|${nodeKey(hubImporter(299))}`,
      role: 'importer',
      lines: 6,
      value: 10800,
      first: hubDate(299),
      last: hubDate(3299),
    });
    expect(answer.more).toHaveLength(1);
    expect(answer.more[0]).toMatchObject({ role: 'importer', parties: HUB_IMPORTERS - 50 });
    const lines = answer.links.reduce((n, l) => n + l.lines, 0) + (answer.more[0]?.lines ?? 0);
    const value = answer.links.reduce((n, l) => n + l.value, 0) + (answer.more[0]?.value ?? 0);
    expect([lines, value]).toEqual([HUB_LINES, HUB_VALUE]);
    const audit = h.services.audit.list({ limit: 1, action: 'view_trade_links' })[0];
    expect(audit).toMatchObject({ target: 'Broker:BR-HUB', detail: { links: 50, groups: 1 } });
  });

  it("gives an importer's links to its broker and its suppliers", async () => {
    const answer = bodyOf(
      TradeLinksAnswer,
      await inv.get('/api/graph/trade-links').query({ key: nodeKey(hubImporter(0)) }),
    );
    expect(answer.links.map((l) => `${l.role} ${l.other.key} ${l.lines}`)).toEqual([
      'broker Broker:BR-HUB 6',
      // Lines 3000, 2400, 1800, 1200, 600 and 0: largest first.
      'supplier Supplier:SU-H4 1',
      'supplier Supplier:SU-H6 1',
      'supplier Supplier:SU-H1 1',
      'supplier Supplier:SU-H3 1',
      'supplier Supplier:SU-H5 1',
      'supplier Supplier:SU-H0 1',
    ]);
    expect(answer.more).toEqual([]);
  });

  it("pages one link's lines by cursor and refuses what is not a link or a cursor", async () => {
    const link = { from: nodeKey(HUB), to: nodeKey(hubImporter(299)) };
    const first = bodyOf(
      TradeLinkLinesAnswer,
      await inv.get('/api/graph/trade-link-lines').query({ ...link, limit: 4 }),
    );
    expect(first.lines.map((l) => l.shipmentId)).toEqual(['HUB299/1', 'HUB899/1', 'HUB1499/1', 'HUB2099/1']);
    expect(first.next).not.toBeNull();
    const rest = bodyOf(
      TradeLinkLinesAnswer,
      await inv.get('/api/graph/trade-link-lines').query({ ...link, limit: 4, cursor: first.next }),
    );
    expect(rest).toEqual({
      lines: [
        { shipmentId: 'HUB2699/1', date: hubDate(2699), customsValue: 2700 },
        { shipmentId: 'HUB3299/1', date: hubDate(3299), customsValue: 3300 },
      ],
      next: null,
    });
    const badCursor = await inv.get('/api/graph/trade-link-lines').query({ ...link, cursor: 'nonsense' });
    expect(badCursor.status).toBe(400);
    expect(errorOf(badCursor).message).toMatch(/^cursor:/);
    const notALink = await inv
      .get('/api/graph/trade-link-lines')
      .query({ from: nodeKey(HUB), to: 'Supplier:SU-H1' });
    expect(notALink.status).toBe(400);
    const unknown = await inv.get('/api/graph/trade-links').query({ key: 'Broker:NOPE' });
    expect(unknown.status).toBe(404);
  });
});

describe('a hub read on a read thread', () => {
  it('answers trade links, link lines and neighbour pages as the server thread does', async () => {
    const threaded = await startHarness({
      config: { heavyReads: { ...testConfig().heavyReads, threads: 1 } },
    });
    try {
      await loadHub(threaded.store);
      const agent = await threaded.as('investigator');
      for (const [path, query] of [
        ['/api/graph/trade-links', { key: nodeKey(HUB), limit: 5 }],
        ['/api/graph/trade-link-lines', { from: nodeKey(HUB), to: nodeKey(hubImporter(7)) }],
        [`/api/nodes/${hubKey}/neighbours`, { limit: 3 }],
      ] as const) {
        const [here, there] = await Promise.all([inv.get(path).query(query), agent.get(path).query(query)]);
        expect(there.status, path).toBe(200);
        expect(there.body, path).toEqual(here.body);
      }
    } finally {
      await threaded.close();
    }
  });
});
