#!/usr/bin/env node
// `npm run neo4j:start | neo4j:stop | neo4j:status`: Ringscope's local Neo4j for development and CI
// (no Docker needed). Builds tools/neo4j with Maven once, runs the launcher in the background with
// a pid file and a log under the data directory, and waits until Bolt answers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const TOOL_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(TOOL_DIR, '../..');
/** NEO4J_GDS=1: Graph Data Science on the server (the `gds` Maven profile, its own class path file). */
const GDS = process.env.NEO4J_GDS === '1';
const CLASSPATH_FILE = join(TOOL_DIR, GDS ? 'target/classpath-gds.txt' : 'target/classpath.txt');
const BUILD_INPUTS = [
  join(TOOL_DIR, 'pom.xml'),
  join(TOOL_DIR, 'src/main/java/org/ringscope/neo4j/Launcher.java'),
];
/** The documented local development password; set NEO4J_PASSWORD to use another. */
const DEV_PASSWORD = 'ringscope-dev';

const settings = {
  home: resolve(ROOT, process.env.RINGSCOPE_NEO4J_HOME || 'data/neo4j'),
  port: Number(process.env.NEO4J_BOLT_PORT || 7687),
  authEnabled: (process.env.NEO4J_AUTH || '').toLowerCase() !== 'none',
  user: process.env.NEO4J_USER || 'neo4j',
  password: process.env.NEO4J_PASSWORD || DEV_PASSWORD,
  heap: process.env.NEO4J_HEAP || '1536m',
  startTimeoutMs: Number(process.env.NEO4J_START_TIMEOUT_MS || 180_000),
};
const pidFile = join(settings.home, 'neo4j.pid');
const logFile = join(settings.home, 'neo4j.log');
const uri = `bolt://127.0.0.1:${settings.port}`;

/** What Neo4j's own start script opens for its page cache and network layer. */
const JAVA_OPENS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

class Fail extends Error {}

function say(line) {
  process.stderr.write(`neo4j: ${line}\n`);
}

function requireTool(command, args, what) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Fail(
      `${command} not found or not working (${result.error?.message ?? `exit ${result.status}`}). ${what}`,
    );
  }
  return `${result.stdout}${result.stderr}`;
}

function checkJava() {
  const version = requireTool(
    'java',
    ['-version'],
    'Install a Java 17 or 21 runtime (e.g. apt-get install openjdk-17-jre-headless).',
  );
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17) throw new Fail(`Java ${major} found; Neo4j 5.26 needs Java 17 or 21.`);
}

function isBuilt() {
  if (!existsSync(CLASSPATH_FILE)) return false;
  const builtAt = statSync(CLASSPATH_FILE).mtimeMs;
  return BUILD_INPUTS.every((file) => statSync(file).mtimeMs <= builtAt);
}

/** Compiles the launcher and resolves Neo4j's jars; offline first, so a warm ~/.m2 needs no network. */
function build() {
  if (isBuilt()) return;
  requireTool(
    'mvn',
    ['-v'],
    'Install Apache Maven 3.8+ (e.g. apt-get install maven); it fetches Neo4j from Maven Central once.',
  );
  const run = (extra) =>
    spawnSync('mvn', ['-q', '-B', ...extra, ...(GDS ? ['-Pgds'] : []), 'process-classes'], {
      cwd: TOOL_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  const started = Date.now();
  let result = run(['-o']);
  if (result.status !== 0) {
    say(
      `building the local Neo4j: downloading Neo4j 5.26${GDS ? ' and Graph Data Science 2.13' : ''} from Maven Central into ~/.m2 (about ${GDS ? 160 : 125} MB, once)…`,
    );
    result = run([]);
  }
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Fail(
      'Maven build of tools/neo4j failed (output above). Check network access to Maven Central.',
    );
  }
  say(`built tools/neo4j in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function readPid() {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portIsFree(port) {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePromise(true)));
  });
}

function openDriver() {
  const auth = settings.authEnabled ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  return neo4j.driver(uri, auth, { connectionTimeout: 2_000 });
}

async function boltAnswers() {
  const driver = openDriver();
  try {
    await driver.verifyConnectivity();
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await driver.close();
  }
}

/** The Graph Data Science version the server answers, or why it does not. */
async function gdsVersion() {
  const driver = openDriver();
  try {
    const { records } = await driver.executeQuery('RETURN gds.version() AS version');
    return { version: records[0]?.get('version') ?? null };
  } catch (error) {
    return { version: null, reason: String(error?.message ?? error).split('\n')[0] };
  } finally {
    await driver.close();
  }
}

function logTail(lines = 30) {
  if (!existsSync(logFile)) return '(no log)';
  return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function start() {
  const running = readPid();
  if (running && isAlive(running)) {
    say(`already running (pid ${running}) on ${uri}`);
    return waitUntilReady(running);
  }
  checkJava();
  build();
  if (!(await portIsFree(settings.port))) {
    throw new Fail(
      `port ${settings.port} on 127.0.0.1 is taken by another process. Stop it, or pick another port with NEO4J_BOLT_PORT (and NEO4J_URI=bolt://127.0.0.1:<port>).`,
    );
  }
  mkdirSync(settings.home, { recursive: true });
  const log = openSync(logFile, 'a');
  const javaArgs = [
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    ...JAVA_OPENS,
    'org.ringscope.neo4j.Launcher',
  ];
  const classpath = [join(TOOL_DIR, 'target/classes'), readFileSync(CLASSPATH_FILE, 'utf8').trim()].join(':');
  const child = spawn('java', javaArgs, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      CLASSPATH: classpath,
      RINGSCOPE_NEO4J_HOME: settings.home,
      NEO4J_BOLT_PORT: String(settings.port),
      NEO4J_PASSWORD: settings.password,
    },
  });
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  say(`starting (pid ${child.pid}, heap ${settings.heap}, data ${settings.home}, log ${logFile})`);
  return waitUntilReady(child.pid);
}

