// Contract: the streamed projection is complete and in the documented order.
import { describe, expect, it } from 'vitest';
import { nodeKey, RelType } from '../../src/model/index.ts';
import type { NodeLabel } from '../../src/model/index.ts';
import type { UseStore } from './contract.ts';
import { fixtureShipments, loadFixture } from './fixture.ts';
import { compare } from './contract-helpers.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function describeStreams(use: UseStore): void {
  describe('streams', () => {
    it('streams the nodes of the labels asked for, complete and in key order', async () => {
      const { store } = use();
      const batch = await loadFixture(store);
      const labels: NodeLabel[] = ['Person', 'Importer', 'Shipment', 'Address'];
      const streamed = await collect(store.streamNodes(labels));
      const expected = batch.nodes
        .filter((n) => labels.includes(n.label))
        .sort((a, b) => compare(nodeKey(a), nodeKey(b)));
      expect(streamed).toEqual(expected);
      expect(await collect(store.streamNodes([]))).toEqual([]);
    });

    it('streams the relationships of the types asked for, each once, in a stable order', async () => {
      const { store } = use();
      const batch = await loadFixture(store);
      const types: RelType[] = ['SUCCEEDS', 'HAS_ADDRESS', 'IMPORTED_BY', 'DIRECTS'];
      const streamed = await collect(store.streamRels(types));
      const byId = (a: { id: string }, b: { id: string }) => compare(a.id, b.id);
      expect([...streamed].sort(byId)).toEqual(batch.rels.filter((r) => types.includes(r.type)).sort(byId));
      expect(await collect(store.streamRels(types))).toEqual(streamed);
      expect(await collect(store.streamRels(RelType.options))).toHaveLength(batch.rels.length);
      expect(await collect(store.streamRels([]))).toEqual([]);
    });

    it('streams every declaration line with its parties by date, declaration id and line', async () => {
      const { store } = use();
      await loadFixture(store);
      const streamed = await collect(store.streamShipments());
      const expected = fixtureShipments().sort(
        (a, b) => compare(a.date, b.date) || compare(a.declarationId, b.declarationId) || a.line - b.line,
      );
      expect(streamed).toEqual(expected);
      expect(streamed.map((s) => `${s.declarationId}/${s.line}`)).toEqual([
        'D4/1',
        'D1/1',
        'D1/2',
        'D10/1',
        'D2/1',
        'D3/1',
      ]);
    });

    it('streams nothing from an empty store and lets a consumer stop early', async () => {
      const { store } = use();
      expect(await collect(store.streamShipments())).toEqual([]);
      await loadFixture(store);
      for await (const node of store.streamNodes(['Importer'])) {
        expect(node.label).toBe('Importer');
        break;
      }
      expect((await store.counts()).nodes.Importer).toBe(6);
    });
  });
}
