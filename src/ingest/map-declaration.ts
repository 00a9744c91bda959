// Maps one validated declaration line to its Shipment node and the parties it names (joined to
// it by IMPORTED_BY / DECLARED_BY / CONSIGNED_TO / SUPPLIED_BY when written).
import { type BusinessLabel, type Props, type SourceRef, shipmentId } from '../model/index.ts';
import type { TypedRow } from './row-schema.ts';
import { node, type RowGraph } from './row-graph.ts';

const str = (row: TypedRow, field: string): string | undefined => {
  const v = row[field];
  return typeof v === 'string' ? v : undefined;
};

const PARTIES: [BusinessLabel, idField: string, nameField: string][] = [
  ['Importer', 'importer_id', 'importer_name'],
  ['Broker', 'broker_id', 'broker_name'],
  ['Consignee', 'consignee_id', 'consignee_name'],
  ['Supplier', 'supplier_id', 'supplier_name'],
];

/**
 * The props of a line: [prop, field, type], in alphabetical order of the props (the JSON of the
 * props is their canonical form). A value of another type, or none, is left out: an empty cell
 * is unknown, not a value.
 */
const LINE_PROPS: [prop: string, field: string, type: 'string' | 'number' | 'boolean'][] = [
  ['courierId', 'courier_id', 'string'],
  ['criticalFraud', 'critical_fraud', 'boolean'],
  ['currency', 'currency', 'string'],
  ['customsValue', 'customs_value', 'number'],
  ['date', 'date', 'string'],
  ['declarationId', 'declaration_id', 'string'],
  ['departureCountry', 'departure_country', 'string'],
  ['description', 'description', 'string'],
  ['dutyPaid', 'duty_paid', 'number'],
  ['dutyRate', 'duty_rate', 'number'],
  ['fobValue', 'fob_value', 'number'],
  ['fraud', 'fraud', 'boolean'],
  ['grossMassKg', 'gross_mass_kg', 'number'],
  ['hsCode', 'hs_code', 'string'],
  ['illicit', 'illicit', 'boolean'],
  ['inspected', 'inspected', 'boolean'],
  ['line', 'line', 'number'],
  ['netMassKg', 'net_mass_kg', 'number'],
  ['office', 'office', 'string'],
  ['originCountry', 'origin_country', 'string'],
  ['quantity', 'quantity', 'number'],
  ['revenueRecovered', 'revenue_recovered', 'number'],
];

/** `row.line` must be set (the importer numbers lines a file leaves out). */
export function mapDeclaration(row: TypedRow, source: SourceRef): RowGraph {
  const declarationId = str(row, 'declaration_id') ?? '';
  const line = typeof row.line === 'number' ? row.line : 1;
  const props: Props = {};
  for (const [key, field, type] of LINE_PROPS) {
    const value = key === 'line' ? line : row[field];
    if (typeof value === type) props[key] = value as string | number | boolean;
  }
  const graph: RowGraph = {
    owned: { label: 'Shipment', id: shipmentId(declarationId, line), props },
    ends: [],
  };
  for (const [label, idField, nameField] of PARTIES) {
    const id = str(row, idField);
    if (id === undefined) continue;
    // Keys in alphabetical order, as for the line.
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
