// The four party relationships of a declaration line (IMPORTED_BY, DECLARED_BY, CONSIGNED_TO,
// SUPPLIED_BY) live as columns of the Shipment's own row, not as rows of `rels`: one row write
// per line instead of eight B-tree inserts, and the projection reads a line's parties where it
// reads the line. Every read materialises them as ordinary relationships.
//
// Where a party relationship is kept:
// - in its column: a relationship without props from a Shipment to a node of the type's label,
//   when the column was free (the one an ingest always writes);
// - in `rels` otherwise (a second party of one kind, props, an end of another label); the
//   Shipment's `party_more` flag is then set, so readers know to look there too. The flag is a
//   hint that is never cleared: a set flag with nothing in `rels` only costs a lookup.
// A relationship is never in both places.
import type { NodeLabel, RelType, ShipmentRecord } from '../../model/index.ts';

export interface PartyColumn {
  type: RelType;
  /** The label of the party end. */
  label: NodeLabel;
  /** Column of `nodes` holding the party's id on Shipment rows. */
  column: string;
  /** Partial index over (column, id): the shipments of one party. */
  index: 'nodes_importer' | 'nodes_broker' | 'nodes_consignee' | 'nodes_supplier';
  field: 'importerId' | 'brokerId' | 'consigneeId' | 'supplierId';
}

export const PARTY_COLUMNS: readonly PartyColumn[] = [
  {
    type: 'IMPORTED_BY',
    label: 'Importer',
    column: 'importer_id',
    index: 'nodes_importer',
    field: 'importerId',
  },
  { type: 'DECLARED_BY', label: 'Broker', column: 'broker_id', index: 'nodes_broker', field: 'brokerId' },
  {
    type: 'CONSIGNED_TO',
    label: 'Consignee',
    column: 'consignee_id',
    index: 'nodes_consignee',
    field: 'consigneeId',
  },
  {
    type: 'SUPPLIED_BY',
    label: 'Supplier',
    column: 'supplier_id',
    index: 'nodes_supplier',
    field: 'supplierId',
  },
] satisfies readonly (PartyColumn & { field: keyof ShipmentRecord })[];

const BY_TYPE = new Map<RelType, number>(PARTY_COLUMNS.map((p, i) => [p.type, i]));

/** The column slot a relationship of this type and ends would use, or -1 when it has none. */
export function partySlot(type: RelType, fromLabel: NodeLabel, toLabel: NodeLabel): number {
  if (fromLabel !== 'Shipment') return -1;
  const slot = BY_TYPE.get(type);
  return slot !== undefined && PARTY_COLUMNS[slot]?.label === toLabel ? slot : -1;
}

/** The party types among `types`, by slot. */
export function partyColumnsOf(types: readonly RelType[]): PartyColumn[] {
  return PARTY_COLUMNS.filter((p) => types.includes(p.type));
}

/** The `nodes` columns of the four parties in slot order, for column lists (of a table alias). */
export function partyColumnList(alias?: string): string {
  return PARTY_COLUMNS.map((p) => (alias ? `${alias}.${p.column}` : p.column)).join(', ');
}

/** The party types as an SQL list (closed enum values, never user input). */
export const PARTY_TYPES_SQL = PARTY_COLUMNS.map((p) => `'${p.type}'`).join(', ');

/** `CASE <typeSql> WHEN <party type> THEN <value of its column> … END` (NULL for other types). */
export function byPartyType(typeSql: string, value: (p: PartyColumn) => string): string {
  return `CASE ${typeSql} ${PARTY_COLUMNS.map((p) => `WHEN '${p.type}' THEN ${value(p)}`).join(' ')} END`;
}
