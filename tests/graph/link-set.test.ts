// Links gathered per pair must build the graph the links would have built one by one: edges in
// the order their pair was first linked, each edge's links and weight sum in arrival order, links
// to non-nodes dropped, and links for a pair the graph already has appended to its edge.
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { LinkSet } from '../../src/graph/link-set.ts';
import type { EntityGraph, Link, LinkKind } from '../../src/graph/view.ts';

function graphOf(...keys: string[]): EntityGraph {
  const graph: EntityGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const key of keys) {
    const [label, id] = key.split(':') as ['Importer', string];
    graph.addNode(key, { label, id, name: null, country: null, registeredOn: null, closedOn: null });
  }
  return graph;
}

const link = (kind: LinkKind, weight: number): Link => ({ kind, via: null, rels: [], weight });

function edges(graph: EntityGraph): [string, string, string[], number][] {
  return graph.mapEdges((_, attrs, source, target) => [
    source,
    target,
    attrs.links.map((l) => l.kind),
    attrs.weight,
  ]);
}

describe('LinkSet', () => {
  it('adds one edge per pair, in first-link order, with links and weights in arrival order', () => {
    const graph = graphOf('Importer:A', 'Importer:B', 'Importer:C');
    const links = new LinkSet();
    links.add('Importer:B', 'Importer:C', link('phone', 0.1));
    links.add('Importer:A', 'Importer:B', link('address', 0.2));
    links.add('Importer:C', 'Importer:B', link('email', 0.7)); // the same pair, the other way round
    links.add('Importer:A', 'Importer:A', link('phone', 1)); // a self-link
    links.add('Importer:A', 'Importer:Z', link('phone', 1)); // an end that is no node
    links.addTo(graph);
    expect(edges(graph)).toEqual([
      ['Importer:B', 'Importer:C', ['phone', 'email'], 0.1 + 0.7],
      ['Importer:A', 'Importer:B', ['address'], 0.2],
    ]);
    expect(graph.neighbors('Importer:B')).toEqual(['Importer:C', 'Importer:A']);
  });

  it('appends links for a pair the graph already links to its edge, one by one', () => {
    const graph = graphOf('Importer:A', 'Importer:B', 'Importer:C');
    const identity = new LinkSet();
    identity.add('Importer:A', 'Importer:B', link('phone', 0.1));
    identity.addTo(graph);
    const trade = new LinkSet();
    trade.add('Importer:B', 'Importer:A', link('broker', 0.2));
    trade.add('Importer:A', 'Importer:C', link('supplier', 0.3));
    trade.add('Importer:A', 'Importer:B', link('consignee', 0.7));
    trade.addTo(graph);
    expect(edges(graph)).toEqual([
      ['Importer:A', 'Importer:B', ['phone', 'broker', 'consignee'], 0.1 + 0.2 + 0.7],
      ['Importer:A', 'Importer:C', ['supplier'], 0.3],
    ]);
    // Gathered links are forgotten once added.
    trade.addTo(graph);
    expect(graph.size).toBe(2);
  });
});
