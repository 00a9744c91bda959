// Neighbourhood expansion and k-shortest simple paths, written once over a small source
// interface so that every adapter returns exactly the same subgraphs and paths (the semantics
// are pinned in graph-store.ts and in the contract suite). An adapter supplies the four lookups.
import { nodeKey, RelType, RESOLUTION_REL_TYPES } from '../model/index.ts';
import type { GraphNode, GraphPath, GraphRel, NodeLabel, NodeRef, Subgraph } from '../model/index.ts';
import { StoreError } from './errors.ts';
import type { NeighbourhoodQuery, PathQuery } from './graph-store.ts';

/**
 * Relationship types that are not part of the network: findings and cases point into it, and
 * resolution links are an investigator's judgement on two parties (the projection applies them).
 */
export const UNTRAVERSED_TYPES: readonly RelType[] = ['HAS_MEMBER', 'CONCERNS', ...RESOLUTION_REL_TYPES];
export const TRAVERSED_TYPES: readonly RelType[] = RelType.options.filter(
  (t) => !UNTRAVERSED_TYPES.includes(t),
);

/** What identifies a relationship: its type and its ends (its id is derived from them). */
export interface RelEnds {
  type: RelType;
  from: NodeRef;
  to: NodeRef;
}

/** One relationship seen from one of its ends. */
export interface Incidence extends RelEnds {
  relId: string;
  other: NodeRef;
}

export interface TraversalSource {
  getNodes(refs: NodeRef[]): Promise<GraphNode[]>;
  /** Relationships of the TRAVERSED_TYPES touching each node in either direction, by nodeKey. */
  incident(refs: NodeRef[]): Promise<Map<string, Incidence[]>>;
  /** Relationships of the TRAVERSED_TYPES whose two ends are both among refs. */
  relsAmong(refs: NodeRef[]): Promise<GraphRel[]>;
  getRels(rels: RelEnds[]): Promise<GraphRel[]>;
}

export const MAX_HOPS = 4;
export const MAX_PATH_LENGTH = 8;
export const MAX_PATHS = 50;
/** A path search that would visit more nodes than this is refused rather than left to run. */
export const MAX_PATH_SEARCH_NODES = 200_000;
const CHUNK = 500;

/** Node keys and relationship ids compare as JavaScript strings (UTF-16 code units). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requireInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new StoreError('invalid', `${name} must be a whole number from ${min} to ${max} (got ${value})`);
  }
}

/** The error for a neighbourhood or path end that is not in the store. */
export function missingNode(ref: NodeRef): StoreError {
  return new StoreError('not_found', `No ${ref.label} with id ${ref.id} in the store`);
}

async function requireNode(source: TraversalSource, ref: NodeRef): Promise<GraphNode> {
  const [node] = await source.getNodes([ref]);
  if (!node) throw missingNode(ref);
  return node;
}

/** Rejects hop counts and limits outside the pinned ranges (StoreError `invalid`). */
export function checkNeighbourhoodQuery(query: NeighbourhoodQuery): void {
  requireInt('hops', query.hops, 1, MAX_HOPS);
  requireInt('limit', query.limit, 1, 100_000);
}

/** Whether a node may be returned and traversed through under the query's filters. */
function admits(query: NeighbourhoodQuery, node: GraphNode): boolean {
  if (query.labels && !query.labels.includes(node.label)) return false;
  if (node.label !== 'Shipment') return true;
  const date = node.props.date;
  if (query.dateFrom !== undefined && !(typeof date === 'string' && date >= query.dateFrom)) return false;
  if (query.dateTo !== undefined && !(typeof date === 'string' && date <= query.dateTo)) return false;
  const hs = node.props.hsCode;
  if (query.hsPrefix !== undefined && !(typeof hs === 'string' && hs.startsWith(query.hsPrefix)))
    return false;
  return true;
}

export async function expandNeighbourhood(
  source: TraversalSource,
  query: NeighbourhoodQuery,
): Promise<Subgraph> {
  checkNeighbourhoodQuery(query);
  const start = await requireNode(source, query.start);
  const accepted: GraphNode[] = [start];
  const seen = new Set<string>([nodeKey(start)]);
  let frontier: NodeRef[] = [start];
  for (let hop = 1; hop <= query.hops && frontier.length > 0 && accepted.length <= query.limit; hop += 1) {
    const incident = await source.incident(frontier);
    const candidates = new Map<string, NodeRef>();
    for (const list of incident.values()) {
      for (const { other } of list) {
        const key = nodeKey(other);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!query.labels || query.labels.includes(other.label)) candidates.set(key, other);
      }
    }
    const keys = [...candidates.keys()].sort(compareStrings);
    const next: NodeRef[] = [];
    // In key order and chunk by chunk, so a hub's neighbours are only read as far as the limit.
    for (let i = 0; i < keys.length && accepted.length <= query.limit; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const found = new Map(
        (await source.getNodes(chunk.map((k) => candidates.get(k)!))).map((n) => [nodeKey(n), n]),
      );
      for (const key of chunk) {
        const node = found.get(key);
        if (!node || !admits(query, node)) continue;
        accepted.push(node);
        next.push(node);
        if (accepted.length > query.limit) break;
      }
    }
    frontier = next;
  }
  const nodes = accepted.slice(0, query.limit);
  const rels = (await source.relsAmong(nodes)).sort((a, b) => compareStrings(a.id, b.id));
  return { nodes, rels, truncated: accepted.length > query.limit };
}

