// A synthetic neighbourhood of a chosen size for the UI benchmark: one importer at the centre,
// brokers, suppliers, identifiers and shipments around it, shaped like the API's answer.
import type { ApiEdge, ApiNode } from '../../client/src/api/schemas.ts';
import type { NodeLabel, RelType } from '../../src/model/index.ts';
import { seededRng } from '../../src/model/rng.ts';

const RING: { label: NodeLabel; rel: RelType; share: number }[] = [
  { label: 'Shipment', rel: 'IMPORTED_BY', share: 0.55 },
  { label: 'Supplier', rel: 'SUPPLIED_BY', share: 0.15 },
  { label: 'Broker', rel: 'DECLARED_BY', share: 0.05 },
  { label: 'Address', rel: 'HAS_ADDRESS', share: 0.1 },
  { label: 'Phone', rel: 'HAS_PHONE', share: 0.05 },
  { label: 'Person', rel: 'DIRECTS', share: 0.1 },
];

export function fakeNeighbourhood(
  size: number,
  seed = 7,
): { centre: ApiNode; nodes: ApiNode[]; edges: ApiEdge[] } {
  const random = seededRng(seed);
  const centre: ApiNode = {
    key: 'Importer:IM-CENTRE',
    label: 'Importer',
    id: 'IM-CENTRE',
    name: 'Centre Trading Ltd',
    props: {},
    risk: 0.8,
  };
  const nodes: ApiNode[] = [centre];
  const edges: ApiEdge[] = [];
  for (const { label, rel, share } of RING) {
    const count = Math.round((size - 1) * share);
    for (let i = 0; i < count && nodes.length < size; i++) {
      const id = `${label.slice(0, 2).toUpperCase()}-${i}`;
      const key = `${label}:${id}`;
      const isParty = label !== 'Shipment' && label !== 'Address' && label !== 'Phone';
      nodes.push({
        key,
        label,
        id,
        name: `${label} ${i}`,
        props: {},
        risk: isParty ? Math.round(random() * 100) / 100 : null,
      });
      const [source, target] =
        label === 'Shipment' ? [key, centre.key] : label === 'Person' ? [key, centre.key] : [centre.key, key];
      edges.push({ id: `${rel}|${source}|${target}`, type: rel, source, target, props: {} });
      // Cross links make it a network rather than a star: shipments to suppliers and brokers.
      if (label === 'Supplier' || label === 'Broker') {
        for (let j = 0; j < 3; j++) {
          const shipment = nodes[1 + Math.floor(random() * Math.max(1, Math.round((size - 1) * 0.55)))];
          const type: RelType = label === 'Supplier' ? 'SUPPLIED_BY' : 'DECLARED_BY';
          if (shipment?.label === 'Shipment')
            edges.push({
              id: `${type}|${shipment.key}|${key}`,
              type,
              source: shipment.key,
              target: key,
              props: {},
            });
        }
      }
    }
  }
  while (nodes.length < size) {
    const id = `SH-extra-${nodes.length}`;
    nodes.push({ key: `Shipment:${id}`, label: 'Shipment', id, name: id, props: {}, risk: null });
    edges.push({
      id: `IMPORTED_BY|Shipment:${id}|${centre.key}`,
      type: 'IMPORTED_BY',
      source: `Shipment:${id}`,
      target: centre.key,
      props: {},
    });
  }
  return { centre, nodes, edges: [...new Map(edges.map((e) => [e.id, e])).values()] };
}
