import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { seizurePaths } from '../../src/detectors/seizure-path.ts';
import type { DetectionView, EdgeAttributes, EntityGraph, PartyAttributes } from '../../src/graph/view.ts';

/** A view holding only the graph, its edges added in the order given. */
function viewOf(edges: [string, string][]): DetectionView {
  const graph: EntityGraph = new UndirectedGraph<PartyAttributes, EdgeAttributes>();
  for (const [a, b] of edges) {
    for (const key of [a, b]) {
      const [label, id] = key.split(':') as [PartyAttributes['label'], string];
      graph.mergeNode(key, { label, id, name: null, country: null, registeredOn: null, closedOn: null });
    }
    graph.addEdge(a, b, {
      weight: 1,
      links: [{ kind: 'supplier', via: null, rels: [`${a}-${b}`], weight: 1 }],
    });
  }
  return { graph } as unknown as DetectionView;
}

describe('seizurePaths', () => {
  it('steps to the smallest-key party one hop nearer, whatever order the links were added in', () => {
    // Importer:D is two hops from both seized importers, through Supplier:B and Supplier:C; its
    // links to C were added first, and A's to C before A's to B.
    const edges: [string, string][] = [
      ['Importer:D', 'Supplier:C'],
      ['Importer:Z', 'Supplier:C'],
      ['Importer:A', 'Supplier:C'],
      ['Importer:A', 'Supplier:B'],
      ['Importer:D', 'Supplier:B'],
    ];
    for (const order of [edges, [...edges].reverse()]) {
      const paths = seizurePaths(viewOf(order), ['Importer:Z', 'Importer:A'], 6);
      expect(paths.keysOf('Importer:D')).toEqual(['Importer:D', 'Supplier:B', 'Importer:A']);
      expect(paths.keysOf('Supplier:C')).toEqual(['Supplier:C', 'Importer:A']);
      expect(paths.relsOf('Importer:D')).toEqual(['Importer:D-Supplier:B', 'Importer:A-Supplier:B']);
    }
    expect(seizurePaths(viewOf(edges), ['Importer:A'], 1).keysOf('Importer:D')).toEqual(['Importer:D']);
  });
});
