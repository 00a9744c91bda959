// The entity graph's adjacency as flat arrays, built once per view: each party's neighbours as
// indices and the attributes of the link to each, in the order graphology walks the party's own
// edges (the order they were added). Hot loops over many parties' neighbours read these instead
// of asking graphology for a fresh neighbour array and looking each edge up again.
import type { DetectionView, EdgeAttributes } from '../graph/view.ts';

export interface Adjacency {
  /** Party keys in the graph's node order; a party's index is its position here. */
  keys: string[];
  index: Map<string, number>;
  /** Party p's neighbours are neighbour[start[p]] … neighbour[start[p + 1] − 1]. */
  start: Int32Array;
  neighbour: Int32Array;
  /** The link's attributes, beside each neighbour entry. */
  edge: EdgeAttributes[];
  /** Each party's degree as graphology counts it. */
  degree: Int32Array;
}

const cache = new WeakMap<DetectionView, Adjacency>();

export function adjacency(view: DetectionView): Adjacency {
  const cached = cache.get(view);
  if (cached) return cached;
  const { graph } = view;
  const keys = graph.nodes();
  const index = new Map<string, number>();
  for (let p = 0; p < keys.length; p++) index.set(keys[p]!, p);
  const n = keys.length;
  const m = graph.size;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const attributes: EdgeAttributes[] = new Array<EdgeAttributes>(m);
  const start = new Int32Array(n + 1);
  let e = 0;
  // Edges come in the order they were added: restricted to one party, the order graphology
  // walks that party's edges.
  graph.forEachEdge((_edge, attrs, s, t) => {
    const si = index.get(s)!;
    const ti = index.get(t)!;
    source[e] = si;
    target[e] = ti;
    attributes[e] = attrs;
    start[si + 1]! += 1;
    if (ti !== si) start[ti + 1]! += 1;
    e += 1;
  });
  for (let p = 0; p < n; p++) start[p + 1]! += start[p]!;
  const neighbour = new Int32Array(start[n]!);
  const edge: EdgeAttributes[] = new Array<EdgeAttributes>(start[n]!);
  const next = start.slice(0, n);
  for (let k = 0; k < m; k++) {
    const si = source[k]!;
    const ti = target[k]!;
    neighbour[next[si]!] = ti;
    edge[next[si]!++] = attributes[k]!;
    if (ti === si) continue;
    neighbour[next[ti]!] = si;
    edge[next[ti]!++] = attributes[k]!;
  }
  const degree = Int32Array.from(keys, (key) => graph.degree(key));
  const built = { keys, index, start, neighbour, edge, degree };
  cache.set(view, built);
  return built;
}
