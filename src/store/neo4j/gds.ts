// Graph Data Science on the Neo4j store: the weighted party graph is projected inside Neo4j
// (cypher/gds/project.cypher, the same links, damping and accepted SAME_AS groups as the
// in-process projection), its memory estimated first, Leiden communities and identifier
// components computed there, and only party keys with community and component ids streamed
// back. The projection is dropped afterwards, also when a step fails.
import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { GraphStore } from '../graph-store.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

/** Why GDS detection cannot run: not installed, or it would not fit the server's heap. */
export class GdsError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'memory',
    message: string,
  ) {
    super(message);
    this.name = 'GdsError';
  }
}

export interface GdsServer {
  version: string;
  edition: string;
  /** Community GDS refuses more than 4 threads; Enterprise takes the server's default. */
  concurrency: number | null;
}

export interface GdsRunOptions {
  seed: number;
  resolution: number;
  window: { from: string | null; to: string | null };
  maxIdentifierHolders: number;
  linkWeights: Record<string, number>;
  /**
   * Accepted SAME_AS groups: each aliased party key → its group's representative key (the
   * in-process alias map, src/graph/aliases.ts). The projection puts the representative in place
   * of every aliased party, so the group is one node. None when absent.
   */
  aliases?: ReadonlyMap<string, string>;
  /** Threads for the algorithms; the edition's limit (4 on Community) when absent. */
  concurrency?: number;
  /** Refuse when the estimate exceeds this many bytes; the server's free heap when absent. */
  memoryLimitBytes?: number;
  onProgress?: (message: string) => void;
}

export interface GdsPartition {
  /** Leiden community of every party key. */
  communities: Map<string, number>;
  /** Component of every party key over shared-identifier links (WCC). */
  components: Map<string, number>;
  nodes: number;
  relationships: number;
  estimatedBytes: number;
  millis: { count: number; project: number; leiden: number; wcc: number };
}

const COMMUNITY_MAX_CONCURRENCY = 4;
/** Names of the projections detection makes: this prefix and 12 random hex digits, nothing else. */
const GRAPH_NAME = /^ringscope-parties-[0-9a-f]{12}$/;

