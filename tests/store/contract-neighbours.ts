// Contract: a node's direct neighbours page by page in node-key order, walked with a cursor.
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../../src/model/index.ts';
import type { UseStore } from './contract.ts';
import { storeError } from './contract-helpers.ts';
import { IDS, loadFixture, ref } from './fixture.ts';

export function describeNeighbours(use: UseStore): void {
  describe('neighbour pages', () => {
    it('walks a node’s neighbours in key order with a cursor', async () => {
      const { store } = use();
      await loadFixture(store);
      const pages: string[][] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.neighbours({ start: IDS.broker, limit: 2, after });
        expect(page.total).toBe(5);
        expect(page.rels.map((r) => r.type)).toEqual(page.nodes.map(() => 'DECLARED_BY'));
        pages.push(page.nodes.map(nodeKey));
        if (page.next === null) break;
        after = page.next;
      }
      expect(pages).toEqual([
        ['Shipment:D1/1', 'Shipment:D1/2'],
        ['Shipment:D10/1', 'Shipment:D2/1'],
        ['Shipment:D3/1'],
      ]);
    });

    it('filters by label, keeps relationship props, and refuses a missing start or a bad limit', async () => {
      const { store } = use();
      await loadFixture(store);
      const page = await store.neighbours({
        start: IDS.blueHarbour,
        labels: ['Person', 'Importer'],
        limit: 10,
      });
      expect(page.nodes.map(nodeKey)).toEqual(['Person:PE-1']);
      expect(page.rels.map((r) => [r.type, r.props])).toEqual([['DIRECTS', { from: '2020-01-01' }]]);
      expect(page).toMatchObject({ total: 1, next: null });
      await expect(store.neighbours({ start: ref('Importer', 'NOPE'), limit: 5 })).rejects.toEqual(
        storeError('not_found'),
      );
      await expect(store.neighbours({ start: IDS.broker, limit: 0 })).rejects.toEqual(storeError('invalid'));
    });
  });
}
