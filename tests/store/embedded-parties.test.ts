// The embedded store keeps a line's party relationships in its Shipment row, and the rest (a
// second party of one kind, props, an end of another label) in the relationship table. Whatever
// the order they are written in, and for a file of the earlier layout migrated at open, every
// read must answer as if each relationship were stored as written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isIdentifierLabel, nameSearchKey, nodeKey, relId, RelType } from '../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef, Props, ShipmentRecord } from '../../src/model/index.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import { migrate, openDatabase, SCHEMA_VERSION } from '../../src/store/embedded/schema.ts';
import type { GraphStore, WriteBatch } from '../../src/store/graph-store.ts';
import { compare, storeError } from './contract-helpers.ts';
import { FILE_HASH, fixtureBatch, IDS, ref } from './fixture.ts';
import { referenceNeighbourhood, referencePaths } from './reference.ts';

const line = (id: string): NodeRef => ref('Shipment', id);
const rel = (type: RelType, from: NodeRef, to: NodeRef, props: Props = {}): GraphRel => ({
  id: relId(type, from, to),
  type,
  from,
  to,
  props,
});

/** The fixture plus party relationships that cannot all live in a line's row. */
function mixedBatch(): WriteBatch {
  const batch = fixtureBatch();
  batch.rels.push(
    rel('IMPORTED_BY', line('D2/1'), IDS.blueHarbour), // a second importer, larger id
    rel('IMPORTED_BY', line('D3/1'), IDS.acmeTrading), // a second importer, smaller id
    rel('SUPPLIED_BY', line('D1/1'), IDS.shenzhen, { share: 0.6 }), // props on a stored one
    rel('IMPORTED_BY', line('D4/1'), IDS.depot), // an end of another label than Importer
    rel('DECLARED_BY', line('D4/1'), IDS.broker, { note: null }), // only unknown props
    rel('CONSIGNED_TO', line('D2/1'), IDS.depot, { role: 'agent' }), // props, a free column
  );
  return batch;
}

/** Each relationship once, its props merged in write order (null is unknown, never stored). */
function expectedRels(rels: readonly GraphRel[]): GraphRel[] {
  const byId = new Map<string, GraphRel>();
  for (const r of rels) {
    const known = byId.get(r.id);
    const props: Props = { ...known?.props };
    for (const [key, value] of Object.entries(r.props)) if (value !== null) props[key] = value;
    byId.set(r.id, { ...r, props });
  }
  return [...byId.values()].sort((a, b) => compare(a.id, b.id));
}

const PARTY_OF: Partial<
  Record<RelType, [GraphNode['label'], 'importerId' | 'brokerId' | 'consigneeId' | 'supplierId']>
> = {
  IMPORTED_BY: ['Importer', 'importerId'],
  DECLARED_BY: ['Broker', 'brokerId'],
  CONSIGNED_TO: ['Consignee', 'consigneeId'],
  SUPPLIED_BY: ['Supplier', 'supplierId'],
};

