// Contract: what was written reads back exactly (ids, prop types, sources), upserts merge, and
// counts follow the distinct nodes and relationships.
import { describe, expect, it } from 'vitest';
import { nodeKey, relId } from '../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, RelType } from '../../src/model/index.ts';
import type { UseStore } from './contract.ts';
import { BIG_ID, FILE_HASH, fixtureBatch, IDS, loadFixture, ref } from './fixture.ts';

const HASH = 'd'.repeat(64);

let written = 0;

/** One more committed import holding these nodes and relationships. */
async function writeOne(use: UseStore, nodes: GraphNode[], rels: GraphRel[] = []): Promise<void> {
  written += 1;
  const session = await use().store.beginImport({
    fileHash: `${HASH}-${written}`,
    fileName: 'more.csv',
    rows: nodes.length,
  });
  await session.write({ nodes, rels });
  await session.commit();
}

export function describeReads(use: UseStore): void {
  describe('reading back', () => {
    it('returns every node exactly as written, ids beyond 2^53 and leading zeros included', async () => {
      const { store } = use();
      const batch = await loadFixture(store);
      for (const node of batch.nodes) {
        expect(await store.getNode(node)).toEqual(node);
      }
      const big = await store.getNode(ref('Importer', BIG_ID));
      expect(big?.id).toBe('0090071992547409931234');
      expect(await store.getNode(ref('Importer', '90071992547409931234'))).toBeNull();
    });

    it('keeps prop types: strings of digits, fractions, large numbers, booleans', async () => {
      const { store } = use();
      const node: GraphNode = {
        ...ref('Shipment', '007/1'),
        props: {
          hsCode: '0901210000',
          declarationId: '007',
          line: 1,
          value: 0.1 + 0.2,
          big: 123456789012.75,
          flag: false,
          yes: true,
          zero: 0,
          negative: -3.5,
          text: 'ünïcode ✓',
        },
        source: { file: FILE_HASH, row: 7 },
      };
      await writeOne(use, [node]);
      expect(await store.getNode(node)).toEqual(node);
    });

    it('leaves null props out (unknown is absent)', async () => {
      const { store } = use();
      await writeOne(use, [{ ...ref('Importer', 'N1'), props: { name: 'N', country: null }, source: null }]);
      expect(await store.getNode(ref('Importer', 'N1'))).toEqual({
        ...ref('Importer', 'N1'),
        props: { name: 'N' },
        source: null,
      });
    });

    it('getNodes returns the nodes that exist and ignores the rest', async () => {
      const { store } = use();
      await loadFixture(store);
      const found = await store.getNodes([
        IDS.broker,
        ref('Broker', 'missing'),
        IDS.jane,
        ref('Person', 'BR-01'),
      ]);
      expect(found.map(nodeKey).sort()).toEqual([nodeKey(IDS.broker), nodeKey(IDS.jane)].sort());
      expect(await store.getNodes([])).toEqual([]);
      expect(await store.getNode(ref('Importer', 'missing'))).toBeNull();
    });
  });

  describe('upsert', () => {
    it('merges props (known incoming values win, unknown ones keep the old value) and keeps the first source', async () => {
      const { store } = use();
      await loadFixture(store);
      const first = await store.getNode(IDS.acmeTrading);
      await writeOne(use, [
        {
          ...IDS.acmeTrading,
          props: { name: 'Acme Trading Ltd', country: null, vatNumber: 'GB123' },
          source: { file: HASH, row: 99 },
        },
      ]);
      const merged = await store.getNode(IDS.acmeTrading);
      expect(merged).toEqual({
        ...IDS.acmeTrading,
        props: { ...first?.props, name: 'Acme Trading Ltd', vatNumber: 'GB123' },
        source: first?.source,
      });
    });

    it('merges relationship props and never duplicates a relationship or a node', async () => {
      const { store } = use();
      await loadFixture(store);
      const before = await store.counts();
      const directs = {
        id: relId('DIRECTS', IDS.jane, IDS.blueHarbour),
        type: 'DIRECTS' as const,
        from: IDS.jane,
        to: IDS.blueHarbour,
      };
      await writeOne(
        use,
        [{ ...IDS.jane, props: {}, source: null }],
        [{ ...directs, props: { to: '2024-06-30', from: null } }],
      );
      expect(await store.counts()).toEqual(before);
      const sub = await store.neighbourhood({ start: IDS.jane, hops: 1, limit: 10 });
      expect(sub.rels.find((r) => r.id === directs.id)).toEqual({
        ...directs,
        props: { from: '2020-01-01', to: '2024-06-30' },
      });
      expect((await store.getNode(IDS.jane))?.props).toEqual({ name: 'Jane Roe' });
    });

    it('applies repeated writes of one node in one session in order', async () => {
      const { store } = use();
      const n = ref('Broker', 'B9');
      await writeOne(use, [
        { ...n, props: { name: 'One', a: 1 }, source: null },
        { ...n, props: { name: 'Two' }, source: null },
        { ...n, props: { name: 'One' }, source: null },
      ]);
      expect((await store.getNode(n))?.props).toEqual({ name: 'One', a: 1 });
      expect((await store.counts()).nodes.Broker).toBe(1);
    });
  });

  describe('counts', () => {
    it('counts nodes by label and relationships by type, leaving out what is absent', async () => {
      const { store } = use();
      expect(await store.counts()).toEqual({ nodes: {}, rels: {} });
      await loadFixture(store);
      const batch = fixtureBatch();
      const nodes: Partial<Record<NodeLabel, number>> = {};
      for (const n of new Map(batch.nodes.map((x) => [nodeKey(x), x])).values())
        nodes[n.label] = (nodes[n.label] ?? 0) + 1;
      const rels: Partial<Record<RelType, number>> = {};
      for (const r of new Map(batch.rels.map((x) => [x.id, x])).values())
        rels[r.type] = (rels[r.type] ?? 0) + 1;
      expect(await store.counts()).toEqual({ nodes, rels });
      expect(nodes.Importer).toBe(6);
      expect(nodes.Shipment).toBe(6);
      expect(rels.IMPORTED_BY).toBe(6);
    });
  });
}
