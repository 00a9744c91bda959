// `npm run bench -- api`: the API on loopback under 32 concurrent clients (autocannon): p50/p99
// latency and requests/s for search, 2-hop neighbourhood and ring detail, on the medium world.
// Baseline from the same run: GET /api/auth/me, the cost of the HTTP, session and logging stack
// alone. The world is generated, ingested and detected once and kept in the temp folder for
// later runs. RINGSCOPE_BENCH_SIZE picks another size. NEO4J_URI adds a Neo4j run on the small
// world (RINGSCOPE_BENCH_NEO4J_SIZE=medium loads the medium one, in minutes, as imports commit in
// chunks): that database is EMPTIED first, as by the Neo4j tests, unless RINGSCOPE_BENCH_NEO4J_REUSE=1
// and it already holds exactly this world's two files (checked by their SHA-256).
// RINGSCOPE_BENCH_STORES=neo4j (or embedded) runs one store only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { generateWorld } from '../seed/generate.ts';
import { WorldSize } from '../seed/sizes.ts';
import { runDetection } from '../src/detection/run-detection.ts';
import { ingestFiles } from '../src/ingest/ingest.ts';
import { nodeKey } from '../src/model/index.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { neo4jOptions, wipeNeo4j } from './support/neo4j-target.ts';
import { writeResults } from './results.ts';

const CONNECTIONS = 32;
const DURATION_S = 10;
// Each scenario first runs, uncounted, for this long: query plans compiled, caches warm, as on a
// server that has been up for a while. The first cold requests are printed apart. A Neo4j just
// started needs longer than the Node server (measured on the medium world: 2-hop p99 151–161 ms
// after 2 s, 96 ms after 15 s, 78 ms after 30 s): the JVM compiles its hot paths and the page
// cache fills over the first minute. RINGSCOPE_BENCH_WARMUP_S sets both.
const WARMUP_S = Number(process.env.RINGSCOPE_BENCH_WARMUP_S ?? 2);
const NEO4J_WARMUP_S = Number(process.env.RINGSCOPE_BENCH_WARMUP_S ?? 30);
const GOAL_P99_MS = 100;
const CLI = new URL('../bin/ringscope.js', import.meta.url).pathname;
const ADMIN = { username: 'bench', password: 'amber-quay-lantern-48' };

interface Targets {
  searchTerms: string[];
  hubKey: string;
  ringId: string;
}

async function prepare(store: StoreOptions, worldDir: string, size: WorldSize): Promise<Targets> {
  const s = await openStore(store);
  try {
    const counts = await s.counts();
    if ((counts.nodes.Shipment ?? 0) === 0) {
      console.log(`preparing the ${size} world (generate, ingest, detect; kept for later runs) …`);
      const world = existsSync(join(worldDir, 'declarations.csv'))
        ? {
            entitiesPath: join(worldDir, 'entities.csv'),
            declarationsPath: join(worldDir, 'declarations.csv'),
          }
        : await generateWorld({ size, seed: 7, outDir: worldDir });
      await ingestFiles(s, [world.entitiesPath, world.declarationsPath]);
    }
    if ((await s.lastRun()) === null) await runDetection(s, { seed: 1 });
    const { rings } = await s.listRings({ limit: 1, offset: 0 });
    const ring = rings[0] ? await s.getRing(rings[0].id) : null;
    const member = ring?.members.find((m) => m.label === 'Importer') ?? ring?.members[0];
    if (!ring || !member) throw new Error('bench: detection found no ring to read');
    const importers = await s.search('importer', { limit: 5, labels: ['Importer'] });
    const names = importers.map((h) => String(h.node.props.name ?? h.node.id).slice(0, 6));
    return {
      searchTerms: [...new Set([...names, member.id, 'DECL', 'tr'])],
      hubKey: nodeKey(member),
      ringId: ring.id,
    };
  } finally {
    await s.close();
  }
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether the store holds this world and nothing else: its two files imported, detection run. */
async function holdsWorld(store: StoreOptions, worldDir: string): Promise<boolean> {
  const files = ['entities.csv', 'declarations.csv'].map((f) => join(worldDir, f));
  if (!files.every((f) => existsSync(f))) return false;
  const s = await openStore(store);
  try {
    const imported = (await s.listImports()).map((i) => i.fileHash).sort();
    const wanted = (await Promise.all(files.map(fileHash))).sort();
    return imported.join() === wanted.join() && (await s.lastRun()) !== null;
  } finally {
    await s.close();
  }
}

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      err += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`bench: server exited (${code}): ${err}`)));
  });
  return { child, url };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify(ADMIN),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`bench: login failed (${res.status})`);
  return cookie;
}

interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
}

async function load(
  url: string,
  cookie: string,
  paths: string[],
  durationS = DURATION_S,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    headers: { cookie },
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    errors: result.non2xx + result.errors,
  };
}

async function benchStore(
  name: string,
  store: StoreOptions,
  env: Record<string, string>,
  size: WorldSize,
  worldDir: string,
): Promise<Record<string, unknown>> {
  const targets = await prepare(store, worldDir, size);
  const { child, url } = await startServer({
    ...env,
    RINGSCOPE_ADMIN_USER: ADMIN.username,
    RINGSCOPE_ADMIN_PASSWORD: ADMIN.password,
    RINGSCOPE_LOGIN_MAX_FAILURES: '100',
  });
  try {
    const cookie = await login(url);
    const key = encodeURIComponent(targets.hubKey);
    const scenarios: [string, string[]][] = [
      ['baseline /auth/me', ['/api/auth/me']],
      ['search', targets.searchTerms.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`)],
      ['neighbourhood 2 hops', [`/api/nodes/${key}/neighbourhood?hops=2&limit=200`]],
      ['ring detail', [`/api/rings/${encodeURIComponent(targets.ringId)}`]],
    ];
    const warmupS = 'neo4j' in store ? NEO4J_WARMUP_S : WARMUP_S;
    console.log(
      `\n${name} store, ${size} world, ${CONNECTIONS} connections × ${DURATION_S} s each after ${warmupS} s of warm-up (hub ${targets.hubKey}, ring ${targets.ringId})`,
    );
    console.log(
      'scenario               p50 ms   p99 ms    req/s  non-2xx  goal p99 < 100 ms   (warm-up: max ms)',
    );
    const measured: Record<string, unknown>[] = [];
    for (const [label, paths] of scenarios) {
      const warm = await load(url, cookie, paths, warmupS);
      const r = await load(url, cookie, paths);
      measured.push({ scenario: label, ...r, warmupMaxMs: warm.max });
      const goal = label.startsWith('baseline') ? '' : r.p99 < GOAL_P99_MS ? 'met' : 'NOT met';
      console.log(
        `${label.padEnd(22)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(8)} ${Math.round(r.rps).toString().padStart(8)} ${String(r.errors).padStart(8)}  ${goal.padEnd(18)}(${warm.max})`,
      );
    }
    return { size, hub: targets.hubKey, ring: targets.ringId, warmupS, scenarios: measured };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function run(): Promise<void> {
  const size = WorldSize.parse(process.env.RINGSCOPE_BENCH_SIZE ?? 'medium');
  const dir = join(tmpdir(), `ringscope-bench-api-${size}`);
  await mkdir(dir, { recursive: true });
  const worldDir = join(dir, 'world');
  const db = join(dir, 'graph.db');
  const stores = (process.env.RINGSCOPE_BENCH_STORES ?? 'embedded,neo4j').split(',');
  const figures: Record<string, unknown> = {};
  if (stores.includes('embedded')) {
    figures.embedded = await benchStore(
      'embedded',
      { db },
      { RINGSCOPE_DB: db, RINGSCOPE_APP_DB: join(dir, 'app-embedded.db') },
      size,
      worldDir,
    );
  }
  const neo4j = process.env.NEO4J_URI;
  if (stores.includes('neo4j') && neo4j) {
    const neo4jSize = WorldSize.parse(process.env.RINGSCOPE_BENCH_NEO4J_SIZE ?? 'small');
    const neo4jDir = join(tmpdir(), `ringscope-bench-api-${neo4jSize}`);
    await mkdir(neo4jDir, { recursive: true });
    const reuse =
      process.env.RINGSCOPE_BENCH_NEO4J_REUSE === '1' &&
      (await holdsWorld({ neo4j }, join(neo4jDir, 'world')));
    if (!reuse) await wipeNeo4j(neo4jOptions());
    figures.neo4j = await benchStore(
      'neo4j',
      { neo4j },
      { RINGSCOPE_NEO4J_URI: neo4j, RINGSCOPE_APP_DB: join(neo4jDir, 'app-neo4j.db') },
      neo4jSize,
      join(neo4jDir, 'world'),
    );
  } else if (stores.includes('neo4j')) {
    console.log('\nneo4j: skipped (set NEO4J_URI to bench the Neo4j store too)');
  }
  await writeResults('api', {
    ...figures,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    baseline: 'the scenario "baseline /auth/me": HTTP, session lookup and request logging alone',
    goals: { p99Ms: GOAL_P99_MS },
  });
}
