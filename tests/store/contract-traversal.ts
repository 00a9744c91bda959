// Contract: neighbourhood and path semantics (see graph-store.ts), checked by hand on known
// answers and against the naive reference (tests/store/reference.ts) for many starts and pairs.
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../../src/model/index.ts';
import type { GraphPath, NodeRef, Subgraph } from '../../src/model/index.ts';
import type { NeighbourhoodQuery, PathQuery } from '../../src/store/graph-store.ts';
import type { UseStore } from './contract.ts';
import { IDS, loadFixture, ref } from './fixture.ts';
import { referenceNeighbourhood, referencePaths } from './reference.ts';
import { storeError } from './contract-helpers.ts';

const shape = (s: Subgraph) => ({
  nodes: s.nodes.map(nodeKey),
  rels: s.rels.map((r) => r.id),
  truncated: s.truncated,
});
const pathShape = (paths: GraphPath[]) =>
  paths.map((p) => ({ nodes: p.nodes.map(nodeKey), rels: p.rels.map((r) => r.id) }));

const FILTERS: Omit<NeighbourhoodQuery, 'start' | 'hops'>[] = [
  { limit: 100 },
  { limit: 4 },
  { limit: 100, labels: ['Importer', 'Address', 'Phone', 'Person', 'BankAccount'] },
  { limit: 100, dateFrom: '2024-01-10', dateTo: '2024-02-15' },
  { limit: 100, hsPrefix: '0901' },
];

