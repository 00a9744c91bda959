// A deliberately naive, in-memory statement of the neighbourhood and path semantics pinned in
// src/store/graph-store.ts (breadth-first search and enumeration of every simple path). The
// contract compares each adapter against it on the fixture, for every start node and pair.
import { nodeKey } from '../../src/model/index.ts';
import type { GraphNode, GraphRel } from '../../src/model/index.ts';
import type { NeighbourhoodQuery, PathQuery, WriteBatch } from '../../src/store/graph-store.ts';
import { compare } from './contract-helpers.ts';

const UNTRAVERSED = new Set(['HAS_MEMBER', 'CONCERNS']);

function adjacency(batch: WriteBatch): Map<string, { rel: GraphRel; other: string }[]> {
  const adj = new Map<string, { rel: GraphRel; other: string }[]>();
  const add = (at: string, rel: GraphRel, other: string) => {
    if (!adj.has(at)) adj.set(at, []);
    adj.get(at)!.push({ rel, other });
  };
  for (const rel of batch.rels) {
    if (UNTRAVERSED.has(rel.type)) continue;
    add(nodeKey(rel.from), rel, nodeKey(rel.to));
    add(nodeKey(rel.to), rel, nodeKey(rel.from));
  }
  return adj;
}

function admits(q: NeighbourhoodQuery, n: GraphNode): boolean {
  if (q.labels && !q.labels.includes(n.label)) return false;
  if (n.label !== 'Shipment') return true;
  const date = String(n.props.date ?? '');
  const hs = String(n.props.hsCode ?? '');
  if (q.dateFrom && !(date >= q.dateFrom)) return false;
  if (q.dateTo && !(date <= q.dateTo)) return false;
  return !q.hsPrefix || hs.startsWith(q.hsPrefix);
}

/** Node keys in result order, relationship ids, truncated. */
export function referenceNeighbourhood(batch: WriteBatch, q: NeighbourhoodQuery) {
  const nodes = new Map(batch.nodes.map((n) => [nodeKey(n), n]));
  const adj = adjacency(batch);
  const start = nodeKey(q.start);
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let hop = 1; hop <= q.hops; hop += 1) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const { other } of adj.get(key) ?? []) {
        if (dist.has(other) || !admits(q, nodes.get(other)!)) continue;
        dist.set(other, hop);
        next.push(other);
      }
    }
    frontier = next;
  }
  const ordered = [...dist.entries()].sort((a, b) => a[1] - b[1] || compare(a[0], b[0])).map(([k]) => k);
  const kept = new Set(ordered.slice(0, q.limit));
  const rels = batch.rels
    .filter((r) => !UNTRAVERSED.has(r.type) && kept.has(nodeKey(r.from)) && kept.has(nodeKey(r.to)))
    .map((r) => r.id)
    .sort(compare);
  return { nodes: [...kept], rels, truncated: ordered.length > q.limit };
}

/** Each path as its node keys and relationship ids. */
export function referencePaths(batch: WriteBatch, q: PathQuery): { nodes: string[]; rels: string[] }[] {
  const nodes = new Map(batch.nodes.map((n) => [nodeKey(n), n]));
  const adj = adjacency(batch);
  const from = nodeKey(q.from);
  const to = nodeKey(q.to);
  if (from === to) return [{ nodes: [from], rels: [] }];
  const excluded = new Set(q.excludeLabels ?? []);
  const all: { nodes: string[]; rels: string[] }[] = [];
  const walk = (path: string[], rels: string[]) => {
    const at = path[path.length - 1]!;
    if (at === to) {
      all.push({ nodes: [...path], rels: [...rels] });
      return;
    }
    if (rels.length === q.maxLength) return;
    // Between two nodes a path uses the relationship with the smallest id.
    const best = new Map<string, string>();
    for (const { rel, other } of adj.get(at) ?? []) {
      const known = best.get(other);
      if (known === undefined || rel.id < known) best.set(other, rel.id);
    }
    for (const [other, relId] of best) {
      if (path.includes(other)) continue;
      if (other !== to && excluded.has(nodes.get(other)!.label)) continue;
      walk([...path, other], [...rels, relId]);
    }
  };
  walk([from], []);
  const compareSeq = (a: string[], b: string[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const c = compare(a[i]!, b[i]!);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  };
  return all.sort((a, b) => a.rels.length - b.rels.length || compareSeq(a.nodes, b.nodes)).slice(0, q.k);
}
