// Contract: search by exact id, declaration id, identifier value (normalised like the ingest)
// and case-insensitive name prefix; ranked id, declaration, identifier, name.
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../../src/model/index.ts';
import type { SearchHit } from '../../src/store/graph-store.ts';
import type { UseStore } from './contract.ts';
import { IDS, loadFixture, ref } from './fixture.ts';
import { storeError } from './contract-helpers.ts';

const keys = (hits: SearchHit[]) => hits.map((h) => `${h.match} ${nodeKey(h.node)}`);

export function describeSearch(use: UseStore): void {
  describe('search', () => {
    it('finds a node by its exact id, whatever its label', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(keys(await store.search('BR-01', { limit: 10 }))).toEqual(['id Broker:BR-01']);
      expect(keys(await store.search('D10/1', { limit: 10 }))).toEqual(['id Shipment:D10/1']);
      expect(keys(await store.search('  PE-2 ', { limit: 10 }))).toEqual(['id Person:PE-2']);
    });

    it('finds the lines of a declaration by its id, and only that declaration', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(keys(await store.search('D1', { limit: 10 }))).toEqual([
        'declaration Shipment:D1/1',
        'declaration Shipment:D1/2',
      ]);
      expect(keys(await store.search('D1', { limit: 1 }))).toEqual(['declaration Shipment:D1/1']);
    });

    it.each([
      ['phone', '0044 20 7946 0000', IDS.phone],
      ['phone', '+44-20-79460000', IDS.phone],
      ['address', '12 HARBOUR   RD', IDS.address],
      ['e-mail', 'INFO@acme.EXAMPLE', IDS.email],
      ['bank account', 'GB29-NWBK-6016-1331-9268-19', IDS.account],
    ])('finds an identifier by a %s written differently (%s)', async (_kind, query, expected) => {
      const { store } = use();
      await loadFixture(store);
      expect(keys(await store.search(query, { limit: 10 }))).toEqual([`identifier ${nodeKey(expected)}`]);
    });

    it('finds names by case-insensitive prefix, ordered by name then key', async () => {
      const { store } = use();
      await loadFixture(store);
      const expected = ['name Importer:IM-002', 'name Importer:IM-001'];
      expect(keys(await store.search('acme', { limit: 10 }))).toEqual(expected);
      expect(keys(await store.search('ACME ', { limit: 10 }))).toEqual(['id Supplier:ACME', ...expected]);
      expect(keys(await store.search('aCmE iMp', { limit: 10 }))).toEqual(['name Importer:IM-002']);
      expect(keys(await store.search('cme', { limit: 10 }))).toEqual([]);
    });

    it('applies the limit after ranking and the labels filter to every kind of match', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(keys(await store.search('ACME', { limit: 2 }))).toEqual([
        'id Supplier:ACME',
        'name Importer:IM-002',
      ]);
      expect(keys(await store.search('ACME', { limit: 10, labels: ['Importer'] }))).toEqual([
        'name Importer:IM-002',
        'name Importer:IM-001',
      ]);
      expect(keys(await store.search('D1', { limit: 10, labels: ['Importer'] }))).toEqual([]);
      expect(keys(await store.search('0044 20 7946 0000', { limit: 10, labels: ['Address'] }))).toEqual([]);
      expect(keys(await store.search('zeta', { limit: 10, labels: ['Supplier', 'Broker'] }))).toEqual([
        'name Supplier:ACME',
      ]);
    });

    it('lists a node once, under its best match', async () => {
      const { store } = use();
      const session = await store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'x.csv', rows: 1 });
      await session.write({
        nodes: [{ ...ref('Importer', 'Omega'), props: { name: 'Omega Freight' }, source: null }],
        rels: [],
      });
      await session.commit();
      expect(keys(await store.search('omega', { limit: 10 }))).toEqual(['name Importer:Omega']);
      expect(keys(await store.search('Omega', { limit: 10 }))).toEqual(['id Importer:Omega']);
    });

    it('answers nothing for blank text or an empty store, and refuses a bad limit', async () => {
      const { store } = use();
      expect(await store.search('acme', { limit: 10 })).toEqual([]);
      await loadFixture(store);
      expect(await store.search('   ', { limit: 10 })).toEqual([]);
      await expect(store.search('acme', { limit: 0 })).rejects.toEqual(storeError('invalid'));
    });
  });
}
