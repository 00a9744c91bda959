// Personalised PageRank on a weighted undirected graph: the random walk restarts at the seed
// nodes, so the score says how close (through many strong links) a node is to the seeds.
import type { AbstractGraph } from 'graphology-types';
import type { Attributes } from 'graphology-types';

export interface PersonalisedPageRankOptions {
  /** Probability of following a link rather than restarting at a seed. */
  alpha: number;
  iterations: number;
  tolerance: number;
  getWeight: (attributes: Attributes) => number;
}

export function personalisedPageRank(
  graph: AbstractGraph,
  seeds: ReadonlyMap<string, number>,
  options: PersonalisedPageRankOptions,
): Map<string, number> {
  const nodes = graph.nodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const n = nodes.length;
  const restart = new Float64Array(n);
  let seedMass = 0;
  for (const [key, mass] of seeds) {
    const i = index.get(key);
    if (i === undefined || !(mass > 0)) continue;
    restart[i] = mass;
    seedMass += mass;
  }
  if (seedMass === 0 || n === 0) return new Map();
  for (let i = 0; i < n; i++) restart[i] = restart[i]! / seedMass;
  // The edges as flat arrays once, so each iteration is a tight loop over numbers.
  const m = graph.size;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  const strength = new Float64Array(n);
  let e = 0;
  graph.forEachEdge((_e, attrs, s, t) => {
    const w = options.getWeight(attrs);
    const si = index.get(s)!;
    const ti = index.get(t)!;
    source[e] = si;
    target[e] = ti;
    weight[e] = w;
    strength[si]! += w;
    strength[ti]! += w;
    e += 1;
  });
  let rank = Float64Array.from(restart);
  // Two buffers swapped each iteration: a fresh array per iteration is memory outside the heap
  // that makes the collector run.
  let next = new Float64Array(n);
  for (let it = 0; it < options.iterations; it++) {
    next.fill(0);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (strength[i] === 0) dangling += rank[i]!;
    for (let k = 0; k < m; k++) {
      const si = source[k]!;
      const ti = target[k]!;
      const w = weight[k]!;
      next[ti]! += (options.alpha * rank[si]! * w) / strength[si]!;
      next[si]! += (options.alpha * rank[ti]! * w) / strength[ti]!;
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      next[i]! += (1 - options.alpha + options.alpha * dangling) * restart[i]!;
      delta += Math.abs(next[i]! - rank[i]!);
    }
    [rank, next] = [next, rank];
    if (delta < options.tolerance) break;
  }
  return new Map(nodes.map((key, i) => [key, rank[i]!]));
}
