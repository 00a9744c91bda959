// `ringscope ingest --bulk` against a real Neo4j. The bulk path stops the server, rewrites its
// database files and starts it again, so this suite never touches the shared test server
// (NEO4J_URI): it starts a Neo4j of its own (`tools/neo4j/neo4j.js start`) in a temporary home
// on a free port, and stops it at the end. It runs wherever the Neo4j suites run (NEO4J_URI set,
// so Java, Maven and the built tools/neo4j are there), and costs two server starts (~15–70 s each).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jTarget, wipeNeo4j } from '../../bench/support/neo4j-target.ts';
import { NodeLabel, RelType, nodeKey } from '../../src/model/index.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { openNeo4jStore, type Neo4jStoreOptions } from '../../src/store/neo4j/index.ts';

const PASSWORD = 'bulk-test-password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every node and relationship a store holds, in key order, and its imported files. */
async function contents(store: GraphStore): Promise<unknown> {
  const nodes = [];
  for await (const node of store.streamNodes(NodeLabel.options)) nodes.push(node);
  const rels = [];
  for await (const rel of store.streamRels(RelType.options)) rels.push(rel);
  const imports = (await store.listImports()).map(({ fileHash, fileName, rows }) => ({
    fileHash,
    fileName,
    rows,
  }));
  return {
    nodes: nodes.sort((a, b) => (nodeKey(a) < nodeKey(b) ? -1 : 1)),
    rels: rels.sort((a, b) => (a.id < b.id ? -1 : 1)),
    imports: imports.sort((a, b) => (a.fileHash < b.fileHash ? -1 : 1)),
  };
}

const shared = await neo4jTarget();