/** Incident lists sorted by (other end's key, relationship id), fetched once per node. */
class AdjacencyCache {
  private readonly lists = new Map<string, Incidence[]>();

  constructor(private readonly source: TraversalSource) {}

  get size(): number {
    return this.lists.size;
  }

  async load(refs: NodeRef[]): Promise<void> {
    const missing = refs.filter((r) => !this.lists.has(nodeKey(r)));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const chunk = missing.slice(i, i + CHUNK);
      const incident = await this.source.incident(chunk);
      for (const ref of chunk) {
        const list = incident.get(nodeKey(ref)) ?? [];
        const keyed = list.map((inc) => ({ inc, key: nodeKey(inc.other) }));
        keyed.sort((a, b) => compareStrings(a.key, b.key) || compareStrings(a.inc.relId, b.inc.relId));
        this.lists.set(
          nodeKey(ref),
          keyed.map((k) => k.inc),
        );
      }
    }
  }

  async of(ref: NodeRef): Promise<Incidence[]> {
    const key = nodeKey(ref);
    if (!this.lists.has(key)) await this.load([ref]);
    return this.lists.get(key) ?? [];
  }
}

/**
 * Breadth-first distances from one end of a path search over the nodes a path may pass through
 * (never through the other end, nor through an excluded label), grown a level at a time.
 */
class Ball {
  readonly dist: Map<string, number>;
  frontier: NodeRef[];
  depth = 0;

  constructor(
    centre: NodeRef,
    private readonly otherEnd: string,
    private readonly excluded: ReadonlySet<NodeLabel>,
    private readonly adjacency: AdjacencyCache,
  ) {
    this.dist = new Map([[nodeKey(centre), 0]]);
    this.frontier = [centre];
  }

  /** Every node reachable from the centre is in `dist`. */
  get complete(): boolean {
    return this.frontier.length === 0;
  }

  async grow(): Promise<void> {
    this.depth += 1;
    await this.adjacency.load(this.frontier);
    const next: NodeRef[] = [];
    for (const ref of this.frontier) {
      for (const { other } of await this.adjacency.of(ref)) {
        const key = nodeKey(other);
        if (this.dist.has(key)) continue;
        if (key === this.otherEnd) {
          this.dist.set(key, this.depth);
        } else if (!this.excluded.has(other.label)) {
          this.dist.set(key, this.depth);
          next.push(other);
        }
      }
    }
    this.frontier = next;
  }

  /** A lower bound of the distance from the centre: exact inside the ball. */
  lowerBound(key: string): number {
    return this.dist.get(key) ?? (this.complete ? Infinity : this.depth + 1);
  }
}

export async function findPaths(source: TraversalSource, query: PathQuery): Promise<GraphPath[]> {
  requireInt('maxLength', query.maxLength, 1, MAX_PATH_LENGTH);
  requireInt('k', query.k, 1, MAX_PATHS);
  const [fromNode, toNode] = [await requireNode(source, query.from), await requireNode(source, query.to)];
  if (nodeKey(fromNode) === nodeKey(toNode)) return [{ nodes: [fromNode], rels: [] }];
  const excluded = new Set(query.excludeLabels ?? []);
  const adjacency = new AdjacencyCache(source);
  const balls = new BallPair(fromNode, toNode, excluded, adjacency, query.maxLength);
  const shortest = await balls.shortestLength();
  if (shortest === undefined) return [];

  const walk = new PathWalk(fromNode, toNode, excluded, adjacency, balls.to, query.k);
  for (let length = shortest; length <= query.maxLength && walk.found.length < query.k; length += 1) {
    await balls.reach(length);
    // The walk reads the adjacency of every node it visits; all of it is loaded already but
    // that of nodes on both frontiers: those in bulk, not one by one.
    await adjacency.load(balls.onBothFrontiers());
    await walk.walk(fromNode, length);
  }
  return resolvePaths(source, walk.found);
}

/**
 * Two balls, around `from` and around `to`, each grown a level at a time, the one with the
 * smaller frontier first: a path of length L exists iff some node lies within a of `from` and
 * L - a of `to`, so they meet at the shortest length while each has read only about half of it.
 */
class BallPair {
  readonly from: Ball;
  readonly to: Ball;

  constructor(
    fromNode: NodeRef,
    toNode: NodeRef,
    excluded: ReadonlySet<NodeLabel>,
    adjacency: AdjacencyCache,
    private readonly maxLength: number,
  ) {
    this.from = new Ball(fromNode, nodeKey(toNode), excluded, adjacency);
    this.to = new Ball(toNode, nodeKey(fromNode), excluded, adjacency);
  }

