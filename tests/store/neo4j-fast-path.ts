// Neo4j imports create what they take for new (CREATE, untagged relationships, props Cypher never
// reads packed in `_props`) and fall back to MERGE when a node existed after all. Whatever path
// a file takes, and however its chunks fall, the graph must be the one the embedded store holds
// after the same writes; nodes stored by the older layout (every prop a property) read the same.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NodeLabel, relId, RelType } from '../../src/model/index.ts';
import type { GraphNode, GraphRel } from '../../src/model/index.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import type { GraphStore, WriteBatch } from '../../src/store/graph-store.ts';
import { createDriver, openNeo4jStore } from '../../src/store/neo4j/index.ts';
import type { Neo4jStoreOptions } from '../../src/store/neo4j/index.ts';
import { compare } from './contract-helpers.ts';
import { syntheticBatches } from './synthetic-lines.ts';

const HASH = 'e'.repeat(64);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Everything a store holds, in one comparable shape (a duplicate relationship shows twice). */
async function contents(store: GraphStore): Promise<unknown> {
  const rels = await collect(store.streamRels(RelType.options));
  return {
    counts: await store.counts(),
    nodes: await collect(store.streamNodes(NodeLabel.options)),
    rels: rels.map((r): [string, unknown] => [r.id, r.props]).sort((a, b) => compare(a[0], b[0])),
    shipments: await collect(store.streamShipments()),
  };
}

async function importBatches(
  store: GraphStore,
  fileHash: string,
  batches: Iterable<WriteBatch>,
): Promise<void> {
  const session = await store.beginImport({ fileHash, fileName: `${fileHash.slice(0, 4)}.csv`, rows: 1 });
  for (const batch of batches) await session.write(batch);
  await session.commit();
}

const link = (type: GraphRel['type'], from: GraphNode, to: GraphNode): GraphRel => ({
  id: relId(type, from, to),
  type,
  from,
  to,
  props: {},
});

