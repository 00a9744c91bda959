// Part of `npm run bench -- neo4j`: the initial load of a world's files (entities and
// declarations) into an emptied local Neo4j, through the driver (`ringscope ingest`) and with
// `ringscope ingest --bulk` (Neo4j's offline importer), wall time each, the bulk load broken
// down. Needs the local server `npm run neo4j:start` runs (RINGSCOPE_NEO4J_HOME, its Bolt port
// in NEO4J_URI): the bulk path stops and starts it. RINGSCOPE_BENCH_NEO4J=bulk runs only this.
import { resolve } from 'node:path';
import { bulkIngest } from '../src/ingest/bulk.ts';
import { ingestFiles } from '../src/ingest/ingest.ts';
import { BulkRefusal, checkBulkTarget } from '../src/store/neo4j/bulk.ts';
import type { Neo4jStoreOptions } from '../src/store/neo4j/index.ts';
import { openNeo4jStore } from '../src/store/neo4j/index.ts';
import { wipeNeo4j } from './support/neo4j-target.ts';

const GOAL = 10;

const fmt = (n: number): string => Math.round(n).toLocaleString('en');

export interface BulkFigures {
  lines: number;
  driverSeconds: number;
  bulkSeconds: number;
  bulk: { csvMs: number; importMs: number; importerMs: number; schemaMs: number; stagingMs: number };
}

export async function bulkVersusDriver(
  options: Neo4jStoreOptions,
  files: readonly string[],
): Promise<BulkFigures | null> {
  let lines = 0;
  await wipeNeo4j(options);
  const home = resolve(process.env.RINGSCOPE_NEO4J_HOME || 'data/neo4j');
  try {
    await checkBulkTarget({ ...options, home });
  } catch (error) {
    if (!(error instanceof BulkRefusal)) throw error;
    console.log(`initial load with --bulk: skipped (${error.message})`);
    return null;
  }
  const store = await openNeo4jStore(options);
  let started = performance.now();
  try {
    await store.init();
    const outcomes = await ingestFiles(store, files);
    for (const o of outcomes) if (o.kind === 'declarations') lines += o.rows;
  } finally {
    await store.close();
  }
  const driverSeconds = (performance.now() - started) / 1000;
  console.log(
    `initial load through the driver: ${driverSeconds.toFixed(1)} s, ${fmt(lines / driverSeconds)} lines/s`,
  );
  await wipeNeo4j(options);
  started = performance.now();
  const { load } = await bulkIngest({ ...options, home }, files);
  const bulkSeconds = (performance.now() - started) / 1000;
  const { csvMs, importMs, importerMs, schemaMs } = load.timings;
  const stagingMs = bulkSeconds * 1000 - csvMs - importMs - schemaMs;
  console.log(
    `initial load with --bulk: ${bulkSeconds.toFixed(1)} s, ${fmt(lines / bulkSeconds)} lines/s (validate and stage ${(stagingMs / 1000).toFixed(1)} s, import files ${(csvMs / 1000).toFixed(1)} s, the server's stop, neo4j-admin import and start ${(importMs / 1000).toFixed(1)} s (the import alone ${(importerMs / 1000).toFixed(1)} s), constraints and indexes ${(schemaMs / 1000).toFixed(1)} s)`,
  );
  const ratio = driverSeconds / bulkSeconds;
  console.log(
    `  --bulk vs driver: ${ratio.toFixed(2)}×; goal ≥ ${GOAL}×: ${ratio >= GOAL ? 'met' : 'NOT met'}`,
  );
  return {
    lines,
    driverSeconds,
    bulkSeconds,
    bulk: { csvMs, importMs, importerMs, schemaMs, stagingMs: Math.round(stagingMs) },
  };
}
