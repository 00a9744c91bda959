// Contract: aggregates over a party's declaration lines — by month, its trade links, the lines of
// one link paged by (date, id) — over every line, the same on each store.
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../../src/model/index.ts';
import type { TradeLink } from '../../src/store/trade.ts';
import type { UseStore } from './contract.ts';
import { BIG_ID, IDS, loadFixture } from './fixture.ts';
import { compare } from './contract-helpers.ts';

const links = (found: TradeLink[]) =>
  found.map((l) => `${nodeKey(l.party)} ${l.lines} ${l.value} ${l.first}..${l.last}`).sort(compare);

export function describeTrade(use: UseStore): void {
  describe('aggregates over declaration lines', () => {
    it("gives a party's lines by month over all its lines", async () => {
      const { store } = use();
      await loadFixture(store);
      expect(await store.partyMonths(IDS.broker)).toEqual([
        { month: '2024-01', lines: 3, value: 1510.5, first: '2024-01-10', last: '2024-01-10' },
        { month: '2024-02', lines: 1, value: 900, first: '2024-02-15', last: '2024-02-15' },
        { month: '2024-03', lines: 1, value: 4500, first: '2024-03-20', last: '2024-03-20' },
      ]);
      expect(await store.partyMonths(IDS.hanoi)).toEqual([
        { month: '2023-12', lines: 1, value: 75.25, first: '2023-12-31', last: '2023-12-31' },
        { month: '2024-01', lines: 1, value: 300, first: '2024-01-10', last: '2024-01-10' },
        { month: '2024-03', lines: 1, value: 4500, first: '2024-03-20', last: '2024-03-20' },
      ]);
      expect(await store.partyMonths(IDS.lonely)).toEqual([]);
      expect(await store.partyMonths(IDS.jane)).toEqual([]);
      expect(await store.partyMonths(IDS.address)).toEqual([]);
    });

    it("gives an importer's links to its brokers, suppliers and consignees, and a broker's to its importers", async () => {
      const { store } = use();
      await loadFixture(store);
      expect(links(await store.tradeLinks(IDS.acmeTrading))).toEqual([
        'Broker:BR-01 2 1500.5 2024-01-10..2024-01-10',
        'Consignee:CO-1 1 1200.5 2024-01-10..2024-01-10',
        'Supplier:SU-CN-1 1 1200.5 2024-01-10..2024-01-10',
        'Supplier:SU-VN-1 1 300 2024-01-10..2024-01-10',
      ]);
      expect(links(await store.tradeLinks(IDS.broker))).toEqual([
        `Importer:${BIG_ID} 1 10 2024-01-10..2024-01-10`,
        'Importer:IM-001 2 1500.5 2024-01-10..2024-01-10',
        'Importer:IM-002 1 900 2024-02-15..2024-02-15',
        'Importer:IM-004 1 4500 2024-03-20..2024-03-20',
      ]);
      expect(links(await store.tradeLinks(IDS.hanoi))).toEqual([
        'Importer:IM-001 1 300 2024-01-10..2024-01-10',
        'Importer:IM-003 1 75.25 2023-12-31..2023-12-31',
        'Importer:IM-004 1 4500 2024-03-20..2024-03-20',
      ]);
      expect(await store.tradeLinks(IDS.jane)).toEqual([]);
    });

    it('pages the lines of one link by (date, id), from either end', async () => {
      const { store } = use();
      await loadFixture(store);
      const first = await store.linkLines({ from: IDS.broker, to: IDS.acmeTrading, limit: 1 });
      expect(first).toEqual([{ shipmentId: 'D1/1', date: '2024-01-10', customsValue: 1200.5 }]);
      const next = await store.linkLines({
        from: IDS.acmeTrading,
        to: IDS.broker,
        after: { date: '2024-01-10', shipmentId: 'D1/1' },
        limit: 5,
      });
      expect(next).toEqual([{ shipmentId: 'D1/2', date: '2024-01-10', customsValue: 300 }]);
      expect(await store.linkLines({ from: IDS.acmeTrading, to: IDS.zenith, limit: 5 })).toEqual([]);
      expect(await store.linkLines({ from: IDS.zenith, to: IDS.depot, limit: 5 })).toEqual([]);
    });
  });
}