/** Each line with the smallest id of each kind of party it names, in stream order. */
function expectedShipments(batch: WriteBatch): ShipmentRecord[] {
  const records = batch.nodes
    .filter((n) => n.label === 'Shipment')
    .map((n) => {
      const record = { ...n.props, importerId: '', brokerId: null, consigneeId: null, supplierId: null };
      const parties: Record<string, string | null> = record;
      for (const r of batch.rels) {
        const party = PARTY_OF[r.type];
        if (!party || nodeKey(r.from) !== nodeKey(n) || r.to.label !== party[0]) continue;
        const current = parties[party[1]];
        if (!current || r.to.id < current) parties[party[1]] = r.to.id;
      }
      return record as unknown as ShipmentRecord;
    });
  return records.sort(
    (a, b) => compare(a.date, b.date) || compare(a.declarationId, b.declarationId) || a.line - b.line,
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** A line as streamDetectionLines must give it: the record's fields, unknown numbers NaN, no value null. */
function detectionRow(s: ShipmentRecord): unknown[] {
  const nan = (value: number | null | undefined) => value ?? Number.NaN;
  return [
    s.declarationId,
    s.line,
    s.date,
    s.hsCode,
    s.originCountry ?? null,
    s.departureCountry ?? null,
    s.customsValue,
    nan(s.dutyRate),
    nan(s.dutyPaid),
    s.illicit === true ? 1 : s.illicit === false ? 0 : -1,
    nan(s.netMassKg),
    nan(s.quantity),
    s.importerId === '' ? null : s.importerId,
    s.brokerId,
    s.consigneeId,
    s.supplierId,
  ];
}

const STRINGS = ['declarationId', 'date', 'hsCode', 'origin', 'departure'] as const;
const PARTIES = ['importer', 'broker', 'consignee', 'supplier'] as const;

/** streamDetectionLines' chunks unpacked into one row per line, as detectionRow gives it. */
async function detectionRows(store: GraphStore): Promise<unknown[][]> {
  const strings = { declarationId: [], date: [], hsCode: [], origin: [], departure: [] } as Record<
    (typeof STRINGS)[number],
    string[]
  >;
  const parties = { importer: [], broker: [], consignee: [], supplier: [] } as Record<
    (typeof PARTIES)[number],
    string[]
  >;
  const rows: unknown[][] = [];
  for await (const chunk of store.streamDetectionLines!()) {
    for (const f of STRINGS) strings[f].push(...chunk.strings[f]);
    for (const p of PARTIES) parties[p].push(...chunk.parties[p]);
    for (let k = 0; k < chunk.size; k++) {
      const text = (f: (typeof STRINGS)[number]) => strings[f][chunk[f][k]!] ?? null;
      const party = (p: (typeof PARTIES)[number]) => parties[p][chunk[p][k]!] ?? null;
      rows.push([
        text('declarationId'),
        chunk.line[k],
        text('date'),
        text('hsCode'),
        text('origin'),
        text('departure'),
        chunk.customsValue[k],
        chunk.dutyRate[k],
        chunk.dutyPaid[k],
        chunk.illicit[k],
        chunk.netMassKg[k],
        chunk.quantity[k],
        ...PARTIES.map(party),
      ]);
    }
  }
  return rows;
}

/** Every read that materialises relationships, against what was written. */
async function expectReadsAsWritten(store: GraphStore, batch: WriteBatch): Promise<void> {
  const rels = expectedRels(batch.rels);
  const written = { nodes: batch.nodes, rels };
  const byType: Partial<Record<RelType, number>> = {};
  for (const r of rels) byType[r.type] = (byType[r.type] ?? 0) + 1;
  expect((await store.counts()).rels).toEqual(byType);
  const streamed = await collect(store.streamRels(RelType.options));
  expect([...streamed].sort((a, b) => compare(a.id, b.id))).toEqual(rels);
  expect(await collect(store.streamShipments())).toEqual(expectedShipments(batch));
  expect(await detectionRows(store)).toEqual(expectedShipments(batch).map(detectionRow));

  for (const node of batch.nodes) {
    const query = { start: { label: node.label, id: node.id }, hops: 2, limit: 100 };
    const got = await store.neighbourhood(query);
    const want = referenceNeighbourhood(written, query);
    expect({
      nodes: got.nodes.map(nodeKey),
      rels: got.rels.map((r) => r.id),
      truncated: got.truncated,
    }).toEqual(want);
    // Relationships come back with their props.
    for (const r of got.rels) expect(r).toEqual(rels.find((w) => w.id === r.id));
  }
  const pairs: [NodeRef, NodeRef][] = [
    [IDS.acmeTrading, IDS.zenith],
    [IDS.depot, IDS.blueHarbour],
    [IDS.shenzhen, IDS.acmeImports],
    [line('D4/1'), IDS.broker],
  ];
  for (const [from, to] of pairs) {
    const query = { from, to, maxLength: 4, k: 5 };
    const got = await store.paths(query);
    expect(got.map((p) => ({ nodes: p.nodes.map(nodeKey), rels: p.rels.map((r) => r.id) }))).toEqual(
      referencePaths(written, query),
    );
    for (const r of got.flatMap((p) => p.rels)) expect(r).toEqual(rels.find((w) => w.id === r.id));
  }
}

describe('embedded store: party relationships in Shipment rows', () => {
  let dir = '';
  const open: GraphStore[] = [];
  const openStore = async (name: string) => {
    const store = await openEmbeddedStore(join(dir, name));
    await store.init();
    open.push(store);
    return store;
  };
  const importing = async (store: GraphStore, hash: string, batches: WriteBatch[]) => {
    const session = await store.beginImport({ fileHash: hash, fileName: `${hash}.csv`, rows: 1 });
    for (const batch of batches) await session.write(batch);
    await session.commit();
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ringscope-parties-'));
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers as written when lines and their parties come in one batch', async () => {
    const batch = mixedBatch();
    const store = await openStore('one.db');
    await importing(store, FILE_HASH, [batch]);
    await expectReadsAsWritten(store, batch);
  });

  it('answers as written when the relationships come after every node, props first', async () => {
    const batch = mixedBatch();
    const store = await openStore('after.db');
    await importing(store, FILE_HASH, [
      { nodes: batch.nodes, rels: [] },
      { nodes: [], rels: [...batch.rels].reverse() },
    ]);
    await expectReadsAsWritten(store, batch);
  });

  it('answers as written across two imports that repeat relationships, with and without props', async () => {
    const batch = mixedBatch();
    const half = Math.floor(batch.rels.length / 2);
    const store = await openStore('two.db');
    await importing(store, FILE_HASH, [{ nodes: batch.nodes, rels: batch.rels.slice(0, half) }]);
    const again = batch.rels.filter((r) => r.type === 'IMPORTED_BY').map((r) => ({ ...r, props: {} }));
    await importing(store, 'b'.repeat(64), [{ nodes: [], rels: [...batch.rels.slice(half), ...again] }]);
    const withProps = rel('IMPORTED_BY', line('D1/1'), IDS.acmeTrading, { share: 1 });
    await importing(store, 'c'.repeat(64), [{ nodes: [], rels: [withProps] }]);
    await expectReadsAsWritten(store, { nodes: batch.nodes, rels: [...batch.rels, ...again, withProps] });
  });

  it('keeps the columns detection reads equal to the props through re-imports and labels', async () => {
    const batch = mixedBatch();
    const store = await openStore('columns.db');
    await importing(store, FILE_HASH, [batch]);
    const shipment = (id: string, props: Props): GraphNode => ({ ...line(id), props, source: null });
    // A second source knows more of D1/1 (and states nothing it does not know), changes D3/1's value.
    await importing(store, 'b'.repeat(64), [
      {
        nodes: [
          shipment('D1/1', { declarationId: 'D1', line: 1, quantity: 40, netMassKg: 12.5, dutyPaid: null }),
          shipment('D3/1', { declarationId: 'D3', line: 1, customsValue: 4321.75, departureCountry: 'SG' }),
        ],
        rels: [],
      },
    ]);
    expect(
      await store.labelLine({ declarationId: 'D2', line: 1 }, { illicit: false, revenueRecovered: 0 }),
    ).toBe(true);
    expect(
      await store.labelLine({ declarationId: 'D4', line: 1 }, { illicit: true, revenueRecovered: 120 }),
    ).toBe(true);
    const records = await collect(store.streamShipments());
    expect(records.find((r) => r.declarationId === 'D1')).toMatchObject({ quantity: 40, netMassKg: 12.5 });
    expect(records.find((r) => r.declarationId === 'D3')).toMatchObject({
      customsValue: 4321.75,
      departureCountry: 'SG',
    });
    expect(records.filter((r) => r.declarationId !== 'D1').map((r) => r.illicit)).toEqual([
      true, // D4
      undefined, // D10
      false, // D2
      undefined, // D3
    ]);
    expect(await detectionRows(store)).toEqual(records.map(detectionRow));
  });

  it('refuses a batch whose line names a party that does not exist, and keeps nothing of it', async () => {
    const store = await openStore('missing.db');
    const shipment: GraphNode = { ...line('X1/1'), props: { declarationId: 'X1', line: 1 }, source: null };
    const session = await store.beginImport({ fileHash: FILE_HASH, fileName: 'missing.csv', rows: 1 });
    await expect(
      session.write({ nodes: [shipment], rels: [rel('IMPORTED_BY', shipment, ref('Importer', 'NOPE'))] }),
    ).rejects.toEqual(storeError('invalid'));
    expect(await store.getNode(shipment)).toBeNull();
    expect(await collect(store.streamShipments())).toEqual([]);
  });

  it('migrates a file of the earlier layout, where every relationship is a row, at open', async () => {
    const batch = mixedBatch();
    const path = join(dir, 'old.db');
    writeEarlierLayout(path, batch);
    const store = await openStore('old.db');
    await expectReadsAsWritten(store, batch);
    await store.close();

    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const inRows = db
        .prepare(
          "SELECT count(*) FROM rels WHERE type IN ('IMPORTED_BY', 'DECLARED_BY', 'CONSIGNED_TO', 'SUPPLIED_BY')",
        )
        .pluck()
        .get() as number;
      const inColumns = db
        .prepare(
          'SELECT count(importer_id) + count(broker_id) + count(consignee_id) + count(supplier_id) FROM nodes',
        )
        .pluck()
        .get() as number;
      const parties = expectedRels(batch.rels).filter((r) => PARTY_OF[r.type]).length;
      expect(inColumns).toBeGreaterThan(0);
      expect(inRows + inColumns).toBe(parties);
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer Ringscope, saying what to do', async () => {
    const path = join(dir, 'newer.db');
    const db = openDatabase(path);
    migrate(db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const opening = openEmbeddedStore(path);
    await expect(opening).rejects.toEqual(storeError('invalid'));
    await expect(opening).rejects.toThrow(/newer than this Ringscope.*upgrade Ringscope/);
  });
});

/** The store file as schema version 1 wrote it: every relationship a row of `rels`. */
function writeEarlierLayout(path: string, batch: WriteBatch): void {
  const db = openDatabase(path);
  try {
    migrate(db, 1);
    const node = db.prepare(
      `INSERT INTO nodes (label, id, props, name_lc, ship_date, ship_declaration, ship_line, source_file, source_row)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const number = db.prepare('SELECT n FROM nodes WHERE label = ? AND id = ?').pluck();
    const relRow = db.prepare('INSERT INTO rels (from_n, type, to_n, props) VALUES (?, ?, ?, ?)');
    const count = (table: string, key: string) =>
      db.prepare(`INSERT INTO ${table} VALUES (?, 1) ON CONFLICT (${key}) DO UPDATE SET n = n + 1`);
    const nodeCount = count('node_counts', 'label');
    const relCount = count('rel_counts', 'type');
    db.transaction(() => {
      for (const n of batch.nodes) {
        const { name, date, declarationId, line: lineNumber } = n.props;
        node.run(
          n.label,
          n.id,
          JSON.stringify(n.props),
          typeof name === 'string' && !isIdentifierLabel(n.label) ? nameSearchKey(name) : null,
          n.label === 'Shipment' ? date : null,
          n.label === 'Shipment' ? declarationId : null,
          n.label === 'Shipment' ? lineNumber : null,
          n.source?.file ?? null,
          n.source?.row ?? null,
        );
        nodeCount.run(n.label);
      }
      for (const r of expectedRels(batch.rels)) {
        relRow.run(
          number.get(r.from.label, r.from.id),
          r.type,
          number.get(r.to.label, r.to.id),
          JSON.stringify(r.props),
        );
        relCount.run(r.type);
      }
    })();
  } finally {
    db.close();
  }
}
