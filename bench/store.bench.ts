// Embedded store write throughput: a generated import of declaration lines (each ~5 node and
// 4 relationship upserts, parties repeating as in real trade) through an import session, against
// a baseline measured in the same run: the same rows as plain INSERTs into unindexed tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { RelType, relId, shipmentId } from '../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef } from '../src/model/index.ts';
import { openEmbeddedStore } from '../src/store/embedded/index.ts';
import type { GraphStore, WriteBatch } from '../src/store/graph-store.ts';
import { seededRng } from '../src/graph/rng.ts';

const LINES = Number(process.env.BENCH_LINES ?? 200_000);
const LINES_PER_BATCH = 1000;

function generate(lines: number): WriteBatch[] {
  const random = seededRng(7);
  const pick = (prefix: string, pool: number) => `${prefix}-${Math.floor(random() ** 2 * pool)}`;
  const batches: WriteBatch[] = [];
  for (let start = 0; start < lines; start += LINES_PER_BATCH) {
    const nodes: GraphNode[] = [];
    const rels: GraphRel[] = [];
    for (let line = start; line < Math.min(lines, start + LINES_PER_BATCH); line += 1) {
      const parties: [NodeRef, GraphRel['type']][] = [
        [{ label: 'Importer', id: pick('IM', 20_000) }, 'IMPORTED_BY'],
        [{ label: 'Broker', id: pick('BR', 500) }, 'DECLARED_BY'],
        [{ label: 'Consignee', id: pick('CO', 10_000) }, 'CONSIGNED_TO'],
        [{ label: 'Supplier', id: pick('SU', 5_000) }, 'SUPPLIED_BY'],
      ];
      const declarationId = String(10_000_000_000 + Math.floor(line / 3));
      const shipment: NodeRef = { label: 'Shipment', id: shipmentId(declarationId, (line % 3) + 1) };
      nodes.push({
        ...shipment,
        props: {
          declarationId,
          line: (line % 3) + 1,
          date: `2024-${String((line % 12) + 1).padStart(2, '0')}-${String((line % 28) + 1).padStart(2, '0')}`,
          office: `OF${line % 40}`,
          hsCode: String(100_000 + Math.floor(random() * 900_000)).padStart(10, '0'),
          originCountry: 'CN',
          quantity: Math.floor(random() * 1000),
          netMassKg: Math.round(random() * 10_000) / 10,
          customsValue: Math.round(random() * 1_000_000) / 100,
          currency: 'USD',
          dutyPaid: Math.round(random() * 10_000) / 100,
        },
        source: { file: 'bench', row: line + 1 },
      });
      for (const [party, type] of parties) {
        nodes.push({
          ...party,
          props: { name: `Firm ${party.id}` },
          source: { file: 'bench', row: line + 1 },
        });
        rels.push({ id: relId(type, shipment, party), type, from: shipment, to: party, props: {} });
      }
    }
    batches.push({ nodes, rels });
  }
  return batches;
}

interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of this process: what the work costs when the machine is shared. */
  cpu: number;
}

function startTiming(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
}

/** The ceiling: the same rows as plain INSERTs, no indexes beyond the keys, no merging. */
function baseline(path: string, batches: WriteBatch[]): Timing {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE n (label TEXT, id TEXT, props TEXT); CREATE TABLE r (id TEXT, type TEXT, props TEXT)',
  );
  const node = db.prepare('INSERT INTO n VALUES (?, ?, ?)');
  const rel = db.prepare('INSERT INTO r VALUES (?, ?, ?)');
  const stop = startTiming();
  db.transaction(() => {
    for (const batch of batches) {
      for (const n of batch.nodes) node.run(n.label, n.id, JSON.stringify(n.props));
      for (const r of batch.rels) rel.run(r.id, r.type, JSON.stringify(r.props));
    }
  })();
  const timing = stop();
  db.close();
  return timing;
}

/** Typical reads on the imported store, each timed once (the hub is the busiest broker). */
async function timeReads(store: GraphStore): Promise<[string, Timing | null][]> {
  const timed: [string, Timing | null][] = [];
  const time = async (name: string, work: () => Promise<unknown>) => {
    const stop = startTiming();
    await work();
    timed.push([name, stop()]);
  };
  const hub: NodeRef = { label: 'Broker', id: 'BR-0' };
  await time('counts()', () => store.counts());
  await time('search "firm im-12" (name prefix), limit 20', () => store.search('firm im-12', { limit: 20 }));
  await time('search "10000000042" (declaration), limit 20', () =>
    store.search('10000000042', { limit: 20 }),
  );
  await time('neighbourhood of the busiest broker, 2 hops, limit 500', () =>
    store.neighbourhood({ start: hub, hops: 2, limit: 500 }),
  );
  await time('paths IM-1 → IM-2, maxLength 4, k 3, Shipment excluded', () =>
    store.paths({
      from: { label: 'Importer', id: 'IM-1' },
      to: { label: 'Importer', id: 'IM-2' },
      maxLength: 4,
      k: 3,
      excludeLabels: ['Shipment'],
    }),
  );
  await time('paths IM-1 → IM-2, maxLength 2, k 3, through shipments', () =>
    store.paths({
      from: { label: 'Importer', id: 'IM-1' },
      to: { label: 'Importer', id: 'IM-2' },
      maxLength: 2,
      k: 3,
    }),
  );
  let lines = 0;
  await time(`streamShipments, every line`, async () => {
    for await (const _line of store.streamShipments()) lines += 1;
  });
  let rels = 0;
  await time(`streamRels, every relationship`, async () => {
    for await (const _rel of store.streamRels(RelType.options)) rels += 1;
  });
  timed.push([`  (streamed ${lines} lines, ${rels} relationships)`, null]);
  return timed;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-bench-'));
  try {
    const batches = generate(LINES);
    const upserts = batches.reduce((sum, b) => sum + b.nodes.length + b.rels.length, 0);

    const plain = baseline(join(dir, 'baseline.db'), batches);

    const store = await openEmbeddedStore(join(dir, 'store.db'));
    await store.init();
    const stop = startTiming();
    const session = await store.beginImport({ fileHash: 'bench', fileName: 'bench.csv', rows: LINES });
    for (const batch of batches) await session.write(batch);
    await session.commit();
    const timing = stop();
    const counts = await store.counts();
    const reads = await timeReads(store);
    await store.close();

    const rate = (n: number, s: number) => (n / s).toFixed(0).padStart(9);
    const line = (name: string, t: Timing) =>
      `${name.padEnd(36)} wall ${rate(LINES, t.wall)} lines/s ${rate(upserts, t.wall)} upserts/s (${t.wall.toFixed(2)} s)` +
      ` | cpu ${rate(LINES, t.cpu)} lines/s ${rate(upserts, t.cpu)} upserts/s (${t.cpu.toFixed(2)} s)`;
    console.log(`${LINES} declaration lines, ${upserts} node+relationship upserts`);
    console.log(line('baseline: plain INSERT, no indexes', plain));
    console.log(line('embedded store import session', timing));
    console.log(
      `ratio store/baseline: wall ${(plain.wall / timing.wall).toFixed(2)}, cpu ${(plain.cpu / timing.cpu).toFixed(2)}`,
    );
    console.log(`stored: ${JSON.stringify(counts.nodes)}`);
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(1).padStart(9)} ms`;
    for (const [name, t] of reads)
      console.log(t ? `${name.padEnd(60)} wall ${ms(t.wall)} | cpu ${ms(t.cpu)}` : name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