const UNITS: Record<string, number> = { Bytes: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** "813 MiB" → bytes; null when GDS says something else. */
export function parseMemory(text: string): number | null {
  const match = /^([\d.]+)\s*(Bytes|KiB|MiB|GiB|TiB)$/.exec(text.trim());
  return match ? Number(match[1]) * UNITS[match[2]!]! : null;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/**
 * The alias map as the projection's parameters: `aliases` (aliased key → representative key) and
 * `members` (representative key → its aliased keys, whose declaration lines count as its own).
 */
export function aliasParams(aliases: ReadonlyMap<string, string>): {
  aliases: Record<string, string>;
  members: Record<string, string[]>;
} {
  const members: Record<string, string[]> = {};
  for (const [alias, representative] of aliases) (members[representative] ??= []).push(alias);
  return { aliases: Object.fromEntries(aliases), members };
}

export class GdsEngine {
  constructor(private readonly executor: CypherExecutor) {}

  /** The server's GDS, or a GdsError('unavailable') saying why there is none. */
  async server(): Promise<GdsServer> {
    let record;
    try {
      [record] = await this.executor.read(query('gds/available'));
    } catch (error) {
      throw new GdsError(
        'unavailable',
        `Graph Data Science does not answer on this Neo4j (${(error as Error).message.split('\n')[0]}). Install GDS 2.13 on the server (locally: NEO4J_GDS=1 npm run neo4j:start), or run with --engine in-process.`,
      );
    }
    const edition = String(record?.get('edition') ?? 'community');
    return {
      version: String(record?.get('version')),
      edition,
      concurrency: edition === 'enterprise' ? null : COMMUNITY_MAX_CONCURRENCY,
    };
  }

  /** The server's free heap as GDS sees it, in bytes. */
  async freeHeap(): Promise<number | null> {
    const records = await this.executor.read(query('gds/heap'));
    const free = records.find((r) => r.get('key') === 'heapFree');
    return free ? parseMemory(String(free.get('value'))) : null;
  }

  /** Projections of detection runs still in the GDS catalogue. */
  async projections(): Promise<string[]> {
    return (await this.executor.read(query('gds/list'))).map((r) => String(r.get('graphName')));
  }

  async run(options: GdsRunOptions): Promise<GdsPartition> {
    const report = options.onProgress ?? (() => undefined);
    const concurrency = options.concurrency ?? (await this.server()).concurrency;
    const params = {
      ...aliasParams(options.aliases ?? new Map()),
      maxIdentifierHolders: options.maxIdentifierHolders,
      weights: options.linkWeights,
      from: options.window.from,
      to: options.window.to,
    };
    const t0 = performance.now();
    const [counted] = await this.executor.read(query('gds/count'), params);
    const nodes = num(counted?.get('nodes') ?? 0);
    const relationships = num(counted?.get('relationships') ?? 0);
    const estimatedBytes = await this.estimate(
      nodes,
      relationships,
      concurrency ?? COMMUNITY_MAX_CONCURRENCY,
    );
    const limit = options.memoryLimitBytes ?? (await this.freeHeap());
    if (limit !== null && estimatedBytes > limit) {
      throw new GdsError(
        'memory',
        `Graph Data Science would need up to ${mib(estimatedBytes)} of the Neo4j heap for ${nodes.toLocaleString('en')} parties and ${relationships.toLocaleString('en')} links, and ${mib(limit)} is free: nothing was projected. Give Neo4j more heap (NEO4J_HEAP, server.memory.heap.max_size) or run with --engine in-process.`,
      );
    }
    const t1 = performance.now();
    report(
      `estimate ${mib(estimatedBytes)} for ${nodes} parties, ${relationships} links (limit ${limit === null ? 'none' : mib(limit)})`,
    );
    const graph = `ringscope-parties-${randomBytes(6).toString('hex')}`;
    if (!GRAPH_NAME.test(graph)) throw new Error(`bad projection name ${graph}`);
    try {
      await this.executor.autoCommit(query('gds/project'), { ...params, graph });
      const t2 = performance.now();
      // Enterprise: the server's default thread count; Community: its limit.
      const threads = concurrency === null ? {} : { concurrency: neo4j.int(concurrency) };
      const communities = await this.stream('gds/leiden', 'community', {
        graph,
        config: {
          relationshipWeightProperty: 'weight',
          randomSeed: neo4j.int(options.seed),
          gamma: options.resolution,
          // One thread: Leiden's parallel moves make the partition vary from run to run even
          // with a seed, and the same data and seed must give the same rings.
          concurrency: neo4j.int(1),
        },
      });
      const t3 = performance.now();
      const components = await this.stream('gds/wcc', 'component', {
        graph,
        config: { relationshipTypes: ['IDENTIFIER'], ...threads },
      });
      const t4 = performance.now();
      const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
      report(
        `projected in ${s(t2 - t1)}, Leiden ${s(t3 - t2)} (${new Set(communities.values()).size} communities), WCC ${s(t4 - t3)} (${new Set(components.values()).size} components)`,
      );
      return {
        communities,
        components,
        nodes,
        relationships,
        estimatedBytes,
        millis: { count: t1 - t0, project: t2 - t1, leiden: t3 - t2, wcc: t4 - t3 },
      };
    } finally {
      await this.executor.autoCommit(query('gds/drop'), { graph });
    }
  }

  private async estimate(nodes: number, relationships: number, concurrency: number): Promise<number> {
    const [record] = await this.executor.read(query('gds/estimate'), {
      nodes: neo4j.int(Math.max(1, nodes)),
      relationships: neo4j.int(relationships),
      concurrency: neo4j.int(concurrency),
    });
    const part = (name: string): number => num(record?.get(name) ?? 0);
    // The projection stays in memory while each algorithm runs after the other.
    return part('projection') + Math.max(part('leiden'), part('wcc'));
  }

  private async stream(
    name: 'gds/leiden' | 'gds/wcc',
    field: string,
    params: Record<string, unknown>,
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for await (const record of this.executor.stream(query(name), params)) {
      out.set(String(record.get('key')), num(record.get(field)));
    }
    return out;
  }
}

const engines = new WeakMap<GraphStore, GdsEngine>();

/** Called by the Neo4j adapter when it opens a store. */
export function attachGds(store: GraphStore, executor: CypherExecutor): void {
  engines.set(store, new GdsEngine(executor));
}

/** The GDS engine of a Neo4j store; null for any other store. */
export function gdsEngineOf(store: GraphStore): GdsEngine | null {
  return engines.get(store) ?? null;
}