  /** The length of the shortest path, or undefined when there is none of at most maxLength. */
  async shortestLength(): Promise<number | undefined> {
    let shortest: number | undefined;
    for (let length = 1; length <= this.maxLength && shortest === undefined; length += 1) {
      await this.reach(length);
      shortest = this.meeting();
      if (this.from.depth + this.to.depth < length) break; // a ball is complete and they never met
    }
    return shortest === undefined || shortest > this.maxLength ? undefined : shortest;
  }

  /** Grows the balls until their radii add up to `length` (or one holds all it can reach). */
  async reach(length: number): Promise<void> {
    const { from, to } = this;
    while (from.depth + to.depth < length && !from.complete && !to.complete) await this.growOne();
  }

  /** The nodes on the frontier of `from` that are on the frontier of `to` too. */
  onBothFrontiers(): NodeRef[] {
    return this.from.frontier.filter((r) => this.to.dist.get(nodeKey(r)) === this.to.depth);
  }

  private async growOne(): Promise<void> {
    const { from, to } = this;
    const side = from.complete || (!to.complete && to.frontier.length < from.frontier.length) ? to : from;
    await side.grow();
    if (from.dist.size + to.dist.size > MAX_PATH_SEARCH_NODES) {
      throw new StoreError(
        'invalid',
        `A path search of length ${this.maxLength} here reaches more than ${MAX_PATH_SEARCH_NODES} nodes: lower maxLength or exclude labels (e.g. Shipment).`,
      );
    }
  }

  /** The shortest length of a path through a node both balls hold, if any. */
  private meeting(): number | undefined {
    let best: number | undefined;
    for (const [key, df] of this.from.dist) {
      const dt = this.to.dist.get(key);
      if (dt !== undefined && (best === undefined || df + dt < best)) best = df + dt;
    }
    return best;
  }
}

interface FoundPath {
  keys: string[];
  refs: NodeRef[];
  rels: Incidence[];
}

/**
 * Depth-first in (key, relationship id) order yields the paths of one length in the pinned
 * lexicographic order; lengths are tried shortest first. The distance to `to` (a lower bound
 * beyond its ball) prunes every branch that cannot end on `to` in the length left.
 */
class PathWalk {
  readonly found: FoundPath[] = [];
  private readonly fromKey: string;
  private readonly toKey: string;
  private readonly onPath: Set<string>;
  private readonly refs: NodeRef[];
  private readonly rels: Incidence[] = [];

  constructor(
    fromNode: NodeRef,
    toNode: NodeRef,
    private readonly excluded: ReadonlySet<NodeLabel>,
    private readonly adjacency: AdjacencyCache,
    private readonly toBall: Ball,
    private readonly k: number,
  ) {
    this.fromKey = nodeKey(fromNode);
    this.toKey = nodeKey(toNode);
    this.onPath = new Set([this.fromKey]);
    this.refs = [fromNode];
  }

  /** Adds the paths from `at` that end on `to` after exactly `remaining` more relationships. */
  async walk(at: NodeRef, remaining: number): Promise<void> {
    const { onPath, refs, rels } = this;
    let previous: string | null = null;
    for (const incidence of await this.adjacency.of(at)) {
      const { other } = incidence;
      const key = nodeKey(other);
      if (key === previous) continue; // parallel relationships: the path uses the smallest id
      previous = key;
      if (key === this.toKey) {
        if (remaining === 1)
          this.found.push({
            keys: [...refs, other].map(nodeKey),
            refs: [...refs, other],
            rels: [...rels, incidence],
          });
      } else if (remaining > 1 && this.mayPass(other, key, remaining - 1)) {
        onPath.add(key);
        refs.push(other);
        rels.push(incidence);
        await this.walk(other, remaining - 1);
        onPath.delete(key);
        refs.pop();
        rels.pop();
      }
      if (this.found.length >= this.k) return;
    }
  }

  /** Whether a path may go on through `node` and still reach `to` in `left` relationships. */
  private mayPass(node: NodeRef, key: string, left: number): boolean {
    return (
      !this.onPath.has(key) &&
      !this.excluded.has(node.label) &&
      this.toBall.lowerBound(key) <= left &&
      key !== this.fromKey
    );
  }
}

/** The nodes and relationships of the paths found, read in two batches. */
async function resolvePaths(source: TraversalSource, found: readonly FoundPath[]): Promise<GraphPath[]> {
  const nodeByKey = new Map(
    (await source.getNodes(found.flatMap((p) => p.refs))).map((n) => [nodeKey(n), n]),
  );
  const relById = new Map((await source.getRels(found.flatMap((p) => p.rels))).map((r) => [r.id, r]));
  return found.map((p) => ({
    nodes: p.keys.map((k) => nodeByKey.get(k)!),
    rels: p.rels.map((r) => relById.get(r.relId)!),
  }));
}
