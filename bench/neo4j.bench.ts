// `npm run bench -- neo4j`: the Neo4j store on a seeded world. Needs NEO4J_URI (+ NEO4J_USER/
// PASSWORD) and EMPTIES that database. The world is `small` (50,000 lines) by default;
// RINGSCOPE_BENCH_SIZE=medium (500,000 lines) imports too, as an import commits in chunks.
// Prints, in one run:
// - a sweep of UNWIND batch sizes on a 5,000-line sample imported through the store (how
//   WRITE_BATCH_ROWS was chosen);
// - lines/s of a naive one-transaction-per-line ingest of that sample, every node with MERGE
//   (the baseline);
// - lines/s of the batched ingest of the whole declarations file (the best of
//   RINGSCOPE_BENCH_RUNS imports, 3 by default, each run printed), its ratio to the baseline,
//   and the CPU time each run took in this process and in a local Neo4j (RINGSCOPE_NEO4J_HOME);
//   beside it, measured first in the same run, the same file with every node written by MERGE
//   (the write path before new nodes were created with CREATE);
// - p50/p99 of 2-hop neighbourhoods and of shortest paths from 1,000 random parties; the
//   neighbourhood beside its baseline in the same run: the shared per-hop traversal over the
//   same server (one round trip per hop level), with a check that both answer alike.
// - the initial load of the world's entities and declarations through the driver and with
//   `ingest --bulk` (bench/neo4j-bulk.ts; the local server only, RINGSCOPE_NEO4J_HOME);
// RINGSCOPE_BENCH_NEO4J=bulk runs only that; RINGSCOPE_BENCH_NEO4J=latency skips the batch-size sweep, the naive ingest and the MERGE
// comparison; RINGSCOPE_BENCH_NEO4J=ingest only imports the declarations file into an emptied
// database RINGSCOPE_BENCH_RUNS times (3 by default), alternating the MERGE path and Ringscope's,
// to compare changes of the write path on a warm server.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { seededRng } from '../src/model/rng.ts';
import { nodeKey } from '../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef, Subgraph } from '../src/model/index.ts';
import { ingestFiles } from '../src/ingest/ingest.ts';
import { openEmbeddedStore } from '../src/store/embedded/index.ts';
import type { GraphStore, WriteBatch } from '../src/store/graph-store.ts';
import { CypherExecutor } from '../src/store/neo4j/executor.ts';
import { createDriver, openNeo4jStore } from '../src/store/neo4j/index.ts';
import { neo4jTraversal } from '../src/store/neo4j/traversal.ts';
import { expandNeighbourhood } from '../src/store/traversal.ts';
import type { Neo4jStoreOptions } from '../src/store/neo4j/index.ts';
import { Neo4jWriter, WRITE_BATCH_ROWS } from '../src/store/neo4j/writes.ts';
import { generateWorld } from '../seed/generate.ts';
import { WorldSize } from '../seed/sizes.ts';
import { neo4jOptions, wipeNeo4j } from './support/neo4j-target.ts';
import { writeResults } from './results.ts';
import { bulkVersusDriver } from './neo4j-bulk.ts';

const SAMPLE_LINES = 5_000;
const STARTS = 1_000;
const BATCH_SIZES = [250, 1_000, 2_000, 5_000, 10_000];
const GOALS = { linesPerSecond: 15_000, ratio: 30, p99TwoHopMs: 50 };

const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const seconds = (started: number): number => (performance.now() - started) / 1000;

async function headOf(path: string, lines: number, out: string): Promise<void> {
  const output = createWriteStream(out);
  let n = -1; // the header line
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (n >= lines) break;
    output.write(`${line}\n`);
    n += 1;
  }
  output.end();
  await once(output, 'finish');
}

