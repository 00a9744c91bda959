import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { personalisedPageRank } from '../../src/graph/personalised-pagerank.ts';

const OPTIONS = {
  alpha: 0.85,
  iterations: 1000,
  tolerance: 1e-12,
  getWeight: (a: Record<string, unknown>) => (typeof a.weight === 'number' ? a.weight : 1),
};

function graphOf(edges: [string, string, number][], isolated: string[] = []): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const n of isolated) g.mergeNode(n);
  for (const [a, b, weight] of edges) {
    g.mergeNode(a);
    g.mergeNode(b);
    g.addEdge(a, b, { weight });
  }
  return g;
}

/**
 * The reference: the same walk written as a dense transition matrix, iterated to a fixed point.
 * A node without links hands its mass back to the seeds.
 */
function reference(g: UndirectedGraph, seeds: Map<string, number>, alpha: number): Map<string, number> {
  const nodes = g.nodes();
  const n = nodes.length;
  const w = nodes.map(() => new Array<number>(n).fill(0));
  g.forEachEdge((_e, a, s, t) => {
    const i = nodes.indexOf(s);
    const j = nodes.indexOf(t);
    w[i]![j]! += a.weight as number;
    w[j]![i]! += a.weight as number;
  });
  const total = [...seeds.values()].reduce((s, m) => s + m, 0);
  const restart = nodes.map((k) => (seeds.get(k) ?? 0) / total);
  let r = [...restart];
  for (let it = 0; it < 5000; it++) {
    const out = w.map((row) => row.reduce((s, x) => s + x, 0));
    const dangling = r.reduce((s, x, i) => s + (out[i] === 0 ? x : 0), 0);
    r = nodes.map(
      (_k, j) =>
        alpha * r.reduce((s, x, i) => s + (out[i]! > 0 ? (x * w[i]![j]!) / out[i]! : 0), 0) +
        (1 - alpha + alpha * dangling) * restart[j]!,
    );
  }
  return new Map(nodes.map((k, i) => [k, r[i]!]));
}

describe('personalisedPageRank', () => {
  it('gives the known answer on two linked nodes: 1/(1+α) at the seed, α/(1+α) beside it', () => {
    const ranks = personalisedPageRank(graphOf([['a', 'b', 1]]), new Map([['a', 1]]), OPTIONS);
    expect(ranks.get('a')).toBeCloseTo(1 / 1.85, 6);
    expect(ranks.get('b')).toBeCloseTo(0.85 / 1.85, 6);
  });

  it('matches a dense power iteration on a weighted graph with several seeds and a lone node', () => {
    const g = graphOf(
      [
        ['a', 'b', 3],
        ['b', 'c', 1],
        ['c', 'a', 0.5],
        ['c', 'd', 2],
        ['d', 'e', 1],
        ['x', 'y', 4],
      ],
      ['lone'],
    );
    const seeds = new Map([
      ['a', 2],
      ['e', 1],
      ['lone', 1],
    ]);
    const ranks = personalisedPageRank(g, seeds, OPTIONS);
    const expected = reference(g, seeds, OPTIONS.alpha);
    for (const [key, value] of expected) expect(Math.abs(ranks.get(key)! - value)).toBeLessThan(1e-6);
    // A component with no seed gets nothing; the ranks are a distribution.
    expect(ranks.get('x')).toBe(0);
    expect([...ranks.values()].reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('returns nothing when no seed is in the graph or the graph is empty', () => {
    expect(personalisedPageRank(graphOf([['a', 'b', 1]]), new Map([['z', 1]]), OPTIONS).size).toBe(0);
    expect(personalisedPageRank(new UndirectedGraph(), new Map([['a', 1]]), OPTIONS).size).toBe(0);
  });
});
