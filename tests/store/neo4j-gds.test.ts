// The GDS engine's decisions without a server: which engine `auto`, `gds` and `in-process` pick,
// the message and exit code when GDS does not answer, and reading GDS's memory figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { chooseEngine } from '../../src/detection/gds-engine.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { StoreError } from '../../src/store/errors.ts';
import type { Query } from '../../src/store/neo4j/cypher.ts';
import type { CypherExecutor } from '../../src/store/neo4j/executor.ts';
import { aliasParams, attachGds, GdsEngine, parseMemory } from '../../src/store/neo4j/gds.ts';

/** A Neo4j store whose server has no GDS: gds.version() is an unknown function. */
function storeWithoutGds(): { store: GraphStore; asked: string[] } {
  const asked: string[] = [];
  const executor = {
    read: (q: Query) => {
      asked.push(q.name);
      return Promise.reject(
        new StoreError('invalid', "cypher/gds/available: Unknown function 'gds.version' (line 4, column 8)"),
      );
    },
  } as unknown as CypherExecutor;
  const store = { kind: 'neo4j' } as unknown as GraphStore;
  attachGds(store, executor);
  return { store, asked };
}

function storeWithGds(edition: string): GraphStore {
  const record = (values: Record<string, unknown>) => ({ get: (k: string) => values[k] });
  const executor = {
    read: () => Promise.resolve([record({ version: '2.13.9', edition })]),
  } as unknown as CypherExecutor;
  const store = { kind: 'neo4j' } as unknown as GraphStore;
  attachGds(store, executor);
  return store;
}

describe('choosing the detection engine', () => {
  it('refuses --engine gds on a Neo4j without GDS with a GdsError saying what to do', async () => {
    const { store, asked } = storeWithoutGds();
    const choice = chooseEngine(store, 'gds');
    await expect(choice).rejects.toMatchObject({ name: 'GdsError', reason: 'unavailable' });
    await expect(choice).rejects.toThrow(
      /^Graph Data Science does not answer on this Neo4j \(cypher\/gds\/available: Unknown function 'gds.version'.*NEO4J_GDS=1 npm run neo4j:start\), or run with --engine in-process\.$/,
    );
    expect(asked).toEqual(['gds/available']);
  });

  it('falls back to in-process under auto when GDS does not answer, and never asks under in-process', async () => {
    const { store, asked } = storeWithoutGds();
    expect(await chooseEngine(store, 'auto')).toBeNull();
    expect(await chooseEngine(store, 'in-process')).toBeNull();
    expect(asked).toEqual(['gds/available']);
  });

  it('takes GDS under auto when it answers, 4 threads on Community, the default on Enterprise', async () => {
    const community = await chooseEngine(storeWithGds('community'), 'auto');
    expect(community).toBeInstanceOf(GdsEngine);
    expect(await community!.server()).toEqual({ version: '2.13.9', edition: 'community', concurrency: 4 });
    const enterprise = await chooseEngine(storeWithGds('enterprise'), 'gds');
    expect(await enterprise!.server()).toEqual({
      version: '2.13.9',
      edition: 'enterprise',
      concurrency: null,
    });
  });

  it('exits 2 for --engine gds on the embedded store and writes no run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ringscope-engine-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--db', join(dir, 'x.db'), 'detect', '--engine', 'gds'])).toBe(2);
      // The profile line, then the refusal, and nothing else.
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toBe(
        'profile: European Union (EUR, de-minimis 150)\n' +
          'ringscope: --engine gds needs a Neo4j store with Graph Data Science (--neo4j bolt://…)\n',
      );
      expect(await main(['--db', join(dir, 'x.db'), 'detect', '--engine', 'fast'])).toBe(2);
    } finally {
      stderr.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseMemory', () => {
  it('reads the sizes gds.debug.sysInfo() reports', () => {
    expect(parseMemory('813 MiB')).toBe(813 * 2 ** 20);
    expect(parseMemory('1.5 GiB')).toBe(1.5 * 2 ** 30);
    expect(parseMemory('512 Bytes')).toBe(512);
    expect(parseMemory('a lot')).toBeNull();
  });
});

describe('accepted SAME_AS groups in the GDS projection', () => {
  it('turns the alias map into $aliases and $members', () => {
    const aliases = new Map([
      ['Importer:B', 'Importer:A'],
      ['Importer:C', 'Importer:A'],
      ['Person:P2', 'Person:P1'],
    ]);
    expect(aliasParams(aliases)).toEqual({
      aliases: { 'Importer:B': 'Importer:A', 'Importer:C': 'Importer:A', 'Person:P2': 'Person:P1' },
      members: { 'Importer:A': ['Importer:B', 'Importer:C'], 'Person:P1': ['Person:P2'] },
    });
    expect(aliasParams(new Map())).toEqual({ aliases: {}, members: {} });
  });

  it('counts and projects with the same alias parameters, and without aliases passes empty maps', async () => {
    const sent: { name: string; params: Record<string, unknown> }[] = [];
    const record = (values: Record<string, unknown>) => ({ get: (k: string) => values[k] });
    const executor = {
      read: (q: Query, params: Record<string, unknown> = {}) => {
        sent.push({ name: q.name, params });
        if (q.name === 'gds/count') return Promise.resolve([record({ nodes: 3, relationships: 2 })]);
        return Promise.resolve([record({ projection: 10, leiden: 5, wcc: 1 })]);
      },
      autoCommit: (q: Query, params: Record<string, unknown>) => {
        sent.push({ name: q.name, params });
        return Promise.resolve([]);
      },
      // eslint-disable-next-line @typescript-eslint/require-await
      stream: async function* () {
        yield record({ key: 'Importer:A', community: 0, component: 0 });
      },
    } as unknown as CypherExecutor;
    const options = {
      seed: 1,
      resolution: 1,
      window: { from: null, to: null },
      maxIdentifierHolders: 25,
      linkWeights: {},
      concurrency: 4,
      memoryLimitBytes: 1000,
    };
    await new GdsEngine(executor).run({ ...options, aliases: new Map([['Importer:B', 'Importer:A']]) });
    const of = (name: string) =>
      sent.filter((s) => s.name === name).map((s) => [s.params.aliases, s.params.members]);
    const expected = [{ 'Importer:B': 'Importer:A' }, { 'Importer:A': ['Importer:B'] }];
    expect(of('gds/count')).toEqual([expected]);
    expect(of('gds/project')).toEqual([expected]);
    sent.length = 0;
    await new GdsEngine(executor).run(options);
    expect(of('gds/project')).toEqual([[{}, {}]]);
  });
});
