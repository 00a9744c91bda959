// Contract: import sessions commit as a whole or not at all, one at a time.
import { describe, expect, it } from 'vitest';
import { relId } from '../../src/model/index.ts';
import type { GraphNode } from '../../src/model/index.ts';
import type { UseStore } from './contract.ts';
import { FILE_HASH, fixtureBatch, IDS, loadFixture, ref } from './fixture.ts';
import { storeError } from './contract-helpers.ts';

const OTHER_HASH = 'c'.repeat(64);
const newcomer: GraphNode = {
  ...ref('Importer', 'IM-NEW'),
  props: { name: 'Newcomer' },
  source: { file: OTHER_HASH, row: 1 },
};

export function describeImports(use: UseStore): void {
  describe('import sessions', () => {
    it('makes a committed file visible and records it', async () => {
      const { store } = use();
      expect(await store.findImport(FILE_HASH)).toBeNull();
      expect(await store.listImports()).toEqual([]);
      const batch = await loadFixture(store);
      const record = await store.findImport(FILE_HASH);
      expect(record).toMatchObject({
        fileHash: FILE_HASH,
        fileName: 'fixture.csv',
        rows: batch.nodes.length,
      });
      expect(Number.isNaN(Date.parse(record?.importedAt ?? ''))).toBe(false);
      expect(await store.listImports()).toEqual([record]);
      expect(await store.getNode(IDS.acmeTrading)).not.toBeNull();
    });

    it('leaves the store as it was when aborted', async () => {
      const { store } = use();
      await loadFixture(store);
      const before = await store.counts();
      const session = await store.beginImport({ fileHash: OTHER_HASH, fileName: 'more.csv', rows: 2 });
      await session.write({
        nodes: [newcomer, { ...IDS.acmeTrading, props: { name: 'Changed' }, source: null }],
        rels: [
          {
            id: relId('HAS_ADDRESS', newcomer, IDS.address),
            type: 'HAS_ADDRESS',
            from: newcomer,
            to: IDS.address,
            props: {},
          },
        ],
      });
      await session.abort();
      expect(await store.counts()).toEqual(before);
      expect(await store.getNode(newcomer)).toBeNull();
      expect((await store.getNode(IDS.acmeTrading))?.props.name).toBe('Acme Trading');
      expect(await store.findImport(OTHER_HASH)).toBeNull();
    });

    it('rolls the whole file back when a write fails, and refuses to commit it', async () => {
      const { store } = use();
      await loadFixture(store);
      const before = await store.counts();
      const session = await store.beginImport({ fileHash: OTHER_HASH, fileName: 'bad.csv', rows: 2 });
      await session.write({ nodes: [newcomer], rels: [] });
      const missing = ref('Address', 'nowhere');
      const dangling = {
        id: relId('HAS_ADDRESS', newcomer, missing),
        type: 'HAS_ADDRESS' as const,
        from: newcomer,
        to: missing,
        props: {},
      };
      await expect(session.write({ nodes: [], rels: [dangling] })).rejects.toEqual(storeError('invalid'));
      await expect(session.commit()).rejects.toEqual(storeError('invalid'));
      await session.abort();
      expect(await store.counts()).toEqual(before);
      expect(await store.getNode(newcomer)).toBeNull();
      expect(await store.findImport(OTHER_HASH)).toBeNull();
      // The store takes the next import normally.
      const next = await store.beginImport({ fileHash: OTHER_HASH, fileName: 'good.csv', rows: 1 });
      await next.write({ nodes: [newcomer], rels: [] });
      await next.commit();
      expect(await store.getNode(newcomer)).not.toBeNull();
    });

    it('refuses a second import while one is open', async () => {
      const { store } = use();
      const first = await store.beginImport({ fileHash: FILE_HASH, fileName: 'one.csv', rows: 0 });
      await expect(store.beginImport({ fileHash: OTHER_HASH, fileName: 'two.csv', rows: 0 })).rejects.toEqual(
        storeError('conflict'),
      );
      await first.abort();
      const second = await store.beginImport({ fileHash: OTHER_HASH, fileName: 'two.csv', rows: 0 });
      await second.commit();
      expect((await store.listImports()).map((r) => r.fileName)).toEqual(['two.csv']);
    });

    it('commits an empty file as an import that wrote nothing', async () => {
      const { store } = use();
      const session = await store.beginImport({ fileHash: OTHER_HASH, fileName: 'empty.csv', rows: 0 });
      await session.write({ nodes: [], rels: [] });
      await session.commit();
      expect(await store.counts()).toEqual({ nodes: {}, rels: {} });
      expect((await store.findImport(OTHER_HASH))?.rows).toBe(0);
    });

    it.each([
      ['an unknown label', { nodes: [{ ...newcomer, label: 'Villain' }], rels: [] }],
      ['an empty id', { nodes: [{ ...newcomer, id: '' }], rels: [] }],
      ['a non-finite number', { nodes: [{ ...newcomer, props: { value: Number.NaN } }], rels: [] }],
      ['a nested object', { nodes: [{ ...newcomer, props: { value: { a: 1 } } }], rels: [] }],
      [
        'a relationship id not derived from its ends',
        {
          nodes: [newcomer],
          rels: [{ id: 'made-up', type: 'HAS_ADDRESS', from: newcomer, to: IDS.address, props: {} }],
        },
      ],
      [
        'an unknown relationship type',
        {
          nodes: [newcomer],
          rels: [
            {
              id: relId('LIKES' as 'SUCCEEDS', newcomer, IDS.lonely),
              type: 'LIKES',
              from: newcomer,
              to: IDS.lonely,
              props: {},
            },
          ],
        },
      ],
    ])('rejects a batch with %s and writes nothing', async (_what, batch) => {
      const { store } = use();
      await loadFixture(store);
      const before = await store.counts();
      const session = await store.beginImport({ fileHash: OTHER_HASH, fileName: 'bad.csv', rows: 1 });
      await expect(session.write(batch as never)).rejects.toEqual(storeError('invalid'));
      await session.abort();
      expect(await store.counts()).toEqual(before);
    });

    it('treats re-importing the same content as a no-op on counts', async () => {
      const { store } = use();
      await loadFixture(store);
      const before = await store.counts();
      const session = await store.beginImport({
        fileHash: FILE_HASH,
        fileName: 'fixture-again.csv',
        rows: 1,
      });
      await session.write(fixtureBatch());
      await session.commit();
      expect(await store.counts()).toEqual(before);
      expect(await store.listImports()).toHaveLength(1);
    });
  });
}