export function describeFastPath(options: Neo4jStoreOptions, emptyStore: () => Promise<GraphStore>): void {
  let dir = '';
  let embedded: GraphStore;
  let neo4j: GraphStore;

  /** Both stores emptied; Neo4j commits a chunk every `chunkRows` rows. */
  async function fresh(chunkRows: number): Promise<void> {
    await neo4j.close();
    await embedded.close();
    await (await emptyStore()).close();
    neo4j = await openNeo4jStore({ ...options, importTuning: { chunkRows } });
    embedded = await openEmbeddedStore(join(dir, `store-${chunkRows}-${Date.now()}.db`));
    await embedded.init();
  }

  async function importBoth(fileHash: string, batches: () => Iterable<WriteBatch>): Promise<void> {
    for (const store of [embedded, neo4j]) await importBatches(store, fileHash, batches());
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-fast-path-'));
    neo4j = await emptyStore();
    embedded = await openEmbeddedStore(join(dir, 'first.db'));
  });

  afterAll(async () => {
    await neo4j.close();
    await embedded.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a file over many chunks, each committed while the next is written, as the embedded store does', async () => {
    await fresh(40);
    await importBoth(HASH, () => syntheticBatches({ lines: 240, fileHash: HASH }, 20));
    const expected = await contents(embedded);
    expect((expected as { counts: { rels: Record<string, number> } }).counts.rels.IMPORTED_BY).toBe(240);
    expect(await contents(neo4j)).toEqual(expected);
  });

  it('writes a chunk again with MERGE when a node it took for new exists, and the rest of the file too', async () => {
    await fresh(40);
    // Parties a later file names again, some in its first chunk and some only in later ones.
    const later = [...syntheticBatches({ lines: 240, fileHash: HASH }, 20)];
    const existing = (later[5]?.nodes ?? []).filter((n) => n.label !== 'Shipment').slice(0, 3);
    expect(existing.length).toBe(3);
    const earlier: WriteBatch = {
      nodes: existing.map((n) => ({
        ...n,
        props: { name: 'Named before', since: 2019 },
        source: { file: 'b'.repeat(64), row: 1 },
      })),
      rels: [],
    };
    await importBoth('b'.repeat(64), () => [earlier]);
    await importBoth(HASH, () => later);
    const expected = await contents(embedded);
    expect(await contents(neo4j)).toEqual(expected);
    // The older nodes kept their first source and the props the file did not bring.
    const kept = await neo4j.getNode(existing[0]!);
    expect(kept?.source?.file).toBe('b'.repeat(64));
    expect(kept?.props.since).toBe(2019);
  });

  it('creates a relationship written twice in one batch, and again in a later one, once', async () => {
    await fresh(5_000);
    const broker: GraphNode = {
      label: 'Broker',
      id: 'BR-1',
      props: { name: 'Broker One' },
      source: { file: HASH, row: 1 },
    };
    const line: GraphNode = {
      label: 'Shipment',
      id: 'D1/1',
      props: { declarationId: 'D1', line: 1, date: '2024-01-02' },
      source: { file: HASH, row: 2 },
    };
    const other: GraphNode = {
      label: 'Importer',
      id: 'IM-1',
      props: { name: 'Importer One' },
      source: { file: HASH, row: 3 },
    };
    // The broker is met before the line (its relationship goes with the line's row); the
    // importer comes with the line (their relationship is a row of its own).
    const batches = (): WriteBatch[] => [
      { nodes: [broker], rels: [] },
      {
        nodes: [line, other],
        rels: [
          link('DECLARED_BY', line, broker),
          link('IMPORTED_BY', line, other),
          link('DECLARED_BY', line, broker),
          link('IMPORTED_BY', line, other),
        ],
      },
      { nodes: [], rels: [link('DECLARED_BY', line, broker), link('IMPORTED_BY', line, other)] },
    ];
    await importBoth(HASH, batches);
    const counts = await neo4j.counts();
    expect(counts.rels).toEqual({ DECLARED_BY: 1, IMPORTED_BY: 1 });
    expect(await contents(neo4j)).toEqual(await contents(embedded));
  });

  it('writes the nodes a create row cannot carry with MERGE, in the same batch as those it can', async () => {
    await fresh(5_000);
    const broker: GraphNode = {
      label: 'Broker',
      id: 'BR-9',
      props: { name: 'Broker Nine' },
      source: { file: HASH, row: 1 },
    };
    const odd: GraphNode[] = [
      { label: 'Importer', id: 'IM-EMPTY', props: { name: '' }, source: { file: HASH, row: 2 } },
      {
        label: 'Importer',
        id: 'IM-SEP',
        props: { name: 'Unit\u001fSeparated' },
        source: { file: HASH, row: 3 },
      },
      {
        label: 'Shipment',
        id: 'D7/1',
        props: { declarationId: 'D7', line: 1, date: '2024-03-01', hsCode: 123 },
        source: { file: HASH, row: 4 },
      },
    ];
    const plain: GraphNode = {
      label: 'Shipment',
      id: 'D7/2',
      props: { declarationId: 'D7', line: 2, date: '2024-03-01', hsCode: '0123' },
      source: { file: HASH, row: 5 },
    };
    const shipments = [odd[2]!, plain];
    await importBoth(HASH, () => [
      { nodes: [broker], rels: [] },
      { nodes: [...odd, plain], rels: shipments.map((s) => link('DECLARED_BY', s, broker)) },
    ]);
    expect((await neo4j.counts()).rels).toEqual({ DECLARED_BY: 2 });
    expect(await contents(neo4j)).toEqual(await contents(embedded));
    expect((await neo4j.getNode(odd[1]!))?.props.name).toBe('Unit\u001fSeparated');
  });

  it('reads nodes stored with every prop a property (the older layout), and upserts them', async () => {
    await fresh(5_000);
    const driver = createDriver(options);
    try {
      await driver.executeQuery(
        `CREATE (:Node:Importer {key: 'Importer:OLD', id: 'OLD', name: 'Old Ltd', _nameKey: 'old ltd', country: 'GB',
           registeredOn: '2001-02-03', _sourceFile: $file, _sourceRow: 7})`,
        { file: HASH },
        { database: options.database },
      );
    } finally {
      await driver.close();
    }
    expect(await neo4j.getNode({ label: 'Importer', id: 'OLD' })).toEqual({
      label: 'Importer',
      id: 'OLD',
      props: { name: 'Old Ltd', country: 'GB', registeredOn: '2001-02-03' },
      source: { file: HASH, row: 7 },
    });
    const line: GraphNode = {
      label: 'Shipment',
      id: 'D9/1',
      props: { declarationId: 'D9', line: 1, office: 'X1' },
      source: { file: 'c'.repeat(64), row: 1 },
    };
    const update: GraphNode = {
      label: 'Importer',
      id: 'OLD',
      props: { country: 'NL' },
      source: { file: 'c'.repeat(64), row: 2 },
    };
    await importBatches(neo4j, 'c'.repeat(64), [
      { nodes: [line, update], rels: [link('IMPORTED_BY', line, update)] },
    ]);
    expect((await neo4j.getNode(update))?.props).toEqual({
      name: 'Old Ltd',
      country: 'NL',
      registeredOn: '2001-02-03',
    });
    expect((await neo4j.getNode(line))?.props).toEqual({ declarationId: 'D9', line: 1, office: 'X1' });
    expect((await neo4j.search('old ltd', { limit: 5 })).map((h) => h.node.id)).toEqual(['OLD']);
  });
}
