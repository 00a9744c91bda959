// What an administration profile names, found in a view: the parties it lists as big forwarders
// (by entity id or name) and the identifier nodes of the business-centre addresses it lists.
// Sharing either says nothing about a ring.
import { nameSearchKey, normaliseIdentifier } from '../model/index.ts';
import type { DetectionView } from '../graph/view.ts';

/** Node keys of the parties whose id or name is in `names` (case and spacing ignored). */
export function listedParties(view: DetectionView, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  if (names.length === 0) return found;
  const wanted = new Set(names.map(nameSearchKey));
  view.graph.forEachNode((key, a) => {
    if (wanted.has(nameSearchKey(a.id)) || (a.name !== null && wanted.has(nameSearchKey(a.name))))
      found.add(key);
  });
  return found;
}

/** Keys (in view.identifiers) of the shared Address nodes that are listed business centres. */
export function businessCentres(view: DetectionView, addresses: readonly string[]): Set<string> {
  const wanted = new Set(addresses.map((a) => normaliseIdentifier('Address', a)));
  const found = new Set<string>();
  if (addresses.length === 0) return found;
  for (const [key, shared] of view.identifiers)
    if (shared.ref.label === 'Address' && wanted.has(normaliseIdentifier('Address', shared.ref.id)))
      found.add(key);
  return found;
}
