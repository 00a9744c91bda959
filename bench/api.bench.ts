// `npm run bench -- api`: the API on loopback under 32 concurrent clients (autocannon): p50/p99
// latency and requests/s for search, 2-hop neighbourhood and ring detail, on the medium world,
// and POST /api/declarations/score for two 5-line declarations, one green, one red (a model
// `ringscope train` fits on the world, kept; goal p99 < 20 ms), each with 4 more clients asking
// for /api/auth/me meanwhile: what the rest of the API sees while declarations are scored.
// Baseline from the same run: GET /api/auth/me, the cost of the HTTP, session and logging stack
// alone. The world is generated, ingested and detected once and kept in the temp folder for
// later runs. Then the flood (bench/api/flood.ts): 32 clients on the biggest hub's 2-hop neighbourhood
// while 4 others search and ask for /api/auth/me. RINGSCOPE_BENCH_SIZE picks another size. NEO4J_URI adds a Neo4j run on the small
// world (RINGSCOPE_BENCH_NEO4J_SIZE=medium loads the medium one, in minutes, as imports commit in
// chunks): that database is EMPTIED first, as by the Neo4j tests, unless RINGSCOPE_BENCH_NEO4J_REUSE=1
// and it already holds exactly this world's two files (checked by their SHA-256).
// RINGSCOPE_BENCH_STORES=neo4j (or embedded) runs one store only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import { generateWorld } from '../seed/generate.ts';
import { WorldSize } from '../seed/sizes.ts';
import { loadRiskModel } from '../server/services/risk-model.ts';
import { readDeclarationLines } from '../src/cli/commands/risk-input.ts';
import { runDetection } from '../src/detection/run-detection.ts';
import { scoreLines } from '../src/risk/scored.ts';
import { ingestFiles } from '../src/ingest/ingest.ts';
import { nodeKey } from '../src/model/index.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { flood, printFlood } from './api/flood.ts';
import { declarationBody } from './support/declaration-body.ts';
import { neo4jOptions, wipeNeo4j } from './support/neo4j-target.ts';
import { writeResults } from './results.ts';

const CONNECTIONS = 32;
/** Linux's USER_HZ: /proc's CPU times are in these ticks. */
const CLOCK_TICKS = 100;
const DURATION_S = 10;
// Each scenario first runs, uncounted, for this long: query plans compiled, caches warm, as on a
// server that has been up for a while. The first cold requests are printed apart. A Neo4j just
// started needs longer than the Node server (measured on the medium world: 2-hop p99 151–161 ms
// after 2 s, 96 ms after 15 s, 78 ms after 30 s): the JVM compiles its hot paths and the page
// cache fills over the first minute. RINGSCOPE_BENCH_WARMUP_S sets both.
const WARMUP_S = Number(process.env.RINGSCOPE_BENCH_WARMUP_S ?? 2);
const NEO4J_WARMUP_S = Number(process.env.RINGSCOPE_BENCH_WARMUP_S ?? 30);
const GOAL_P99_MS = 100;
/** `POST /api/declarations/score` for a 5-line declaration: the border's budget per declaration. */
const SCORE_GOAL_P99_MS = 20;
/**
 * Clients asking for /api/auth/me while the 32 score: the rest of the API under that load, other
 * users at a steady BESIDE_RATE requests a second in all. Asking as fast as answered instead
 * would measure their own speed: the quicker the rest of the API stays, the more load they add
 * (a flood has its own scenario below).
 */
const BESIDE = 4;
const BESIDE_RATE = 200;
const CLI = new URL('../bin/ringscope.js', import.meta.url).pathname;
const ADMIN = { username: 'bench', password: 'amber-quay-lantern-48' };

interface Targets {
  searchTerms: string[];
  hubKey: string;
  ringId: string;
  /** The importer with the most declaration lines: the widest 2-hop neighbourhood. */
  biggestHubKey: string;
}

