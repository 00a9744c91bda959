import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { adjacency } from '../../src/detectors/adjacency.ts';
import type { DetectionView, EdgeAttributes, EntityGraph, PartyAttributes } from '../../src/graph/view.ts';

/** A view holding only the graph: the parties first (one alone), then the links in the order given. */
function viewOf(parties: string[], edges: [string, string][]): DetectionView {
  const graph: EntityGraph = new UndirectedGraph<PartyAttributes, EdgeAttributes>();
  for (const key of parties) {
    const [label, id] = key.split(':') as [PartyAttributes['label'], string];
    graph.addNode(key, { label, id, name: null, country: null, registeredOn: null, closedOn: null });
  }
  edges.forEach(([a, b], n) =>
    graph.addEdge(a, b, {
      weight: n + 1,
      links: [{ kind: 'supplier', via: null, rels: [`${a}-${b}`], weight: 1 }],
    }),
  );
  return { graph } as unknown as DetectionView;
}

describe('adjacency', () => {
  const parties = ['Supplier:S', 'Importer:B', 'Importer:A', 'Broker:K', 'Importer:Alone'];
  const edges: [string, string][] = [
    ['Importer:B', 'Supplier:S'],
    ['Broker:K', 'Importer:A'],
    ['Importer:A', 'Supplier:S'],
    ['Importer:B', 'Broker:K'],
  ];

  it("lists each party's neighbours and links in the order graphology walks them", () => {
    const view = viewOf(parties, edges);
    const adj = adjacency(view);
    expect(adj.keys).toEqual(parties);
    for (const key of parties) {
      const p = adj.index.get(key)!;
      const listed = [...adj.neighbour.subarray(adj.start[p], adj.start[p + 1])].map((q) => adj.keys[q]);
      expect(listed).toEqual(view.graph.neighbors(key));
      expect(adj.edge.slice(adj.start[p], adj.start[p + 1])).toEqual(
        view.graph.neighbors(key).map((n) => view.graph.getEdgeAttributes(key, n)),
      );
      expect(adj.degree[p]).toBe(view.graph.degree(key));
    }
    const s = adj.index.get('Supplier:S')!;
    expect([...adj.neighbour.subarray(adj.start[s], adj.start[s + 1])].map((q) => adj.keys[q])).toEqual([
      'Importer:B',
      'Importer:A',
    ]);
    expect(
      adj.start[adj.index.get('Importer:Alone')! + 1]! - adj.start[adj.index.get('Importer:Alone')!]!,
    ).toBe(0);
  });

  it('is built once per view', () => {
    const view = viewOf(parties, edges);
    expect(adjacency(view)).toBe(adjacency(view));
    expect(adjacency(viewOf(parties, edges))).not.toBe(adjacency(view));
  });
});
