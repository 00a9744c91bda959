// Bulk initial load of an empty Neo4j database: the nodes and relationships of a source store
// written in Neo4j's import format (bulk-csv.ts), loaded offline by Neo4j's own importer
// (`neo4j-admin database import full`, run by tools/neo4j with the server stopped), then the
// server started again and the same constraints and indexes created as init() creates. The
// importer needs the database's files, so only the local server `npm run neo4j:start` runs can
// be loaded so; any other target is refused before anything is written.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeLabel, RelType } from '../../model/index.ts';
import type { GraphStore } from '../graph-store.ts';
import { writeImportFiles } from './bulk-csv.ts';
import { query } from './cypher.ts';
import { CypherExecutor } from './executor.ts';
import { createDriver, openNeo4jStore, type Neo4jStoreOptions } from './index.ts';

export interface BulkTarget extends Neo4jStoreOptions {
  /** The local server's home (RINGSCOPE_NEO4J_HOME of `npm run neo4j:start`). */
  home: string;
}

export interface BulkLoadResult {
  nodes: number;
  rels: number;
  /**
   * Milliseconds: writing the CSV files; the server's stop, the importer and its start; of
   * which the importer alone; creating the constraints and indexes and waiting for them.
   */
  timings: { csvMs: number; importMs: number; importerMs: number; schemaMs: number };
}

/** A target --bulk cannot load into; nothing was written. */
export class BulkRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BulkRefusal';
  }
}

const TOOL = fileURLToPath(new URL('../../../tools/neo4j/neo4j.js', import.meta.url));
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function boltPort(target: BulkTarget): number {
  let url: URL;
  try {
    url = new URL(target.uri);
  } catch {
    throw new BulkRefusal(`--bulk: ${JSON.stringify(target.uri)} is not a Bolt URI`);
  }
  if (url.protocol !== 'bolt:' || !LOCAL_HOSTS.has(url.hostname)) {
    throw new BulkRefusal(
      `--bulk loads the database files of the local Neo4j that \`npm run neo4j:start\` runs (bolt://127.0.0.1:PORT); ${target.uri} is not on this machine. Ingest into a remote server without --bulk.`,
    );
  }
  return url.port === '' ? 7687 : Number(url.port);
}

/** The home's generated neo4j.conf must be the one of the server behind the URI. */
function checkHome(target: BulkTarget, port: number): void {
  const conf = join(target.home, 'conf/neo4j.conf');
  if (!existsSync(conf)) {
    throw new BulkRefusal(
      `--bulk: no local Neo4j at ${target.home} (no conf/neo4j.conf). Point --neo4j-home (or RINGSCOPE_NEO4J_HOME) at the data directory of the server \`npm run neo4j:start\` runs.`,
    );
  }
  const listen = /^server\.bolt\.listen_address=.*:(\d+)$/m.exec(readFileSync(conf, 'utf8'))?.[1];
  if (Number(listen) !== port) {
    throw new BulkRefusal(
      `--bulk: the local Neo4j at ${target.home} listens on port ${listen ?? '(none)'}, not ${port} as ${target.uri} says. Point --neo4j-home at that server's data directory.`,
    );
  }
  if (target.database !== undefined && target.database !== 'neo4j') {
    throw new BulkRefusal(`--bulk loads the database "neo4j" only (asked: ${target.database})`);
  }
}

/** Refuses a remote server, a home not that server's, and a database holding anything. */
export async function checkBulkTarget(target: BulkTarget): Promise<{ gds: boolean }> {
  checkHome(target, boltPort(target));
  const driver = createDriver(target);
  try {
    const executor = new CypherExecutor(driver, target.database);
    const [row] = await executor.read(query('admin/any-data'));
    if (row?.get('hasData') === true) {
      throw new BulkRefusal(
        `--bulk loads an EMPTY database only, and the one at ${target.uri} holds data; nothing was changed. Ingest without --bulk to add to it.`,
      );
    }
    const gds = await executor.read(query('gds/available')).then(
      () => true,
      () => false,
    );
    return { gds };
  } finally {
    await driver.close();
  }
}

function runTool(target: BulkTarget, dir: string, gds: boolean): Promise<void> {
  const env = {
    ...process.env,
    RINGSCOPE_NEO4J_HOME: target.home,
    NEO4J_BOLT_PORT: String(boltPort(target)),
    NEO4J_USER: target.user,
    NEO4J_PASSWORD: target.password,
    NEO4J_GDS: gds ? '1' : '0',
    ...(target.password === '' ? { NEO4J_AUTH: 'none' } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TOOL, 'bulk-import', dir], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`bulk import into the local Neo4j failed (exit ${code}):\n${output.trimEnd()}`));
    });
  });
}

/**
 * Loads everything `source` holds into the empty local Neo4j `target` (checked first with
 * checkBulkTarget), writing the import files into `dir`.
 */
export async function bulkLoad(target: BulkTarget, source: GraphStore, dir: string): Promise<BulkLoadResult> {
  const { gds } = await checkBulkTarget(target);
  let started = performance.now();
  const plan = await writeImportFiles(dir, {
    nodes: source.streamNodes(NodeLabel.options),
    rels: source.streamRels(RelType.options),
    imports: await source.listImports(),
  });
  const csvMs = Math.round(performance.now() - started);
  await writeFile(join(dir, 'import.json'), JSON.stringify(plan));
  started = performance.now();
  await runTool(target, dir, gds);
  const importMs = Math.round(performance.now() - started);
  const importerMs = Number(
    (JSON.parse(readFileSync(join(dir, 'import-done.json'), 'utf8')) as { importMs?: unknown }).importMs,
  );
  started = performance.now();
  const store = await openNeo4jStore(target);
  try {
    await store.init();
  } finally {
    await store.close();
  }
  const schemaMs = Math.round(performance.now() - started);
  return { nodes: plan.nodeCount, rels: plan.relCount, timings: { csvMs, importMs, importerMs, schemaMs } };
}
