// Embedded store write throughput: a generated import of declaration lines (each ~5 node and
// 4 relationship upserts, parties repeating as in real trade) through an import session, against
// a baseline measured in the same run: the same rows as plain INSERTs into unindexed tables.
// A second import writes lines as `ringscope ingest` does (the parties once, then batches of
// WRITE_BATCH_ROWS lines, each with its four party relationships), the store's share of an ingest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRITE_BATCH_ROWS } from '../src/ingest/write-file.ts';
import Database from 'better-sqlite3';
import { RelType, relId, shipmentId } from '../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef } from '../src/model/index.ts';
import { openEmbeddedStore } from '../src/store/embedded/index.ts';
import type { GraphStore, WriteBatch } from '../src/store/graph-store.ts';
import { seededRng } from '../src/model/rng.ts';
import { writeResults } from './results.ts';

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

const PARTY_POOLS = [
  ['Importer', 'IM', 5000, 'IMPORTED_BY'],
  ['Broker', 'BR', 300, 'DECLARED_BY'],
  ['Consignee', 'CO', 4000, 'CONSIGNED_TO'],
  ['Supplier', 'SU', 3000, 'SUPPLIED_BY'],
] as const;

/** The batches an ingest of a declarations file writes: its parties, then its lines. */
function generateIngestShaped(lines: number): WriteBatch[] {
  const source = (row: number) => ({ file: 'f'.repeat(64), row });
  const parties: GraphNode[] = PARTY_POOLS.flatMap(([label, prefix, pool]) =>
    Array.from({ length: pool }, (_, i) => ({
      label,
      id: `${prefix}${i}`,
      props: { name: `${label} ${i}` },
      source: source(1),
    })),
  );
  const batches: WriteBatch[] = [{ nodes: parties, rels: [] }];
  for (let start = 0; start < lines; start += WRITE_BATCH_ROWS) {
    const nodes: GraphNode[] = [];
    const rels: GraphRel[] = [];
    for (let i = start; i < Math.min(lines, start + WRITE_BATCH_ROWS); i += 1) {
      const d = Math.floor(i / 3);
      const declarationId = `D${900_000_000 + d}`;
      const shipment: NodeRef = { label: 'Shipment', id: shipmentId(declarationId, (i % 3) + 1) };
      const date = `2024-${String((d % 12) + 1).padStart(2, '0')}-${String((d % 28) + 1).padStart(2, '0')}`;
      nodes.push({
        ...shipment,
        props: {
          currency: 'USD',
          customsValue: 1000.25 + (i % 9000),
          date,
          declarationId,
          departureCountry: 'HK',
          description: `Goods of kind ${i % 50}`,
          dutyPaid: (i % 500) + 0.5,
          grossMassKg: (i % 70) + 1.5,
          hsCode: `0${100_000 + ((d * 7 + i) % 90_000)}`,
          illicit: false,
          inspected: i % 7 === 0,
          line: (i % 3) + 1,
          netMassKg: (i % 70) + 0.5,
          office: `OF${d % 20}`,
          originCountry: 'CN',
          quantity: (i % 100) + 1,
          revenueRecovered: 0,
        },
        source: source(i + 2),
      });
      for (const [label, prefix, pool, type] of PARTY_POOLS) {
        const party: NodeRef = { label, id: `${prefix}${d % pool}` };
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

/** One import session writing every batch, timed from begin to commit. */
async function importAll(store: GraphStore, batches: WriteBatch[]): Promise<Timing> {
  const stop = startTiming();
  const session = await store.beginImport({ fileHash: 'bench', fileName: 'bench.csv', rows: LINES });
  for (const batch of batches) await session.write(batch);
  await session.commit();
  return stop();
}

/** The ingest-shaped import against its own plain-INSERT baseline, in a fresh file. */
async function ingestShaped(dir: string): Promise<{ plain: Timing; timing: Timing; upserts: number }> {
  const batches = generateIngestShaped(LINES);
  const upserts = batches.reduce((sum, b) => sum + b.nodes.length + b.rels.length, 0);
  const plain = baseline(join(dir, 'shaped-baseline.db'), batches);
  const store = await openEmbeddedStore(join(dir, 'shaped.db'));
  try {
    await store.init();
    return { plain, timing: await importAll(store, batches), upserts };
  } finally {
    await store.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-bench-'));
  try {
    const batches = generate(LINES);
    const upserts = batches.reduce((sum, b) => sum + b.nodes.length + b.rels.length, 0);

    const plain = baseline(join(dir, 'baseline.db'), batches);

    const store = await openEmbeddedStore(join(dir, 'store.db'));
    await store.init();
    const timing = await importAll(store, batches);
    const counts = await store.counts();
    const reads = await timeReads(store);
    await store.close();
    const shaped = await ingestShaped(dir);

    const rate = (n: number, s: number) => (n / s).toFixed(0).padStart(9);
    const line = (name: string, t: Timing, n = upserts) =>
      `${name.padEnd(36)} wall ${rate(LINES, t.wall)} lines/s ${rate(n, t.wall)} upserts/s (${t.wall.toFixed(2)} s)` +
      ` | cpu ${rate(LINES, t.cpu)} lines/s ${rate(n, t.cpu)} upserts/s (${t.cpu.toFixed(2)} s)`;
    const ratio = (base: Timing, t: Timing) =>
      `ratio store/baseline: wall ${(base.wall / t.wall).toFixed(2)}, cpu ${(base.cpu / t.cpu).toFixed(2)}`;
    console.log(`${LINES} declaration lines, ${upserts} node+relationship upserts`);
    console.log(line('baseline: plain INSERT, no indexes', plain));
    console.log(line('embedded store import session', timing));
    console.log(ratio(plain, timing));
    console.log(`ingest-shaped: the same lines as an ingest writes them, ${shaped.upserts} upserts`);
    console.log(line('baseline: plain INSERT, no indexes', shaped.plain, shaped.upserts));
    console.log(line('embedded store import session', shaped.timing, shaped.upserts));
    console.log(ratio(shaped.plain, shaped.timing));
    console.log(`stored: ${JSON.stringify(counts.nodes)}`);
    const ms = (seconds: number) => `${(seconds * 1000).toFixed(1).padStart(9)} ms`;
    for (const [name, t] of reads)
      console.log(t ? `${name.padEnd(60)} wall ${ms(t.wall)} | cpu ${ms(t.cpu)}` : name);
    await writeResults('store', {
      lines: LINES,
      upserts,
      baseline: { plainInsert: plain, ingestShapedPlainInsert: shaped.plain },
      importSession: timing,
      ingestShaped: { upserts: shaped.upserts, importSession: shaped.timing },
      reads: Object.fromEntries(reads.filter(([, t]) => t !== null).map(([name, t]) => [name.trim(), t])),
      stored: counts,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