export function describeTraversal(use: UseStore): void {
  describe('neighbourhood', () => {
    it('returns the start and its neighbours ordered by (hops, key), with the relationships among them', async () => {
      const { store } = use();
      await loadFixture(store);
      const sub = await store.neighbourhood({ start: IDS.acmeTrading, hops: 1, limit: 50 });
      expect(shape(sub).nodes).toEqual([
        'Importer:IM-001',
        'Address:12 harbour rd',
        'Importer:IM-002',
        'Person:PE-1',
        'Phone:442079460000',
        'Shipment:D1/1',
        'Shipment:D1/2',
      ]);
      expect(sub.truncated).toBe(false);
      // IM-002's own address and phone links are among the returned nodes too.
      expect(shape(sub).rels).toEqual([
        'DIRECTS|Person:PE-1|Importer:IM-001',
        'HAS_ADDRESS|Importer:IM-001|Address:12 harbour rd',
        'HAS_ADDRESS|Importer:IM-002|Address:12 harbour rd',
        'HAS_PHONE|Importer:IM-001|Phone:442079460000',
        'HAS_PHONE|Importer:IM-002|Phone:442079460000',
        'IMPORTED_BY|Shipment:D1/1|Importer:IM-001',
        'IMPORTED_BY|Shipment:D1/2|Importer:IM-001',
        'SUCCEEDS|Importer:IM-002|Importer:IM-001',
      ]);
      expect(sub.nodes[0]).toEqual(await store.getNode(IDS.acmeTrading));
    });

    it('cuts at the limit and says so only when more nodes were reachable', async () => {
      const { store } = use();
      await loadFixture(store);
      const cut = await store.neighbourhood({ start: IDS.acmeTrading, hops: 1, limit: 3 });
      expect(shape(cut).nodes).toEqual(['Importer:IM-001', 'Address:12 harbour rd', 'Importer:IM-002']);
      expect(cut.truncated).toBe(true);
      const exact = await store.neighbourhood({ start: IDS.acmeTrading, hops: 1, limit: 7 });
      expect(exact.nodes).toHaveLength(7);
      expect(exact.truncated).toBe(false);
      const alone = await store.neighbourhood({ start: IDS.lonely, hops: 4, limit: 1 });
      expect(shape(alone)).toEqual({ nodes: ['Importer:IM-009'], rels: [], truncated: false });
    });

    it('neither returns nor traverses shipments outside the date range or HS prefix', async () => {
      const { store } = use();
      await loadFixture(store);
      const dated = await store.neighbourhood({
        start: IDS.broker,
        hops: 1,
        limit: 50,
        dateFrom: '2024-02-01',
      });
      expect(shape(dated).nodes).toEqual(['Broker:BR-01', 'Shipment:D2/1', 'Shipment:D3/1']);
      const coffee = await store.neighbourhood({ start: IDS.broker, hops: 2, limit: 50, hsPrefix: '0901' });
      expect(shape(coffee).nodes).toEqual([
        'Broker:BR-01',
        'Shipment:D1/2',
        'Importer:IM-001',
        'Supplier:SU-VN-1',
      ]);
    });

    it('keeps to the labels asked for beyond the start node', async () => {
      const { store } = use();
      await loadFixture(store);
      const firms = await store.neighbourhood({
        start: IDS.jane,
        hops: 3,
        limit: 50,
        labels: ['Importer', 'BankAccount'],
      });
      expect(shape(firms).nodes).toEqual([
        'Person:PE-1',
        'Importer:IM-001',
        'Importer:IM-003',
        'BankAccount:GB29NWBK60161331926819',
        'Importer:IM-002',
      ]);
    });

    it('matches the reference semantics from every start, for each hop count and filter', async () => {
      const { store } = use();
      const batch = await loadFixture(store);
      for (const node of batch.nodes) {
        for (const hops of [1, 2, 3]) {
          for (const filter of FILTERS) {
            const query: NeighbourhoodQuery = { start: { label: node.label, id: node.id }, hops, ...filter };
            expect(shape(await store.neighbourhood(query)), JSON.stringify(query)).toEqual(
              referenceNeighbourhood(batch, query),
            );
          }
        }
      }
    });

    it('refuses an unknown start and hop counts outside 1 to 4', async () => {
      const { store } = use();
      await loadFixture(store);
      await expect(
        store.neighbourhood({ start: ref('Importer', 'missing'), hops: 1, limit: 10 }),
      ).rejects.toEqual(storeError('not_found'));
      await expect(store.neighbourhood({ start: IDS.broker, hops: 0, limit: 10 })).rejects.toEqual(
        storeError('invalid'),
      );
      await expect(store.neighbourhood({ start: IDS.broker, hops: 5, limit: 10 })).rejects.toEqual(
        storeError('invalid'),
      );
    });
  });

  describe('paths', () => {
    it('finds the k shortest simple paths, shortest first, then by node keys', async () => {
      const { store } = use();
      await loadFixture(store);
      const query: PathQuery = {
        from: IDS.acmeTrading,
        to: IDS.blueHarbour,
        maxLength: 4,
        k: 3,
        excludeLabels: ['Shipment'],
      };
      expect(pathShape(await store.paths(query)).map((p) => p.nodes)).toEqual([
        ['Importer:IM-001', 'Person:PE-1', 'Importer:IM-003'],
        ['Importer:IM-001', 'Importer:IM-002', 'BankAccount:GB29NWBK60161331926819', 'Importer:IM-003'],
        [
          'Importer:IM-001',
          'Address:12 harbour rd',
          'Importer:IM-002',
          'BankAccount:GB29NWBK60161331926819',
          'Importer:IM-003',
        ],
      ]);
      const [shortest] = await store.paths({ ...query, k: 1 });
      expect(shortest?.rels.map((r) => r.id)).toEqual([
        'DIRECTS|Person:PE-1|Importer:IM-001',
        'DIRECTS|Person:PE-1|Importer:IM-003',
      ]);
      expect(shortest?.nodes[1]).toEqual(await store.getNode(IDS.jane));
    });

    it('respects maxLength and excluded labels, and answers nothing when unreachable', async () => {
      const { store } = use();
      await loadFixture(store);
      expect(await store.paths({ from: IDS.acmeTrading, to: IDS.blueHarbour, maxLength: 1, k: 3 })).toEqual(
        [],
      );
      const noPeople = await store.paths({
        from: IDS.acmeTrading,
        to: IDS.blueHarbour,
        maxLength: 4,
        k: 1,
        excludeLabels: ['Person', 'Shipment'],
      });
      expect(pathShape(noPeople)[0]?.nodes).toHaveLength(4);
      expect(await store.paths({ from: IDS.acmeTrading, to: IDS.lonely, maxLength: 8, k: 5 })).toEqual([]);
    });

    it('answers one path of length 0 from a node to itself', async () => {
      const { store } = use();
      await loadFixture(store);
      const paths = await store.paths({ from: IDS.broker, to: IDS.broker, maxLength: 3, k: 5 });
      expect(paths).toEqual([{ nodes: [await store.getNode(IDS.broker)], rels: [] }]);
    });

    it('matches the reference semantics for many pairs', async () => {
      const { store } = use();
      const batch = await loadFixture(store);
      const ends: NodeRef[] = [
        IDS.acmeTrading,
        IDS.blueHarbour,
        IDS.zenith,
        IDS.broker,
        IDS.hanoi,
        IDS.john,
        IDS.account,
        ref('Shipment', 'D4/1'),
        IDS.lonely,
      ];
      const variants: Omit<PathQuery, 'from' | 'to'>[] = [
        { maxLength: 4, k: 3, excludeLabels: ['Shipment'] },
        { maxLength: 5, k: 4 },
        { maxLength: 6, k: 2, excludeLabels: ['Person', 'Address'] },
      ];
      for (const from of ends) {
        for (const to of ends) {
          for (const variant of variants) {
            const query: PathQuery = { from, to, ...variant };
            expect(pathShape(await store.paths(query)), JSON.stringify(query)).toEqual(
              referencePaths(batch, query),
            );
          }
        }
      }
    });

    it('refuses unknown ends and lengths outside 1 to 8', async () => {
      const { store } = use();
      await loadFixture(store);
      await expect(
        store.paths({ from: IDS.broker, to: ref('Broker', 'missing'), maxLength: 2, k: 1 }),
      ).rejects.toEqual(storeError('not_found'));
      await expect(store.paths({ from: IDS.broker, to: IDS.zenith, maxLength: 9, k: 1 })).rejects.toEqual(
        storeError('invalid'),
      );
      await expect(store.paths({ from: IDS.broker, to: IDS.zenith, maxLength: 2, k: 0 })).rejects.toEqual(
        storeError('invalid'),
      );
    });
  });
}
