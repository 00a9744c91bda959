// Injection payloads in every user-supplied string the Neo4j store takes leave the graph as it
// was: values only ever travel as $parameters, labels and types only from the closed enums.
import { expect, it } from 'vitest';
import { relId } from '../../src/model/index.ts';
import type { GraphNode, NodeLabel, NodeRef, RelType, Typology } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

export const PAYLOADS = [
  "x' OR 1=1 //",
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  '*/ MATCH (n) DETACH DELETE n /*',
  '$keys',
  '{{label}}',
  'Importer:IM-1|Broker:BR-1',
  "\\') DETACH DELETE n //",
  'Importer`:`Broker',
];

const settle = (work: () => Promise<unknown>) =>
  work().then(
    () => undefined,
    () => undefined,
  );

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable) {
    /* reading is the point */
  }
}

/** Calls every read with every payload (results and refusals alike are fine); returns nothing. */
async function readWithPayloads(store: GraphStore, start: NodeRef): Promise<void> {
  for (const p of PAYLOADS) {
    const asLabel = p as NodeLabel;
    const asType = p as RelType;
    const refs: NodeRef[] = [
      { label: 'Importer', id: p },
      { label: asLabel, id: 'IM-1' },
    ];
    for (const r of refs) {
      await settle(() => store.getNode(r));
      await settle(() => store.getNodes([r, start]));
      await settle(() => store.neighbourhood({ start: r, hops: 2, limit: 50 }));
      await settle(() => store.paths({ from: start, to: r, maxLength: 4, k: 3 }));
      await settle(() => store.ringsOf(r));
      await settle(() => store.partyRisk(r));
    }
    await settle(() =>
      store.neighbourhood({
        start,
        hops: 2,
        limit: 50,
        labels: [asLabel],
        dateFrom: p,
        dateTo: p,
        hsPrefix: p,
      }),
    );
    await settle(() => store.paths({ from: start, to: start, maxLength: 3, k: 1, excludeLabels: [asLabel] }));
    await settle(() => store.search(p, { limit: 20 }));
    await settle(() => store.search(p, { limit: 20, labels: [asLabel, 'Importer'] }));
    await settle(() => store.findImport(p));
    await settle(() => store.getRing(p));
    await settle(() => store.listRings({ typology: p as Typology, limit: 10, offset: 0 }));
    await settle(() => drain(store.streamNodes([asLabel])));
    await settle(() => drain(store.streamRels([asType])));
  }
}

export function describeInjection(open: () => Promise<GraphStore>): void {
  it('leaves node and relationship counts unchanged whatever string a read is given', async () => {
    const store = await open();
    try {
      const importer: GraphNode = { label: 'Importer', id: 'IM-1', props: { name: 'Acme' }, source: null };
      const broker: GraphNode = { label: 'Broker', id: 'BR-1', props: { name: 'Brokers' }, source: null };
      const session = await store.beginImport({ fileHash: 'd'.repeat(64), fileName: 'base.csv', rows: 1 });
      await session.write({
        nodes: [importer, broker],
        rels: [
          {
            id: relId('HAS_ACCOUNT', importer, broker),
            type: 'HAS_ACCOUNT',
            from: importer,
            to: broker,
            props: {},
          },
        ],
      });
      await session.commit();
      const before = await store.counts();
      expect(before).toEqual({ nodes: { Broker: 1, Importer: 1 }, rels: { HAS_ACCOUNT: 1 } });

      await readWithPayloads(store, importer);

      expect(await store.counts()).toEqual(before);
      expect(await store.getNode(importer)).toEqual(importer);
    } finally {
      await store.close();
    }
  });

  it('stores payloads in ids, property names and values as plain data, and refuses them as labels', async () => {
    const store = await open();
    try {
      const nodes: GraphNode[] = PAYLOADS.map((p, i) => ({
        label: 'Person',
        id: p,
        props: { name: p, [p]: p, [`k${i}`]: i },
        source: { file: p, row: i },
      }));
      const [first, second] = nodes as [GraphNode, GraphNode];
      const session = await store.beginImport({
        fileHash: PAYLOADS[1]!,
        fileName: PAYLOADS[2]!,
        rows: nodes.length,
      });
      await session.write({
        nodes,
        rels: [
          {
            id: relId('DIRECTS', first, second),
            type: 'DIRECTS',
            from: first,
            to: second,
            props: { [PAYLOADS[3]!]: PAYLOADS[4]! },
          },
        ],
      });
      await session.commit();
      expect(await store.counts()).toEqual({ nodes: { Person: PAYLOADS.length }, rels: { DIRECTS: 1 } });
      for (const node of nodes) expect(await store.getNode(node)).toEqual(node);
      expect((await store.findImport(PAYLOADS[1]!))?.fileName).toBe(PAYLOADS[2]);

      const bad = await store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'bad.csv', rows: 1 });
      const badNode = { label: PAYLOADS[3] as NodeLabel, id: 'X', props: {}, source: null };
      await expect(bad.write({ nodes: [badNode], rels: [] })).rejects.toMatchObject({
        name: 'StoreError',
        code: 'invalid',
      });
      expect(await store.counts()).toEqual({ nodes: { Person: PAYLOADS.length }, rels: { DIRECTS: 1 } });
    } finally {
      await store.close();
    }
  });
}