async function waitUntilReady(pid) {
  const started = Date.now();
  const showProgress = process.stderr.isTTY;
  for (;;) {
    if (!isAlive(pid)) {
      rmSync(pidFile, { force: true });
      throw new Fail(`Neo4j exited during start-up. Last lines of ${logFile}:\n${logTail()}`);
    }
    const probe = await boltAnswers();
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (probe.ok) {
      if (showProgress) process.stderr.write('\n');
      say(
        `ready on ${uri} after ${seconds} s (user ${settings.user}, auth ${settings.authEnabled ? 'on' : 'off'})`,
      );
      return reportGds(pid, started);
    }
    if (probe.error?.code === 'Neo.ClientError.Security.Unauthorized') {
      throw new Fail(
        `Neo4j on ${uri} refused the credentials: set NEO4J_PASSWORD to the password it was started with, or restart it.`,
      );
    }
    if (Date.now() - started > settings.startTimeoutMs) {
      throw new Fail(
        `Neo4j did not answer on ${uri} within ${settings.startTimeoutMs / 1000} s. Last lines of ${logFile}:\n${logTail()}`,
      );
    }
    if (showProgress) process.stderr.write(`\rneo4j: waiting for Bolt on ${uri}… ${seconds} s`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * Says whether Graph Data Science answers. With NEO4J_GDS=1 the launcher registers its procedures
 * just after Bolt opens (5–20 s), so this waits for them within the start timeout.
 */
async function reportGds(pid, started) {
  for (;;) {
    const gds = await gdsVersion();
    if (gds.version) {
      say(`Graph Data Science ${gds.version} is up (RETURN gds.version())`);
      return;
    }
    if (!GDS) {
      say('Graph Data Science is off (NEO4J_GDS=1 turns it on)');
      return;
    }
    if (!isAlive(pid) || Date.now() - started > settings.startTimeoutMs) {
      throw new Fail(
        `NEO4J_GDS=1 but Graph Data Science does not answer: ${gds.reason}. Last lines of ${logFile}:\n${logTail()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function stop() {
  const pid = readPid();
  if (!pid || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    say('not running');
    return;
  }
  // SIGTERM runs Neo4j's shutdown hook: it checkpoints and closes the store cleanly.
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  if (isAlive(pid)) {
    say(`pid ${pid} did not stop within 60 s; killing it (the next start recovers from the transaction log)`);
    process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
  say(`stopped (pid ${pid})`);
}

async function status() {
  const pid = readPid();
  const alive = pid !== null && isAlive(pid);
  const probe = await boltAnswers();
  const state = probe.ok ? 'ready' : alive ? 'starting or unhealthy' : 'not running';
  const gds = probe.ok ? (await gdsVersion()).version : null;
  process.stdout.write(
    `${JSON.stringify({ state, pid: alive ? pid : null, uri, data: settings.home, log: logFile, gds })}\n`,
  );
  return probe.ok ? 0 : 3;
}

/**
 * `bulk-import DIR`: Neo4j's offline importer (`neo4j-admin database import full`, the AdminTool
 * of the same Neo4j jars) into this home's `neo4j` database, from the CSV files that
 * DIR/import.json lists (written by `ringscope ingest --bulk`, which has checked that the
 * database is empty). The server is stopped for it and started again afterwards, also when
 * the import fails.
 */
async function bulkImport() {
  const dir = process.argv[3];
  if (!dir || !existsSync(join(dir, 'import.json'))) {
    throw new Fail('usage: node tools/neo4j/neo4j.js bulk-import DIR (DIR/import.json lists the CSV files)');
  }
  const plan = JSON.parse(readFileSync(join(dir, 'import.json'), 'utf8'));
  checkJava();
  build();
  await stop();
  const started = Date.now();
  const classpath = [join(TOOL_DIR, 'target/classes'), readFileSync(CLASSPATH_FILE, 'utf8').trim()].join(':');
  const args = [
    `-Xmx${settings.heap}`,
    ...JAVA_OPENS,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j', // the database, before the file lists (each takes every argument after it)
    '--overwrite-destination=true',
    `--report-file=${join(dir, 'import.report')}`,
    ...(plan.multiline ? ['--multiline-fields=true'] : []),
    ...plan.nodes.map((file) => `--nodes=${file}`),
    ...plan.relationships.map((file) => `--relationships=${file}`),
  ];
  const result = spawnSync('java', args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      ...process.env,
      CLASSPATH: classpath,
      NEO4J_HOME: settings.home,
      NEO4J_CONF: join(settings.home, 'conf'),
    },
  });
  writeFileSync(join(dir, 'import.log'), `${result.stdout}${result.stderr}`);
  const importMs = Date.now() - started;
  await start();
  if (result.status !== 0) {
    const tail = `${result.stdout}${result.stderr}`.trimEnd().split('\n').slice(-20).join('\n');
    throw new Fail(`neo4j-admin database import failed (exit ${result.status}):\n${tail}`);
  }
  say(`imported with neo4j-admin database import full in ${(importMs / 1000).toFixed(1)} s`);
  writeFileSync(join(dir, 'import-done.json'), `${JSON.stringify({ importMs })}\n`);
}

const commands = { start, stop, status, 'bulk-import': bulkImport };
const name = process.argv[2];
const command = name ? commands[name] : undefined;
if (!command) {
  say(`usage: node tools/neo4j/neo4j.js ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
try {
  process.exitCode = (await command()) ?? 0;
} catch (error) {
  if (!(error instanceof Fail)) throw error;
  say(error.message);
  process.exitCode = 1;
}
