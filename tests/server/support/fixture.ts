// A small customs world for the server tests: three importers behind one address and one
// director, a broker, a supplier, six declaration lines and one detection run with a ring.
import {
  relId,
  shipmentId,
  type DetectionRun,
  type GraphNode,
  type GraphRel,
  type NodeRef,
  type RelType,
} from '../../../src/model/index.ts';
import type { GraphStore } from '../../../src/store/graph-store.ts';

const source = (row: number) => ({ file: 'f'.repeat(64), row });
const node = (label: GraphNode['label'], id: string, props: GraphNode['props'], row = 1): GraphNode => ({
  label,
  id,
  props,
  source: source(row),
});
const rel = (type: RelType, from: NodeRef, to: NodeRef, props: GraphRel['props'] = {}): GraphRel => ({
  id: relId(type, from, to),
  type,
  from: { label: from.label, id: from.id },
  to: { label: to.label, id: to.id },
  props,
});

export const IMPORTERS = [
  node('Importer', 'IM-001', { name: 'Alder Trading', country: 'GB', registeredOn: '2023-01-10' }),
  node('Importer', 'IM-002', { name: 'Birch Imports', country: 'GB', registeredOn: '2023-02-01' }),
  node('Importer', 'IM-003', { name: '=Cedar Goods', country: 'GB', registeredOn: '2024-05-20' }),
];
export const BROKER = node('Broker', 'BR-01', { name: 'Quay Clearance', country: 'GB' });
export const SUPPLIER = node('Supplier', 'SU-01', { name: 'Shenzhen Export Co', country: 'CN' });
export const PERSON = node('Person', 'P-01', { name: 'J. Doe' });
export const ADDRESS = node('Address', '12 dock road london', { value: '12 Dock Road, London' });
export const SHIPMENTS = [1, 2, 3, 4, 5, 6].map((i) => {
  const declarationId = `DECL-${String(i).padStart(4, '0')}`;
  return node(
    'Shipment',
    shipmentId(declarationId, 1),
    {
      declarationId,
      line: 1,
      date: `2024-0${i}-15`,
      hsCode: i % 2 ? '610910' : '850440',
      customsValue: 1000 * i,
      illicit: i === 6,
    },
    i,
  );
});

export function fixtureRels(): GraphRel[] {
  const rels: GraphRel[] = [];
  SHIPMENTS.forEach((s, i) => {
    const importer = IMPORTERS[i % 3] as GraphNode;
    rels.push(
      rel('IMPORTED_BY', s, importer),
      rel('DECLARED_BY', s, BROKER),
      rel('SUPPLIED_BY', s, SUPPLIER),
    );
  });
  for (const importer of IMPORTERS) {
    rels.push(
      rel('HAS_ADDRESS', importer, ADDRESS),
      rel('DIRECTS', PERSON, importer, { from: '2023-01-01', to: null }),
    );
  }
  return rels;
}

export const RING_ID = 'R-shared_identifiers-000001';
export const FORMULA_REASONS = ['+SUM(1,1)', '-2+3', '@cmd|calc'];

export function fixtureRun(): DetectionRun {
  const members = IMPORTERS.map((n) => ({ label: n.label, id: n.id, role: 'importer' }));
  return {
    runId: 'run-1',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    seed: 1,
    rings: [
      {
        id: RING_ID,
        typology: 'shared_identifiers',
        score: 0.8,
        revenueAtRisk: 1234.5,
        priority: 3.273474,
        explanation: 'Three importers share one address and one director.',
        members: [...members, { label: 'Person', id: 'P-01', role: 'director' }],
        indicators: [
          {
            name: 'shared_address',
            value: 3,
            weight: 1,
            contribution: 0.8,
            description: '3 importers share 12 Dock Road',
            evidence: {
              nodes: [{ label: 'Address', id: ADDRESS.id }],
              rels: IMPORTERS.map((i) => relId('HAS_ADDRESS', i, ADDRESS)),
              declarations: [SHIPMENTS[5]?.id ?? ''],
            },
          },
        ],
      },
    ],
    // Reasons start with every spreadsheet formula trigger, for the CSV export tests.
    parties: [
      ...IMPORTERS.map((n, i) => ({
        label: n.label,
        id: n.id,
        score: 0.5 + i * 0.1,
        revenueAtRisk: 100 * i,
        ringIds: [RING_ID],
        reasons: [FORMULA_REASONS[i] ?? 'shared address'],
      })),
      {
        label: 'Person' as const,
        id: 'P-01',
        score: 0.3,
        revenueAtRisk: 0,
        ringIds: [RING_ID],
        reasons: ['\tdirector of 3 linked firms'],
      },
      {
        label: 'Broker' as const,
        id: 'BR-01',
        score: 0.2,
        revenueAtRisk: 0,
        ringIds: [],
        reasons: ['\rdeclares for 3 linked firms'],
      },
    ],
    targets: [
      { declarationId: 'DECL-0006', line: 1, score: 0.9, reasons: ['=HYPERLINK("http://x")'] },
      { declarationId: 'DECL-0003', line: 1, score: 0.4, reasons: ['value below median'] },
    ],
    leads: [
      {
        label: 'Supplier',
        id: 'SU-01',
        detector: 'guilt_by_association',
        score: 0.6,
        reason: 'SU-01 supplies IM-001, whose goods were seized',
        path: [
          {
            from: { label: 'Supplier', id: 'SU-01' },
            to: { label: 'Importer', id: IMPORTERS[0]?.id ?? '' },
            kinds: ['supplier'],
          },
        ],
        evidence: { nodes: [{ label: 'Supplier', id: 'SU-01' }], rels: [], declarations: [] },
      },
      {
        label: 'Broker',
        id: 'BR-01',
        detector: 'centrality',
        score: 0.5,
        reason: 'broker BR-01 is the only link between 2 groups of 3 importers',
        path: [],
        evidence: { nodes: [{ label: 'Broker', id: 'BR-01' }], rels: [], declarations: [] },
      },
    ],
  };
}

/** Writes the fixture through an import session and the detection run; returns what was written. */
export async function loadFixture(store: GraphStore): Promise<{ nodes: number; rels: number }> {
  const nodes = [...IMPORTERS, BROKER, SUPPLIER, PERSON, ADDRESS, ...SHIPMENTS];
  const rels = fixtureRels();
  const session = await store.beginImport({
    fileHash: 'f'.repeat(64),
    fileName: 'fixture.csv',
    rows: nodes.length,
  });
  await session.write({ nodes, rels });
  await session.commit();
  await store.writeFindings(fixtureRun());
  return { nodes: nodes.length, rels: rels.length };
}
