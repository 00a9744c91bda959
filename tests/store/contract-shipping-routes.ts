// Contract: the route map of a set of parties — its lines grouped by origin, departure and entry
// office — over every line, each line once however many of the parties name it, the same on each
// store, largest first.
import { describe, expect, it } from 'vitest';
import { relId, shipmentId } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { UseStore } from './contract.ts';
import { IDS, loadFixture, ref } from './fixture.ts';

/** One more line, imported separately: from China, dispatched from Hong Kong, entered at Rotterdam. */
async function loadRoutedLine(store: GraphStore): Promise<void> {
  const line = ref('Shipment', shipmentId('D20', 1));
  const session = await store.beginImport({ fileHash: 'b'.repeat(64), fileName: 'routed.csv', rows: 1 });
  const props = {
    declarationId: 'D20',
    line: 1,
    date: '2024-04-02',
    hsCode: '6109100000',
    customsValue: 250,
    originCountry: 'CN',
    departureCountry: 'HK',
    office: 'NLRTM01',
  };
  await session.write({ nodes: [{ ...line, props, source: { file: 'b'.repeat(64), row: 1 } }], rels: [] });
  const rels = [
    { type: 'IMPORTED_BY' as const, to: IDS.acmeTrading },
    { type: 'SUPPLIED_BY' as const, to: IDS.hanoi },
  ].map(({ type, to }) => ({ id: relId(type, line, to), type, from: line, to, props: {} }));
  await session.write({ nodes: [], rels });
  await session.commit();
}

export function describeShippingRoutes(use: UseStore): void {
  describe('route map aggregate', () => {
    it('groups the lines of a set of parties by origin, departure and office, each line once', async () => {
      const { store } = use();
      await loadFixture(store);
      await loadRoutedLine(store);
      // D1/2 names both parties and D20/1 too: each is counted once.
      expect(await store.shippingRoutes([IDS.acmeTrading, IDS.hanoi])).toEqual([
        {
          origin: 'VN',
          departure: null,
          office: null,
          lines: 2,
          value: 4800,
          first: '2024-01-10',
          last: '2024-03-20',
        },
        {
          origin: 'CN',
          departure: null,
          office: null,
          lines: 1,
          value: 1200.5,
          first: '2024-01-10',
          last: '2024-01-10',
        },
        {
          origin: 'CN',
          departure: 'HK',
          office: 'NLRTM01',
          lines: 1,
          value: 250,
          first: '2024-04-02',
          last: '2024-04-02',
        },
        {
          origin: null,
          departure: null,
          office: null,
          lines: 1,
          value: 75.25,
          first: '2023-12-31',
          last: '2023-12-31',
        },
      ]);
      expect(await store.shippingRoutes([IDS.broker])).toEqual([
        {
          origin: 'VN',
          departure: null,
          office: null,
          lines: 2,
          value: 4800,
          first: '2024-01-10',
          last: '2024-03-20',
        },
        {
          origin: 'CN',
          departure: null,
          office: null,
          lines: 2,
          value: 2100.5,
          first: '2024-01-10',
          last: '2024-02-15',
        },
        {
          origin: null,
          departure: null,
          office: null,
          lines: 1,
          value: 10,
          first: '2024-01-10',
          last: '2024-01-10',
        },
      ]);
    });

    it('has no routes for people, identifiers, parties without lines or no parties', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(await store.shippingRoutes([IDS.jane, IDS.address, IDS.lonely])).toEqual([]);
      expect(await store.shippingRoutes([])).toEqual([]);
    });
  });
}
