// Ring-core membership: which parties of a group belong to its core rather than its context.
import type { DetectionView } from '../graph/view.ts';

/**
 * The core of a group of parties: importers, and the other parties (people, brokers, suppliers,
 * consignees) tied to at least two members — a director of one firm or a supplier of one
 * importer is its context, not part of a ring.
 */
export function coreMembers(view: DetectionView, keys: readonly string[]): string[] {
  const set = new Set(keys);
  return keys.filter((k) => {
    if (view.graph.getNodeAttribute(k, 'label') === 'Importer') return true;
    let inside = 0;
    view.graph.forEachNeighbor(k, (n) => void (set.has(n) && inside++));
    return inside >= 2;
  });
}
