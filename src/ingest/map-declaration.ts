// Maps one validated declaration line to its Shipment node, the parties it names and the
// IMPORTED_BY / DECLARED_BY / CONSIGNED_TO / SUPPLIED_BY relationships.
import { type BusinessLabel, SHIPMENT_REL, type SourceRef, shipmentId } from '../model/index.ts';
import type { TypedRow } from './row-schema.ts';
import { definedProps, node, rel, type RowGraph } from './row-graph.ts';

const str = (row: TypedRow, field: string): string | undefined => {
  const v = row[field];
  return typeof v === 'string' ? v : undefined;
};
const num = (row: TypedRow, field: string): number | undefined => {
  const v = row[field];
  return typeof v === 'number' ? v : undefined;
};
const bool = (row: TypedRow, field: string): boolean | undefined => {
  const v = row[field];
  return typeof v === 'boolean' ? v : undefined;
};

const PARTIES: [BusinessLabel, idField: string, nameField: string][] = [
  ['Importer', 'importer_id', 'importer_name'],
  ['Broker', 'broker_id', 'broker_name'],
  ['Consignee', 'consignee_id', 'consignee_name'],
  ['Supplier', 'supplier_id', 'supplier_name'],
];

/**
 * Which part of the row's graph a pass needs: planning needs the nodes only, writing the line
 * and its relationships only (parties are written once, from the plan).
 */
export type MapPart = 'all' | 'plan' | 'write';

/** `row.line` must be set (the importer numbers lines a file leaves out). */
export function mapDeclaration(row: TypedRow, source: SourceRef, part: MapPart = 'all'): RowGraph {
  const declarationId = str(row, 'declaration_id') ?? '';
  const line = num(row, 'line') ?? 1;
  const shipment = { label: 'Shipment' as const, id: shipmentId(declarationId, line) };
  // Keys in alphabetical order: the JSON of these props is their canonical form.
  const props = definedProps({
    courierId: str(row, 'courier_id'),
    criticalFraud: bool(row, 'critical_fraud'),
    currency: str(row, 'currency'),
    customsValue: num(row, 'customs_value'),
    date: str(row, 'date'),
    declarationId,
    departureCountry: str(row, 'departure_country'),
    description: str(row, 'description'),
    dutyPaid: num(row, 'duty_paid'),
    dutyRate: num(row, 'duty_rate'),
    fobValue: num(row, 'fob_value'),
    fraud: bool(row, 'fraud'),
    grossMassKg: num(row, 'gross_mass_kg'),
    hsCode: str(row, 'hs_code'),
    illicit: bool(row, 'illicit'),
    inspected: bool(row, 'inspected'),
    line,
    netMassKg: num(row, 'net_mass_kg'),
    office: str(row, 'office'),
    originCountry: str(row, 'origin_country'),
    quantity: num(row, 'quantity'),
    revenueRecovered: num(row, 'revenue_recovered'),
  });
  const graph: RowGraph = { owned: node(shipment, props, source), shared: [], rels: [] };
  for (const [label, idField, nameField] of PARTIES) {
    const id = str(row, idField);
    if (id === undefined) continue;
    const party = { label, id };
    if (part !== 'write') {
      const country = label === 'Supplier' ? str(row, 'supplier_country') : undefined;
      const props = definedProps({ country, inRegistry: false, name: str(row, nameField) });
      graph.shared.push(node(party, props, source));
    }
    if (part !== 'plan') graph.rels.push(rel(SHIPMENT_REL[label], shipment, party));
  }
  return graph;
}
