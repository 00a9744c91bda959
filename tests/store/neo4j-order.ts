// Keys beyond the Basic Multilingual Plane: Cypher sorts strings by code point, the pinned
// semantics (and the embedded store) by UTF-16 code unit. Where the two orders pick different
// nodes at a neighbourhood's limit, Neo4j must still give the pinned answer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeKey, relId } from '../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef } from '../../src/model/index.ts';
import type { GraphStore, WriteBatch } from '../../src/store/graph-store.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';

const importer: NodeRef = { label: 'Importer', id: 'IM-ORDER' };
/** By code point: a < x\uFFFF < x😀 < y; by UTF-16 code unit: a < x😀 < x\uFFFF < y. */
const ADDRESS_IDS = ['a', 'x\uFFFF', 'x\u{1F600}', 'y'];

function orderBatch(): WriteBatch {
  const node = (ref: NodeRef): GraphNode => ({ ...ref, props: { name: ref.id }, source: null });
  const addresses = ADDRESS_IDS.map((id): NodeRef => ({ label: 'Address', id }));
  const rels = addresses.map((to): GraphRel => ({
    id: relId('HAS_ADDRESS', importer, to),
    type: 'HAS_ADDRESS',
    from: importer,
    to,
    props: {},
  }));
  return { nodes: [importer, ...addresses].map(node), rels };
}

async function load(store: GraphStore): Promise<void> {
  const batch = orderBatch();
  const session = await store.beginImport({
    fileHash: 'c'.repeat(64),
    fileName: 'order.csv',
    rows: batch.nodes.length,
  });
  await session.write({ nodes: batch.nodes, rels: [] });
  await session.write({ nodes: [], rels: batch.rels });
  await session.commit();
}

export function describeKeyOrder(openNeo4j: () => Promise<GraphStore>): void {
  let dir = '';
  let neo4j: GraphStore;
  let embedded: GraphStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-order-'));
    embedded = await openEmbeddedStore(join(dir, 'store.db'));
    await embedded.init();
    neo4j = await openNeo4j();
    for (const store of [neo4j, embedded]) await load(store);
  });

  afterAll(async () => {
    await neo4j?.close();
    await embedded?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('cuts a neighbourhood at the limit in UTF-16 key order', async () => {
    for (const limit of [2, 3, 4, 5, 10]) {
      const query = { start: importer, hops: 1, limit };
      const expected = await embedded.neighbourhood(query);
      expect(expected.nodes.map(nodeKey).slice(0, 3)).toEqual(
        ['Importer:IM-ORDER', 'Address:a', 'Address:x\u{1F600}'].slice(0, Math.min(limit, 3)),
      );
      expect(await neo4j.neighbourhood(query), `limit ${limit}`).toEqual(expected);
    }
  });
}
