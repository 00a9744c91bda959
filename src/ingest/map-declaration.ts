// Maps one validated declaration line to its Shipment node and the parties it names (joined to
// it by IMPORTED_BY / DECLARED_BY / CONSIGNED_TO / SUPPLIED_BY when written).
import { type BusinessLabel, type Props, type SourceRef, shipmentId } from '../model/index.ts';
import type { TypedRow } from './row-schema.ts';
import { definedProps, node, type RowGraph } from './row-graph.ts';

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

/** `row.line` must be set (the importer numbers lines a file leaves out). */
export function mapDeclaration(row: TypedRow, source: SourceRef): RowGraph {
  const declarationId = str(row, 'declaration_id') ?? '';
  const line = num(row, 'line') ?? 1;
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
  const graph: RowGraph = {
    owned: { label: 'Shipment', id: shipmentId(declarationId, line), props },
    ends: [],
  };
  for (const [label, idField, nameField] of PARTIES) {
    const id = str(row, idField);
    if (id === undefined) continue;
    // Keys in alphabetical order, as definedProps would leave them.
    const partyProps: Props = {};
    const country = label === 'Supplier' ? str(row, 'supplier_country') : undefined;
    if (country !== undefined) partyProps.country = country;
    partyProps.inRegistry = false;
    const name = str(row, nameField);
    if (name !== undefined) partyProps.name = name;
    graph.ends.push(node({ label, id }, partyProps, source));
  }
  return graph;
}