async function biggestImporter(s: Awaited<ReturnType<typeof openStore>>): Promise<string> {
  const lines = new Map<string, number>();
  for await (const line of s.streamShipments()) {
    lines.set(line.importerId, (lines.get(line.importerId) ?? 0) + 1);
  }
  const [id] = [...lines].reduce((a, b) => (b[1] > a[1] ? b : a), ['', -1]);
  return nodeKey({ label: 'Importer', id });
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
      biggestHubKey: await biggestImporter(s),
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

/** Node's flags for the server: those it is deployed with (the Dockerfile, `npm start`). */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, CLI, 'serve', '--port', '0'], {
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

async function post(url: string, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function login(url: string, who: { username: string; password: string } = ADMIN): Promise<string> {
  const res = await post(url, '/api/auth/login', who);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie)
    throw new Error(`bench: login as ${who.username} failed (${res.status})`);
  return cookie;
}

/**
 * The flood's bystanders sign in as an account of their own: the per-user share of heavy reads
 * bounds the flooding account, not everyone. Created on the first run (its one-time password
 * changed at once) and kept in the app database for later runs.
 */
async function bystander(url: string, adminCookie: string): Promise<string> {
  const first = { username: 'bench-bystander', password: 'Kq7-first-pass-for-bench' };
  const kept = { username: 'bench-bystander', password: 'Wm4-kept-pass-for-bench' };
  const created = await post(url, '/api/users', { ...first, role: 'investigator' }, adminCookie);
  if (created.status === 201 || created.status === 200) {
    const cookie = await login(url, first);
    const changed = await post(
      url,
      '/api/auth/password',
      { currentPassword: first.password, newPassword: kept.password },
      cookie,
    );
    if (changed.status !== 200) throw new Error(`bench: password change failed (${changed.status})`);
  } else if (created.status !== 409) {
    throw new Error(`bench: creating the bystander failed (${created.status})`);
  }
  return login(url, kept);
}

interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  errors: number;
  requests: number;
}

type LoadOptions = Parameters<typeof autocannon>[0];

/** 32 clients sending these requests over and over for `durationS` seconds. */
async function measure(
  url: string,
  headers: LoadOptions['headers'],
  requests: LoadOptions['requests'],
  durationS: number,
  connections = CONNECTIONS,
  overallRate?: number,
): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: durationS, headers, requests, overallRate });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    rps: result.requests.average,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
  };
}

/**
 * The server's CPU time so far in µs (user + system, from /proc; null where there is none). CPU
 * per request does not grow with the machine's other load as latency does: on a shared machine it
 * is the steadier figure of what a request costs (32 clients wait about 32 × that each round).
 */
