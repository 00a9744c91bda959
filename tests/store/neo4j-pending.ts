// Neo4j imports commit in chunks: while one is pending, no reader (another store on the same
// database) sees any of it — new nodes, new relationships, props it brings for older nodes and
// relationships — and the next import removes what a dead one left behind.
import neo4j from 'neo4j-driver';
import { expect, it } from 'vitest';
import { relId } from '../../src/model/index.ts';
import type { GraphNode, GraphRel } from '../../src/model/index.ts';
import type { GraphStore, WriteBatch } from '../../src/store/graph-store.ts';
import { query } from '../../src/store/neo4j/cypher.ts';
import { openNeo4jStore } from '../../src/store/neo4j/index.ts';
import type { Neo4jStoreOptions } from '../../src/store/neo4j/index.ts';
import { IDS, loadFixture, ref } from './fixture.ts';
import { storeError } from './contract-helpers.ts';

const HASH = 'd'.repeat(64);
const newcomer: GraphNode = {
  ...ref('Importer', 'IM-NEW'),
  props: { name: 'Newcomer' },
  source: { file: HASH, row: 1 },
};
const link = (
  type: GraphRel['type'],
  from: GraphRel['from'],
  to: GraphRel['to'],
  props: GraphRel['props'] = {},
): GraphRel => ({
  id: relId(type, from, to),
  type,
  from,
  to,
  props,
});
/** Everything a file can do to a graph: a new node, new rels, new props on an old node and an old rel. */
const change: WriteBatch = {
  nodes: [newcomer, { ...IDS.acmeTrading, props: { name: 'Acme Renamed', country: 'NL' }, source: null }],
  rels: [
    link('HAS_ADDRESS', newcomer, IDS.address),
    link('HAS_EMAIL', IDS.blueHarbour, IDS.email),
    link('DIRECTS', IDS.john, IDS.acmeImports, { to: '2024-06-30' }),
  ],
};

async function snapshot(store: GraphStore): Promise<unknown> {
  const nodes = [];
  for await (const n of store.streamNodes(['Importer', 'Address', 'Email'])) nodes.push(n);
  const rels = [];
  for await (const r of store.streamRels(['HAS_ADDRESS', 'HAS_EMAIL', 'DIRECTS'])) rels.push(r);
  return {
    counts: await store.counts(),
    nodes: nodes.sort((a, b) => `${a.label}:${a.id}`.localeCompare(`${b.label}:${b.id}`)),
    rels: rels.map((r) => [r.id, r.props]).sort(),
    around: await store.neighbourhood({ start: IDS.address, hops: 2, limit: 1000 }),
    search: await store.search('newcomer', { limit: 10 }),
    imports: await store.listImports(),
  };
}

async function rawCount(options: Neo4jStoreOptions): Promise<number> {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    disableLosslessIntegers: true,
  });
  try {
    const { records } = await driver.executeQuery(
      'MATCH (n) RETURN count(n) AS n',
      {},
      { database: options.database },
    );
    return Number(records[0]?.get('n'));
  } finally {
    await driver.close();
  }
}

