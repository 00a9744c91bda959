// Small hand-made graphs for the explorer's pure parts.
import type { ApiEdge, ApiNode, RingDetail } from '../../client/src/api/schemas.ts';

export function party(key: string, risk: number | null = null, name?: string): ApiNode {
  const [label = 'Importer', id = key] = key.split(/:(.*)/s);
  return { key, label: label as ApiNode['label'], id, name: name ?? id, props: {}, risk };
}

export function shipment(id: string, date: string, hsCode: string): ApiNode {
  return { key: `Shipment:${id}`, label: 'Shipment', id, name: '', props: { date, hsCode }, risk: null };
}

export function link(type: ApiEdge['type'], source: string, target: string): ApiEdge {
  return { id: `${type}|${source}|${target}`, type, source, target, props: {} };
}

export function ringDetail(): RingDetail {
  const a = party('Importer:A', 0.9);
  const b = party('Importer:B', 0.8);
  const addr = party('Address:1 main st');
  const s = shipment('D1/1', '2024-03-01', '850440');
  const edges = [
    link('HAS_ADDRESS', a.key, addr.key),
    link('HAS_ADDRESS', b.key, addr.key),
    link('IMPORTED_BY', s.key, a.key),
  ];
  return {
    ring: {
      id: 'R-shared_identifiers-1',
      typology: 'shared_identifiers',
      score: 0.8,
      revenueAtRisk: 1200,
      priority: 3.263634,
      explanation: 'Two importers share one address',
      members: [
        { label: 'Importer', id: 'A', role: 'member' },
        { label: 'Importer', id: 'B', role: 'member' },
      ],
      indicators: [
        {
          name: 'shared_address',
          value: 1,
          weight: 0.5,
          contribution: 0.5,
          description: '2 importers share one address',
          evidence: {
            nodes: [{ label: 'Address', id: '1 main st' }],
            rels: [edges[0]!.id],
            declarations: [],
          },
        },
        {
          name: 'unit_value_below_median',
          value: 0.6,
          weight: 0.5,
          contribution: 0.3,
          description: 'declared below the HS median',
          evidence: { nodes: [], rels: [], declarations: ['D1/1'] },
        },
      ],
    },
    nodes: [a, b, addr, s],
    edges,
  };
}
