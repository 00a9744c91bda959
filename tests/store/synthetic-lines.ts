// A deterministic stream of declaration lines as the ingest writes them (a Shipment node, its
// parties, their shared addresses, and the relationships between them), for the Neo4j crash
// test and the Neo4j benchmark. Party counts scale with the number of lines, as in real trade:
// a few brokers, many importers, shared addresses.
import { relId, shipmentId } from '../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, RelType } from '../../src/model/index.ts';
import type { WriteBatch } from '../../src/store/graph-store.ts';
import { seededRng } from '../../src/model/rng.ts';

const COUNTRIES = ['CN', 'VN', 'IN', 'TR', 'DE', 'US', 'BD', 'TH'];

export interface SyntheticOptions {
  lines: number;
  seed?: number;
  fileHash?: string;
}

/** One WriteBatch per `linesPerBatch` lines, in line order. */
export function* syntheticBatches(options: SyntheticOptions, linesPerBatch: number): Generator<WriteBatch> {
  const next = seededRng(options.seed ?? 42);
  const file = options.fileHash ?? 'f'.repeat(64);
  const pick = (n: number) => Math.floor(next() * n);
  const importers = Math.max(5, Math.floor(options.lines / 20));
  const suppliers = Math.max(3, Math.floor(options.lines / 50));
  const consignees = Math.max(3, Math.floor(options.lines / 30));
  const addresses = Math.max(3, Math.floor(importers / 3));
  const brokers = 40;
  let batch: WriteBatch = { nodes: [], rels: [] };
  let inBatch = 0;
  const party = (label: NodeLabel, id: string, name: string, row: number): GraphNode => ({
    label,
    id,
    props: { name, country: label === 'Supplier' ? (COUNTRIES[pick(COUNTRIES.length)] ?? 'CN') : 'GB' },
    source: { file, row },
  });
  const link = (type: RelType, from: GraphNode, to: GraphNode): GraphRel => ({
    id: relId(type, from, to),
    type,
    from,
    to,
    props: {},
  });

  for (let row = 1; row <= options.lines; row += 1) {
    const declarationId = `D${String(Math.ceil(row / 3)).padStart(9, '0')}`;
    const line = ((row - 1) % 3) + 1;
    const imp = pick(importers);
    const importer = party('Importer', `IM-${imp}`, `Importer ${imp} Trading`, row);
    const broker = party('Broker', `BR-${pick(brokers)}`, `Broker ${row % brokers}`, row);
    const supplier = party('Supplier', `SU-${pick(suppliers)}`, `Supplier ${row % suppliers}`, row);
    const consignee = party('Consignee', `CO-${pick(consignees)}`, `Consignee ${row % consignees}`, row);
    const addressId = `${imp % addresses} harbour road`;
    const address: GraphNode = {
      label: 'Address',
      id: addressId,
      props: { value: `${imp % addresses}, Harbour Road` },
      source: { file, row },
    };
    const day = 1 + (row % 28);
    const shipment: GraphNode = {
      label: 'Shipment',
      id: shipmentId(declarationId, line),
      props: {
        declarationId,
        line,
        date: `2024-${String(1 + (row % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        office: `OF${row % 7}`,
        hsCode: String(610000 + pick(900)).padStart(6, '0'),
        originCountry: COUNTRIES[pick(COUNTRIES.length)] ?? 'CN',
        quantity: 1 + pick(500),
        netMassKg: Math.round(next() * 10_000) / 10,
        customsValue: Math.round(next() * 1_000_000) / 100,
        currency: 'EUR',
        dutyRate: 0.12,
        inspected: false,
      },
      source: { file, row },
    };
    batch.nodes.push(importer, broker, supplier, consignee, address, shipment);
    batch.rels.push(
      link('IMPORTED_BY', shipment, importer),
      link('DECLARED_BY', shipment, broker),
      link('SUPPLIED_BY', shipment, supplier),
      link('CONSIGNED_TO', shipment, consignee),
      link('HAS_ADDRESS', importer, address),
    );
    inBatch += 1;
    if (inBatch === linesPerBatch) {
      yield batch;
      batch = { nodes: [], rels: [] };
      inBatch = 0;
    }
  }
  if (inBatch > 0) yield batch;
}