function serverCpuUs(pid: number | undefined, thread = false): number | null {
  try {
    const stat = thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`;
    const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * CPU µs the server spent per request while `loads` ran (null without /proc), in all its threads
 * and in its main thread alone (HTTP, sessions, validation, audit: what every request waits for;
 * scoring and heavy reads run on threads beside it).
 */
async function cpuPerRequest<T extends LoadResult[]>(
  pid: number | undefined,
  loads: () => Promise<T>,
): Promise<{ results: T; cpuUsPerRequest: number | null; mainThreadUsPerRequest: number | null }> {
  const before = serverCpuUs(pid);
  const mainBefore = serverCpuUs(pid, true);
  const results = await loads();
  const after = serverCpuUs(pid);
  const mainAfter = serverCpuUs(pid, true);
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const per = (a: number | null, b: number | null) =>
    a === null || b === null ? null : Math.round((b - a) / requests);
  return { results, cpuUsPerRequest: per(before, after), mainThreadUsPerRequest: per(mainBefore, mainAfter) };
}

const load = (url: string, cookie: string, paths: string[], durationS = DURATION_S): Promise<LoadResult> =>
  measure(
    url,
    { cookie },
    paths.map((path) => ({ method: 'GET' as const, path })),
    durationS,
  );

/**
 * A risk model trained with `ringscope train` on the world's declarations (kept for later runs),
 * and two 5-line declarations to score, as canonical JSON: the world's first five lines (green
 * lanes, as most arrivals are: no reasons to compute), and the five lines the model scores
 * highest (red: each line explained with exact TreeSHAP, the worst case).
 */
async function scoringSetup(
  worldDir: string,
  dir: string,
): Promise<{ model: string; bodies: { label: string; body: unknown }[] }> {
  const declarations = join(worldDir, 'declarations.csv');
  const model = join(dir, 'risk-model.json');
  if (!existsSync(model)) {
    console.log('training the risk model on the world (kept for later runs) …');
    const child = spawn(process.execPath, [CLI, 'train', declarations, '--out', model], { stdio: 'inherit' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`bench: ringscope train exited ${code}`);
  }
  const { lines } = await readDeclarationLines(declarations, {});
  const loaded = loadRiskModel(model)!;
  const top = scoreLines(loaded.model, loaded.file.lanes, lines, { reasonsFor: [] })
    .slice(0, 5)
    .map((s) => s.line);
  return {
    model,
    bodies: [
      { label: 'score 5 first lines', body: declarationBody('BENCH-ARRIVAL-1', lines.slice(0, 5)) },
      { label: 'score 5 top lines', body: declarationBody('BENCH-ARRIVAL-2', top) },
    ],
  };
}

/** 32 clients posting the same declaration to be scored. */
const loadScoring = (
  url: string,
  cookie: string,
  body: unknown,
  durationS = DURATION_S,
): Promise<LoadResult> =>
  measure(
    url,
    { cookie, 'content-type': 'application/json', origin: url },
    [{ method: 'POST' as const, path: '/api/declarations/score', body: JSON.stringify(body) }],
    durationS,
  );

/**
 * The 32-client scenarios are one account: its share of heavy reads is widened to the whole pool
 * and a long queue there, so they measure throughput and latency, not the per-user refusals. The
 * flood runs on a server with the default limits.
 */
const THROUGHPUT_LIMITS = {
  RINGSCOPE_HEAVY_READ_PER_USER: '2',
  RINGSCOPE_HEAVY_READ_PER_USER_QUEUED: String(CONNECTIONS * 2),
  RINGSCOPE_HEAVY_READ_QUEUE: String(CONNECTIONS * 2),
  RINGSCOPE_HEAVY_READ_QUEUE_WAIT_MS: '10000',
};

async function withServer<T>(
  env: Record<string, string>,
  work: (url: string, pid: number | undefined) => Promise<T>,
): Promise<T> {
  const { child, url } = await startServer({
    ...env,
    RINGSCOPE_ADMIN_USER: ADMIN.username,
    RINGSCOPE_ADMIN_PASSWORD: ADMIN.password,
    RINGSCOPE_LOGIN_MAX_FAILURES: '100',
  });
  try {
    return await work(url, child.pid);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const cpuFigures = (all: number | null, main: number | null): string =>
  `${String(all ?? '—').padStart(11)} ${`(${main ?? '—'})`.padEnd(13)}`;

async function scenarios(
  url: string,
  pid: number | undefined,
  targets: Targets,
  warmupS: number,
  scoreBodies: { label: string; body: unknown }[],
): Promise<Record<string, unknown>[]> {
  const cookie = await login(url);
  const key = encodeURIComponent(targets.hubKey);
  const list: [string, string[]][] = [
    ['baseline /auth/me', ['/api/auth/me']],
    ['search', targets.searchTerms.map((q) => `/api/search?q=${encodeURIComponent(q)}&limit=10`)],
    ['neighbourhood 2 hops', [`/api/nodes/${key}/neighbourhood?hops=2&limit=200`]],
    ['ring detail', [`/api/rings/${encodeURIComponent(targets.ringId)}`]],
  ];
  console.log(
    'scenario               p50 ms   p99 ms    req/s  non-2xx  CPU µs/req (main thread)  goal p99 < 100 ms   (warm-up: max ms)',
  );
  const measured: Record<string, unknown>[] = [];
  for (const [label, paths] of list) {
    const warm = await load(url, cookie, paths, warmupS);
    const { results, cpuUsPerRequest, mainThreadUsPerRequest } = await cpuPerRequest(pid, async () => [
      await load(url, cookie, paths),
    ]);
    const r = results[0]!;
    measured.push({ scenario: label, ...r, cpuUsPerRequest, mainThreadUsPerRequest, warmupMaxMs: warm.max });
    const goal = label.startsWith('baseline') ? '' : r.p99 < GOAL_P99_MS ? 'met' : 'NOT met';
    console.log(
      `${label.padEnd(22)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(8)} ${Math.round(r.rps).toString().padStart(8)} ${String(r.errors).padStart(8)} ${cpuFigures(cpuUsPerRequest, mainThreadUsPerRequest)}  ${goal.padEnd(18)}(${warm.max})`,
    );
  }
  for (const { label, body } of scoreBodies) {
    const warm = await loadScoring(url, cookie, body, warmupS);
    // Beside the scoring load, a few clients ask for /api/auth/me: what the rest of the API sees.
    // CPU per request counts both: the scoring requests and the few beside them.
    const {
      results: [r, beside],
      cpuUsPerRequest,
      mainThreadUsPerRequest,
    } = await cpuPerRequest(pid, () =>
      Promise.all([
        loadScoring(url, cookie, body),
        measure(
          url,
          { cookie },
          [{ method: 'GET' as const, path: '/api/auth/me' }],
          DURATION_S,
          BESIDE,
          BESIDE_RATE,
        ),
      ]),
    );
    measured.push({
      scenario: `POST /api/declarations/score (${label})`,
      ...r,
      cpuUsPerRequest,
      mainThreadUsPerRequest,
      warmupMaxMs: warm.max,
      besideAuthMe: { connections: BESIDE, rate: BESIDE_RATE, ...beside },
    });
    console.log(
      `${label.padEnd(22)} ${String(r.p50).padStart(6)} ${String(r.p99).padStart(8)} ${Math.round(r.rps).toString().padStart(8)} ${String(r.errors).padStart(8)} ${cpuFigures(cpuUsPerRequest, mainThreadUsPerRequest)}  ${(r.p99 < SCORE_GOAL_P99_MS ? 'met' : 'NOT met').padEnd(3)} (p99 < ${SCORE_GOAL_P99_MS} ms) (${warm.max})`,
    );
    console.log(
      `${'  beside: /auth/me'.padEnd(22)} ${String(beside.p50).padStart(6)} ${String(beside.p99).padStart(8)} ${Math.round(beside.rps).toString().padStart(8)} ${String(beside.errors).padStart(8)}  (${BESIDE} clients, ${BESIDE_RATE} req/s in all, during the scoring load)`,
    );
  }
  return measured;
}

async function benchStore(
  name: string,
  store: StoreOptions,
  env: Record<string, string>,
  size: WorldSize,
  worldDir: string,
): Promise<Record<string, unknown>> {
  const targets = await prepare(store, worldDir, size);
  const scoring = await scoringSetup(worldDir, dirname(worldDir));
  const warmupS = 'neo4j' in store ? NEO4J_WARMUP_S : WARMUP_S;
  console.log(
    `\n${name} store, ${size} world, ${CONNECTIONS} connections × ${DURATION_S} s each after ${warmupS} s of warm-up (hub ${targets.hubKey}, ring ${targets.ringId})`,
  );
  const measured = await withServer(
    { ...env, ...THROUGHPUT_LIMITS, RINGSCOPE_RISK_MODEL: scoring.model },
    (url, pid) => scenarios(url, pid, targets, warmupS, scoring.bodies),
  );
  const flooded = await withServer(env, async (url) => {
    const adminCookie = await login(url);
    return flood(url, adminCookie, await bystander(url, adminCookie), targets);
  });
  printFlood(flooded, GOAL_P99_MS);
  return {
    size,
    hub: targets.hubKey,
    ring: targets.ringId,
    warmupS,
    throughputLimits: THROUGHPUT_LIMITS,
    scenarios: measured,
    flood: flooded,
  };
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
    serverNodeFlags: SERVER_NODE_FLAGS,
    goals: {
      p99Ms: GOAL_P99_MS,
      flood:
        'others p99 < 100 ms and no errors; the flood answered or refused with 503 + Retry-After, never timed out',
    },
  });
}