/** The batches the real ingest writes for a file (captured from an embedded store). */
async function ingestBatches(path: string, dir: string): Promise<WriteBatch[]> {
  const batches: WriteBatch[] = [];
  const store = await openEmbeddedStore(join(dir, 'capture.db'));
  await store.init();
  const capturing = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'beginImport') {
        return async (file: Parameters<GraphStore['beginImport']>[0]) => {
          const session = await target.beginImport(file);
          return {
            write: (batch: WriteBatch) => (batches.push(batch), session.write(batch)),
            commit: () => session.commit(),
            abort: () => session.abort(),
          };
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  await ingestFiles(capturing, [path]);
  await store.close();
  return batches;
}

/** What a naive ingest writes per line: the line's node, the parties it names, its relationships. */
function perLine(batches: readonly WriteBatch[]): WriteBatch[] {
  const byKey = new Map<string, GraphNode>();
  for (const b of batches) for (const n of b.nodes) byKey.set(nodeKey(n), n);
  const relsFrom = new Map<string, GraphRel[]>();
  for (const b of batches)
    for (const r of b.rels) relsFrom.set(nodeKey(r.from), [...(relsFrom.get(nodeKey(r.from)) ?? []), r]);
  const lines: WriteBatch[] = [];
  for (const b of batches) {
    for (const owned of b.nodes.filter((n) => n.label === 'Shipment')) {
      const rels = relsFrom.get(nodeKey(owned)) ?? [];
      const parties = rels
        .map((r) => byKey.get(nodeKey(r.to)))
        .filter((n): n is GraphNode => n !== undefined);
      lines.push({ nodes: [...parties, owned], rels });
    }
  }
  return lines;
}

async function withExecutor<T>(
  options: Neo4jStoreOptions,
  work: (executor: CypherExecutor) => Promise<T>,
): Promise<T> {
  const driver = createDriver(options);
  try {
    return await work(new CypherExecutor(driver, options.database));
  } finally {
    await driver.close();
  }
}

async function freshStore(options: Neo4jStoreOptions): Promise<GraphStore> {
  await wipeNeo4j(options);
  const store = await openNeo4jStore(options);
  await store.init();
  return store;
}

/** Lines/s importing the sample's batches with `rows` per UNWIND (the import path, chunked). */
async function batchedSample(
  options: Neo4jStoreOptions,
  batches: readonly WriteBatch[],
  rows: number,
  lines: number,
): Promise<number> {
  await (await freshStore(options)).close();
  const store = await openNeo4jStore({ ...options, importTuning: { statementRows: rows } });
  try {
    const started = performance.now();
    const session = await store.beginImport({
      fileHash: '0'.repeat(64),
      fileName: 'sample.csv',
      rows: lines,
    });
    for (const batch of batches) await session.write(batch);
    await session.commit();
    return lines / seconds(started);
  } finally {
    await store.close();
  }
}

/**
 * Lines/s writing each line in a transaction of its own, one statement after the other, every
 * node with MERGE: the simplest correct ingest, as this baseline has always been measured.
 */
async function naiveSample(options: Neo4jStoreOptions, lines: readonly WriteBatch[]): Promise<number> {
  await (await freshStore(options)).close();
  return withExecutor(options, async (executor) => {
    const writer = new Neo4jWriter(neo4j.int(1), WRITE_BATCH_ROWS, false);
    const started = performance.now();
    for (const line of lines) {
      const tx = await executor.begin('bench naive line');
      for (const statement of writer.prepare(line).statements)
        await tx.run(statement.query, statement.params);
      await tx.commit();
    }
    return lines.length / seconds(started);
  });
}

async function withFreshStore<T>(
  options: Neo4jStoreOptions,
  work: (store: GraphStore) => Promise<T>,
): Promise<T> {
  await (await freshStore(options)).close();
  const store = await openNeo4jStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Lines/s of the real ingest of a declarations file (parse and validation included), and its CPU. */
async function batchedIngest(store: GraphStore, path: string, how: string): Promise<number> {
  const cpuBefore = { ingest: process.cpuUsage(), server: serverCpuSeconds() };
  const started = performance.now();
  const [outcome] = await ingestFiles(store, [path]);
  if (outcome?.status !== 'imported')
    throw new Error(`bench ingest failed: ${JSON.stringify(outcome?.problems.slice(0, 3))}`);
  const rate = outcome.rows / seconds(started);
  console.log(
    `batched ingest of declarations.csv (${fmt(outcome.rows)} lines, parse and validation included), ${how}: ${fmt(rate)} lines/s`,
  );
  printCpu(outcome.rows, process.cpuUsage(cpuBefore.ingest), cpuBefore.server);
  const { validateMs, checkMs, writeMs, storeWriteMs } = outcome.timings;
  console.log(
    `  read + validate ${fmt(validateMs)} ms, check against the store ${fmt(checkMs)} ms, write ${fmt(writeMs)} ms (inside the store ${fmt(storeWriteMs)} ms)`,
  );
  return rate;
}

/** A tuning of the import from the environment (for measuring it), or undefined for the default. */
function envRows(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

/** The declarations file imported again and again, both write paths alternated. */
async function repeatedIngest(options: Neo4jStoreOptions, path: string): Promise<void> {
  const runs = Number(process.env.RINGSCOPE_BENCH_RUNS ?? 3);
  for (let run = 1; run <= runs; run += 1) {
    for (const createNew of [false, true]) {
      const importTuning = {
        createNew,
        chunkRows: envRows('RINGSCOPE_BENCH_CHUNK_ROWS'),
        statementRows: envRows('RINGSCOPE_BENCH_STATEMENT_ROWS'),
      };
      await withFreshStore({ ...options, importTuning }, (store) =>
        batchedIngest(
          store,
          path,
          `run ${run}, ${createNew ? 'new nodes created' : 'every node with MERGE'}`,
        ),
      );
    }
  }
}

/**
 * CPU seconds used so far by the local Neo4j (npm run neo4j:start, its pid file under
 * RINGSCOPE_NEO4J_HOME), or null for a server elsewhere. On a shared machine CPU time says more
 * than wall time, which depends on the neighbours.
 */
function serverCpuSeconds(): number | null {
  try {
    const pid = readFileSync(
      join(process.env.RINGSCOPE_NEO4J_HOME || 'data/neo4j', 'neo4j.pid'),
      'utf8',
    ).trim();
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

function printCpu(lines: number, ingest: NodeJS.CpuUsage, serverBefore: number | null): void {
  const ingestSeconds = (ingest.user + ingest.system) / 1e6;
  const serverAfter = serverCpuSeconds();
  const server = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
  const parts = [
    `ingest process ${ingestSeconds.toFixed(1)} s (${fmt(lines / ingestSeconds)} lines per CPU second)`,
  ];
  if (server !== null)
    parts.push(`Neo4j ${server.toFixed(1)} s (${fmt(lines / server)} lines per CPU second)`);
  console.log(`  CPU time: ${parts.join('; ')}`);
  if (server !== null) {
    // What two cores could do were both processes busy all the time: an upper bound that the
    // load of a shared machine does not move.
    const both = lines / (ingestSeconds + server);
    console.log(
      `  together ${fmt(both)} lines per CPU second: at most ${fmt(2 * both)} lines/s on two cores`,
    );
  }
}

function sameSubgraph(a: Subgraph, b: Subgraph): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(name: string, values: readonly number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  console.log(
    `${name}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms over ${values.length} random parties`,
  );
  return { p50, p99 };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

async function latencies(store: GraphStore, options: Neo4jStoreOptions): Promise<Record<string, unknown>> {
  const parties: NodeRef[] = [];
  for await (const n of store.streamNodes(['Importer', 'Broker', 'Supplier', 'Consignee']))
    parties.push({ label: n.label, id: n.id });
  const next = seededRng(1); // the same starts on every run
  const starts = Array.from({ length: STARTS }, () => parties[Math.floor(next() * parties.length)]!);
  const twoHop: number[] = [];
  const perHop: number[] = [];
  let alike = 0;
  await withExecutor(options, async (executor) => {
    const source = neo4jTraversal(executor);
    for (const start of starts) {
      const query = { start, hops: 2, limit: 200 };
      // Alternated start by start, so both see the same load on a shared machine.
      const one = await timed(() => store.neighbourhood(query));
      const base = await timed(() => expandNeighbourhood(source, query));
      twoHop.push(one.ms);
      perHop.push(base.ms);
      if (sameSubgraph(one.value, base.value)) alike += 1;
    }
  });
  const oneQuery = report('2-hop neighbourhood (limit 200), one round trip', twoHop);
  const baseline = report('  baseline: shared per-hop traversal', perHop);
  const [p99, baseP99] = [oneQuery.p99, baseline.p99];
  console.log(
    `  p99 ratio baseline / one round trip: ${(baseP99 / p99).toFixed(1)}×; identical answers: ${alike} of ${STARTS}`,
  );
  console.log(`  goal p99 2-hop < ${GOALS.p99TwoHopMs} ms: ${p99 < GOALS.p99TwoHopMs ? 'met' : 'NOT met'}`);
  const path: number[] = [];
  let found = 0;
  let refused = 0;
  for (const [i, from] of starts.entries()) {
    const to = starts[(i + 1) % starts.length]!;
    const t = performance.now();
    try {
      found += (await store.paths({ from, to, maxLength: 4, k: 1 })).length;
    } catch {
      refused += 1; // a search too wide for the store's bound: timed all the same
    }
    path.push(performance.now() - t);
  }
  const paths = report('shortest path (≤ 4 rels)', path);
  console.log(`  paths found between ${found} of ${STARTS} pairs; ${refused} searches refused as too wide`);
  return {
    starts: STARTS,
    twoHop: oneQuery,
    twoHopBaselinePerHop: baseline,
    identical: alike,
    paths,
    found,
    refused,
  };
}

/** The batched ingest's best run against the naive and MERGE baselines and the goals. */
function printBatched(rates: readonly number[], naive: number, merged: number): void {
  const batched = Math.max(...rates);
  const sorted = [...rates].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)] ?? batched;
  if (rates.length > 1)
    console.log(
      `batched ingest, best of ${rates.length}: ${fmt(batched)} lines/s (runs: ${rates.map(fmt).join(', ')}; median ${fmt(median)})`,
    );
  console.log(
    `  ratio to naive: ${(batched / naive).toFixed(1)}×; to every node with MERGE: ${(batched / merged).toFixed(2)}×`,
  );
  console.log(
    `  goals ≥ ${fmt(GOALS.linesPerSecond)} lines/s: ${batched >= GOALS.linesPerSecond ? 'met' : 'NOT met'}; ≥ ${GOALS.ratio}× naive: ${batched / naive >= GOALS.ratio ? 'met' : 'NOT met'}`,
  );
}

export async function run(): Promise<void> {
  const options = neo4jOptions();
  if (!options.uri) {
    console.log(
      'bench neo4j: set NEO4J_URI (e.g. npm run neo4j:start; NEO4J_URI=bolt://127.0.0.1:7687). It EMPTIES that database.',
    );
    return;
  }
  const size = WorldSize.parse(process.env.RINGSCOPE_BENCH_SIZE ?? 'small');
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-bench-neo4j-'));
  try {
    const world = await generateWorld({ size, seed: 7, outDir: dir });
    const samplePath = join(dir, 'sample.csv');
    await headOf(world.declarationsPath, SAMPLE_LINES, samplePath);
    const sampleBatches = await ingestBatches(samplePath, dir);
    const sampleLines = perLine(sampleBatches);
    console.log(`world: ${size} (seed 7); sample: ${fmt(sampleLines.length)} lines`);

    if (process.env.RINGSCOPE_BENCH_NEO4J === 'ingest')
      return await repeatedIngest(options, world.declarationsPath);
    const bulkFiles = [world.entitiesPath, world.declarationsPath];
    if (process.env.RINGSCOPE_BENCH_NEO4J === 'bulk')
      return void (await writeResults('neo4j', { size, bulk: await bulkVersusDriver(options, bulkFiles) }));
    const latencyOnly = process.env.RINGSCOPE_BENCH_NEO4J === 'latency';
    // A server compiles its hot paths in its first minutes: the first import after a start ran
    // 8,300–10,600 lines/s where the same import on a server that had run a while ran
    // 12,000–14,300 (2026-11-27). Everything below is measured after one untimed import.
    if (!latencyOnly) {
      await withFreshStore(options, (store) => ingestFiles(store, [world.declarationsPath]));
      console.log('warm-up: declarations.csv imported once, untimed');
    }
    const sample: Record<number, number> = {};
    for (const rows of latencyOnly ? [] : BATCH_SIZES) {
      const rate = await batchedSample(options, sampleBatches, rows, sampleLines.length);
      sample[rows] = rate;
      console.log(
        `batched sample, ${String(rows).padStart(5)} rows per UNWIND: ${fmt(rate)} lines/s${rows === WRITE_BATCH_ROWS ? '  (WRITE_BATCH_ROWS)' : ''}`,
      );
    }
    const naive = latencyOnly ? NaN : await naiveSample(options, sampleLines);
    if (!latencyOnly) console.log(`naive sample, one transaction per line: ${fmt(naive)} lines/s`);

    // The same file written with MERGE for every node, as if each might exist: the write path
    // before nodes new to the graph were created (ImportTuning.createNew), measured first.
    const merged = latencyOnly
      ? NaN
      : await withFreshStore({ ...options, importTuning: { createNew: false } }, (store) =>
          batchedIngest(store, world.declarationsPath, 'every node with MERGE (comparison, same run)'),
        );
    // The import as Ringscope writes it, RINGSCOPE_BENCH_RUNS times (3) into an emptied database,
    // the best run taken as the ingest bench does (a neighbour's burst on a shared machine slows
    // one run, never speeds one up); every run is printed. The last store stays for the latencies.
    const runs = latencyOnly ? 1 : Math.max(1, Number(process.env.RINGSCOPE_BENCH_RUNS ?? 3));
    const rates: number[] = [];
    for (let run = 1; run < runs; run += 1) {
      rates.push(
        await withFreshStore(options, (s) =>
          batchedIngest(s, world.declarationsPath, `new nodes created, run ${run} of ${runs}`),
        ),
      );
    }
    const store = await freshStore(options);
    try {
      rates.push(
        await batchedIngest(
          store,
          world.declarationsPath,
          runs > 1 ? `new nodes created, run ${runs} of ${runs}` : 'new nodes created',
        ),
      );
      if (!latencyOnly) printBatched(rates, naive, merged);
      const latency = await latencies(store, options);
      await writeResults('neo4j', {
        size,
        sampleLines: sampleLines.length,
        sampleLinesPerSecondByRowsPerUnwind: sample,
        baseline: { naiveSampleLinesPerSecond: naive, everyNodeMergeLinesPerSecond: merged },
        batchedIngest: { bestLinesPerSecond: Math.max(...rates), runs: rates },
        latency,
        goals: GOALS,
      });
    } finally {
      await store.close();
    }
    if (!latencyOnly) await bulkVersusDriver(options, bulkFiles);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