if (!shared) {
  describe('ingest --bulk', () => {
    it.skip('needs a Neo4j environment: npm run neo4j:start (or NEO4J_URI)', () => undefined);
  });
} else {
  describe('ingest --bulk into a Neo4j of its own', () => {
    let dir = '';
    let home = '';
    let env: Record<string, string> = {};
    let options: Neo4jStoreOptions = { uri: '', user: 'neo4j', password: PASSWORD };
    let files: string[] = [];
    let extra = '';
    const cli = (...args: string[]): Promise<Run> =>
      run('bin/ringscope.js', ['--neo4j', options.uri, ...args], env);
    const withStore = async <T>(use: (store: GraphStore) => Promise<T>): Promise<T> => {
      const store = await openNeo4jStore(options);
      try {
        return await use(store);
      } finally {
        await store.close();
      }
    };
    const stats = async (): Promise<unknown> => JSON.parse((await cli('--json', 'stats')).stdout);

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ringscope-bulk-test-'));
      home = join(dir, 'neo4j');
      const port = await freePort();
      env = {
        RINGSCOPE_NEO4J_HOME: home,
        NEO4J_BOLT_PORT: String(port),
        NEO4J_PASSWORD: PASSWORD,
        NEO4J_USER: 'neo4j',
        NEO4J_GDS: '0',
        NEO4J_HEAP: '512m',
        NEO4J_PAGECACHE: '256m',
      };
      options = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: PASSWORD };
      const seeded = await run(
        'bin/ringscope.js',
        ['seed', '--size', 'tiny', '--out', join(dir, 'world')],
        env,
      );
      expect(seeded.code, seeded.stderr).toBe(0);
      files = [join(dir, 'world/entities.csv'), join(dir, 'world/declarations.csv')];
      // A later file for the incremental ingest: 40 lines of another world under declaration
      // ids of their own (25… instead of 24…), naming parties of both worlds.
      const other = await run(
        'bin/ringscope.js',
        ['seed', '--size', 'tiny', '--seed', '8', '--out', join(dir, 'other')],
        env,
      );
      expect(other.code, other.stderr).toBe(0);
      extra = join(dir, 'extra.csv');
      const [head, ...rows] = (await readFile(join(dir, 'other/declarations.csv'), 'utf8')).split('\n');
      await writeFile(
        extra,
        `${[head, ...rows.slice(0, 40).map((r) => r.replace(/^24/, '25'))].join('\n')}\n`,
      );
      const started = await run('tools/neo4j/neo4j.js', ['start'], env);
      expect(started.code, started.stderr).toBe(0);
    }, 400_000);

    afterAll(async () => {
      if (home !== '') await run('tools/neo4j/neo4j.js', ['stop'], env);
      if (dir !== '') await rm(dir, { recursive: true, force: true });
    }, 120_000);

    it('loads what the driver path loads, then takes incremental ingests; refuses a database holding data', async () => {
      const driver = await cli('ingest', ...files);
      expect(driver.code, driver.stderr).toBe(0);
      const driverStats = await stats();
      const driverContents = await withStore(contents);
      const driverFindings = await cli('--json', 'detect', '--seed', '7');
      expect(driverFindings.code, driverFindings.stderr).toBe(0);
      expect((JSON.parse(driverFindings.stdout) as { rings: unknown[] }).rings.length).toBeGreaterThan(0);
      await wipeNeo4j(options);

      // An invalid file: the row report of an ordinary ingest, exit 2, nothing loaded.
      const invalid = join(dir, 'invalid.csv');
      const [header, first] = (await readFile(files[1] as string, 'utf8')).split('\n');
      await writeFile(invalid, `${header}\n${first?.replace(/,\d{4}-\d\d-\d\d,/, ',not-a-date,')}\n`);
      const refused = await cli('ingest', '--bulk', files[0] as string, invalid);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('nothing was loaded');
      expect(refused.stderr).toContain('invalid.csv, row 1');
      expect(await withStore((s) => s.counts())).toEqual({ nodes: {}, rels: {} });

      const bulk = await cli('ingest', '--bulk', ...files);
      expect(bulk.code, bulk.stderr).toBe(0);
      expect(bulk.stdout).toMatch(/bulk-loaded 2,\d{3} nodes and \d,\d{3} relationships/);
      expect(await stats()).toEqual(driverStats);
      expect(await withStore(contents)).toEqual(driverContents);
      const bulkFindings = await cli('--json', 'detect', '--seed', '7');
      expect(bulkFindings.code, bulkFindings.stderr).toBe(0);
      expect(JSON.parse(bulkFindings.stdout)).toEqual(JSON.parse(driverFindings.stdout));

      const incremental = await cli('ingest', extra);
      expect(incremental.code, incremental.stderr).toBe(0);
      expect(incremental.stdout).toContain('imported');
      expect(incremental.stdout).toContain('40 rows');
      const embedded = await openEmbeddedStore(join(dir, 'embedded.db'));
      try {
        await embedded.init();
        const { ingestFiles } = await import('../../src/ingest/ingest.ts');
        await ingestFiles(embedded, [...files, extra]);
        expect(await withStore(contents)).toEqual(await contents(embedded));
      } finally {
        await embedded.close();
      }

      const before = await stats();
      const again = await cli('ingest', '--bulk', extra);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('--bulk loads an EMPTY database only');
      expect(await stats()).toEqual(before);
    }, 600_000);

    it('refuses a server that is not the local one, and a home that is not its', async () => {
      const remote = await run(
        'bin/ringscope.js',
        ['--neo4j', 'bolt://10.0.0.1:7687', 'ingest', '--bulk', extra],
        env,
      );
      expect(remote.code).toBe(2);
      expect(remote.stderr).toContain('is not on this machine');
      const otherHome = await run(
        'bin/ringscope.js',
        ['--neo4j', options.uri, 'ingest', '--bulk', '--neo4j-home', dir, extra],
        env,
      );
      expect(otherHome.code).toBe(2);
      expect(otherHome.stderr).toContain(`no local Neo4j at ${dir}`);
    });
  });
}
