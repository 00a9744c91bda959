// The entity graph's links gathered before the graph is built: every reason two parties are
// linked is merged into one edge per pair here, and the graph receives each edge once, with its
// summed weight, instead of a lookup and an attribute update per link. Edges reach the graph in
// the order their pair was first linked, and each edge's links in the order they came, so the
// graph (its edge order, each node's neighbour order, each weight's sum) is the one the links
// would have built one by one.
import type { EdgeAttributes, EntityGraph, Link } from './view.ts';

interface PendingEdge extends EdgeAttributes {
  source: string;
  target: string;
}

export class LinkSet {
  /** Pairs in order of their first link. */
  private readonly order: PendingEdge[] = [];
  /** The smaller key of a pair → the larger → its edge (undirected: either way round is one pair). */
  private readonly byPair = new Map<string, Map<string, PendingEdge>>();

  /** Adds one reason for an edge between a and b (a self-link is ignored). */
  add(a: string, b: string, link: Link): void {
    if (a === b) return;
    const [low, high] = a < b ? [a, b] : [b, a];
    let partners = this.byPair.get(low);
    if (partners === undefined) this.byPair.set(low, (partners = new Map<string, PendingEdge>()));
    const edge = partners.get(high);
    if (edge === undefined) {
      const pending: PendingEdge = { source: a, target: b, weight: link.weight, links: [link] };
      partners.set(high, pending);
      this.order.push(pending);
      return;
    }
    edge.links.push(link);
    edge.weight += link.weight;
  }

  /**
   * Adds every gathered edge whose two ends are nodes of the graph (links to anything else are
   * dropped, as before the graph had them), then forgets them. A pair the graph already links
   * gets the links on its edge, one by one, as if they had come after its own.
   */
  addTo(graph: EntityGraph): void {
    const fresh = graph.size === 0;
    for (const edge of this.order) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const existing = fresh ? undefined : graph.edge(edge.source, edge.target);
      if (existing === undefined) {
        graph.addEdge(edge.source, edge.target, { weight: edge.weight, links: edge.links });
        continue;
      }
      const attributes = graph.getEdgeAttributes(existing);
      for (const link of edge.links) {
        attributes.links.push(link);
        attributes.weight += link.weight;
      }
    }
    this.order.length = 0;
    this.byPair.clear();
  }
}