export function describePending(options: Neo4jStoreOptions, emptyStore: () => Promise<GraphStore>): void {
  it('shows readers nothing of a pending import, then all of it at commit', async () => {
    const writer = await emptyStore();
    const reader = await openNeo4jStore(options);
    try {
      await loadFixture(writer);
      const before = await snapshot(reader);
      const session = await writer.beginImport({ fileHash: HASH, fileName: 'more.csv', rows: 2 });
      await session.write({ nodes: change.nodes, rels: [] });
      await session.write({ nodes: [], rels: change.rels });
      expect(await snapshot(reader)).toEqual(before);
      expect(await reader.getNode(newcomer)).toBeNull();
      expect((await reader.getNode(IDS.acmeTrading))?.props).toMatchObject({ name: 'Acme Trading' });
      await session.commit();
      const after = (await snapshot(reader)) as { counts: { nodes: Record<string, number> } };
      expect(after).not.toEqual(before);
      expect(await reader.getNode(newcomer)).toMatchObject({
        props: { name: 'Newcomer' },
        source: { file: HASH, row: 1 },
      });
      const acme = await reader.getNode(IDS.acmeTrading);
      expect(acme?.props).toMatchObject({ name: 'Acme Renamed', country: 'NL' });
      expect(acme?.source?.file).not.toBe(HASH); // the first source is kept
      expect((await reader.search('acme renamed', { limit: 5 })).map((h) => h.node.id)).toContain(
        IDS.acmeTrading.id,
      );
      const directs = [];
      for await (const r of reader.streamRels(['DIRECTS']))
        if (r.from.id === IDS.john.id) directs.push(r.props);
      expect(directs).toEqual([{ from: '2023-12-01', to: '2024-06-30' }]);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('removes what a dead import left behind when the next import begins', async () => {
    const store = await emptyStore();
    try {
      await loadFixture(store);
      const nodesBefore = await rawCount(options);
      const before = await store.counts();
      // An import whose process dies: its session is never committed nor aborted. Its chunks
      // hold one batch each, so what it wrote is committed (and left behind) at once.
      const dead = await openNeo4jStore({ ...options, importTuning: { chunkRows: 1 } });
      const session = await dead.beginImport({ fileHash: HASH, fileName: 'more.csv', rows: 2 });
      await session.write(change);
      expect(await rawCount(options)).toBeGreaterThan(nodesBefore);
      await (await store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'next.csv', rows: 0 })).abort();
      expect(await rawCount(options)).toBe(nodesBefore);
      expect(await store.counts()).toEqual(before);
      expect((await store.getNode(IDS.acmeTrading))?.props.name).toBe('Acme Trading');
      await dead.close().catch(() => undefined);
    } finally {
      await store.close();
    }
  });

  it('waits for a chunk of a dead import still being committed before it removes that import', async () => {
    const store = await emptyStore();
    const dying = await openNeo4jStore(options);
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      disableLosslessIntegers: true,
    });
    const chunk = driver.session({ database: options.database });
    const watcher = driver.session({ database: options.database });
    try {
      await loadFixture(store);
      const nodesBefore = await rawCount(options);
      await dying.beginImport({ fileHash: HASH, fileName: 'dying.csv', rows: 1 });
      const marker = await watcher.run('MATCH (p:PendingImport) RETURN p.id AS id');
      const importId = marker.records[0]?.get('id') as unknown;
      // The chunk its process sent last: claimed and written, its commit not yet applied.
      const tx = chunk.beginTransaction();
      expect((await tx.run(query('imports/claim').text, { importId })).records).toHaveLength(1);
      await tx.run("CREATE (:Node:Importer {key: 'Importer:IM-LATE', id: 'IM-LATE', _import: $importId})", {
        importId,
      });
      const next = store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'next.csv', rows: 0 });
      // The next import's discard waits on the marker the chunk holds (a condition, not a sleep).
      const until = Date.now() + 30_000;
      for (;;) {
        const blocked = await watcher.run(
          "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n",
        );
        if (Number(blocked.records[0]?.get('n')) > 0) break;
        if (Date.now() > until) throw new Error('the next import never waited on the dying chunk');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await tx.commit();
      await (await next).abort();
      expect(await store.getNode(ref('Importer', 'IM-LATE'))).toBeNull();
      expect(await rawCount(options)).toBe(nodesBefore);
    } finally {
      await chunk.close();
      await watcher.close();
      await driver.close();
      await dying.close().catch(() => undefined);
      await store.close();
    }
  });

  it('refuses to commit more of an import that another import discarded meanwhile', async () => {
    const store = await emptyStore();
    const slow = await openNeo4jStore({ ...options, importTuning: { chunkRows: 1 } });
    try {
      await loadFixture(store);
      const nodesBefore = await rawCount(options);
      const before = await store.counts();
      const session = await slow.beginImport({ fileHash: HASH, fileName: 'slow.csv', rows: 2 });
      await session.write({ nodes: [newcomer], rels: [] });
      // Another process takes it for abandoned and removes what it wrote.
      await (await store.beginImport({ fileHash: 'e'.repeat(64), fileName: 'next.csv', rows: 0 })).abort();
      await expect(session.write({ nodes: change.nodes.slice(1), rels: [] })).rejects.toEqual(
        storeError('conflict'),
      );
      await expect(session.commit()).rejects.toEqual(storeError('invalid'));
      expect(await rawCount(options)).toBe(nodesBefore);
      expect(await store.counts()).toEqual(before);
      expect(await store.getNode(newcomer)).toBeNull();
      expect((await store.getNode(IDS.acmeTrading))?.props.name).toBe('Acme Trading');
      expect(await store.findImport(HASH)).toBeNull();
    } finally {
      await slow.close();
      await store.close();
    }
  });
}
