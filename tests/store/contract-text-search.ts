// Contract: full-text search of parties and identifiers (src/store/text-search.ts) on each
// store's own index — lower-case ids, name, address and city fragments, phone fragments with or
// without spaces, typos — ranked the same, kept by imports, untouched by a failed one.
import { describe, expect, it } from 'vitest';
import { nodeKey, relId } from '../../src/model/index.ts';
import type { GraphNode } from '../../src/model/index.ts';
import type { TextHit } from '../../src/store/graph-store.ts';
import type { UseStore } from './contract.ts';
import { storeError } from './contract-helpers.ts';
import { loadFixture, ref } from './fixture.ts';

const hits = (found: TextHit[]) => found.map((h) => `${h.quality} ${h.field} ${nodeKey(h.node)}`);

const street: GraphNode = {
  ...ref('Address', 'beursplein 92 1012 js amsterdam'),
  props: { value: 'Beursplein 92, 1012 JS Amsterdam' },
  source: null,
};
const supply: GraphNode = {
  ...ref('Supplier', 'SU-NL-7'),
  props: { name: 'Delta Supply V.O.F.' },
  source: null,
};

async function importNodes(use: UseStore, hash: string, nodes: GraphNode[]): Promise<void> {
  const session = await use().store.beginImport({ fileHash: hash.repeat(64), fileName: 'more.csv', rows: 1 });
  await session.write({ nodes, rels: [] });
  await session.commit();
}

export function describeTextSearch(use: UseStore): void {
  describe('full-text search', () => {
    it('finds ids typed in lower case, name fragments and addresses with their city', async () => {
      const { store } = use();
      await loadFixture(store);
      await importNodes(use, 'f', [street, supply]);
      expect(hits(await store.searchText('im-003', { limit: 10 }))).toEqual(['prefix id Importer:IM-003']);
      expect(hits(await store.searchText('Supply V.O.F.', { limit: 10 }))).toEqual([
        'prefix name Supplier:SU-NL-7',
      ]);
      expect(hits(await store.searchText('customs agency', { limit: 10 }))).toEqual([
        'prefix name Broker:BR-01',
      ]);
      expect(hits(await store.searchText('Beursplein 92', { limit: 10 }))).toEqual([
        'prefix id Address:beursplein 92 1012 js amsterdam',
      ]);
      expect(hits(await store.searchText('amsterdam', { limit: 10 }))).toEqual([
        'prefix id Address:beursplein 92 1012 js amsterdam',
      ]);
    });

    it('ranks by kind, then field: a harbour in an address id before one in a name', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(hits(await store.searchText('HARBOUR', { limit: 10 }))).toEqual([
        'prefix id Address:12 harbour rd',
        'prefix name Importer:IM-003',
      ]);
      expect(hits(await store.searchText('harbour', { limit: 1 }))).toEqual([
        'prefix id Address:12 harbour rd',
      ]);
      expect(hits(await store.searchText('harbour', { limit: 10, labels: ['Importer'] }))).toEqual([
        'prefix name Importer:IM-003',
      ]);
    });

    it('finds a phone by a fragment typed with or without spaces', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(hits(await store.searchText('7946 0000', { limit: 10 }))).toEqual([
        'prefix value Phone:442079460000',
      ]);
      expect(hits(await store.searchText('2079460', { limit: 10 }))).toEqual([
        'substring id Phone:442079460000',
      ]);
    });

    it('tolerates typos: a transposition, a missing letter, a word cut short', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(hits(await store.searchText('Hanio Textiles', { limit: 10 }))).toEqual([
        'fuzzy name Supplier:SU-VN-1',
      ]);
      expect(hits(await store.searchText('zenth goods', { limit: 10 }))).toEqual([
        'fuzzy name Importer:IM-004',
      ]);
      expect(hits(await store.searchText('swift agen', { limit: 10 }))).toEqual(['fuzzy name Broker:BR-01']);
    });

    it('answers an empty list for no match, short or blank text, and refuses a bad limit', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(await store.searchText('qqqzzzxx', { limit: 10 })).toEqual([]);
      expect(await store.searchText('ac', { limit: 10 })).toEqual([]);
      expect(await store.searchText('  ', { limit: 10 })).toEqual([]);
      await expect(store.searchText('acme', { limit: 0 })).rejects.toEqual(storeError('invalid'));
    });

    it('follows a node written again, each time', async () => {
      const { store } = use();
      await loadFixture(store);
      await importNodes(use, 'd', [
        { ...ref('Importer', 'IM-004'), props: { name: 'Polar Freight' }, source: null },
      ]);
      expect(await store.searchText('zenith', { limit: 10 })).toEqual([]);
      expect(hits(await store.searchText('polar', { limit: 10 }))).toEqual(['prefix name Importer:IM-004']);
      await loadFixture(store);
      expect(await store.searchText('polar', { limit: 10 })).toEqual([]);
      expect(hits(await store.searchText('zenith', { limit: 10 }))).toEqual(['prefix name Importer:IM-004']);
    });

    it('holds nothing of an aborted or failed import', async () => {
      const { store } = use();
      await loadFixture(store);
      const quokka = { ...ref('Importer', 'IM-777'), props: { name: 'Quokka Imports' }, source: null };
      const aborted = await store.beginImport({ fileHash: 'b'.repeat(64), fileName: 'a.csv', rows: 1 });
      await aborted.write({ nodes: [quokka], rels: [] });
      await aborted.abort();
      expect(await store.searchText('quokka', { limit: 10 })).toEqual([]);
      const failed = await store.beginImport({ fileHash: 'c'.repeat(64), fileName: 'f.csv', rows: 1 });
      await failed.write({ nodes: [quokka], rels: [] });
      const dangling = ref('Importer', 'IM-404');
      const rel = {
        id: relId('SUCCEEDS', quokka, dangling),
        type: 'SUCCEEDS' as const,
        from: quokka,
        to: dangling,
        props: {},
      };
      await expect(failed.write({ nodes: [], rels: [rel] })).rejects.toEqual(storeError('invalid'));
      await failed.abort();
      expect(await store.searchText('quokka', { limit: 10 })).toEqual([]);
    });
  });
}
