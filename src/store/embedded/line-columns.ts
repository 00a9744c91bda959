// The fields detection reads from each declaration line, kept as columns of its Shipment row
// beside the props JSON they are copied from (written with the props, schema version 7): the
// projection reads a line's columns without parsing its JSON, about half its time on a store of
// millions of lines. The props stay the source of every other read.
import type { Props, ShipmentProps } from '../../model/index.ts';

interface LineColumn {
  column: string;
  field: keyof ShipmentProps;
  /** text: a string; number: a finite number; flag: true 1, false 0. Anything else is NULL. */
  kind: 'text' | 'number' | 'flag';
}

export const LINE_COLUMNS: readonly LineColumn[] = [
  { column: 'ship_hs_code', field: 'hsCode', kind: 'text' },
  { column: 'ship_origin', field: 'originCountry', kind: 'text' },
  { column: 'ship_departure', field: 'departureCountry', kind: 'text' },
  { column: 'ship_customs_value', field: 'customsValue', kind: 'number' },
  { column: 'ship_duty_rate', field: 'dutyRate', kind: 'number' },
  { column: 'ship_duty_paid', field: 'dutyPaid', kind: 'number' },
  { column: 'ship_illicit', field: 'illicit', kind: 'flag' },
  { column: 'ship_net_mass_kg', field: 'netMassKg', kind: 'number' },
  { column: 'ship_quantity', field: 'quantity', kind: 'number' },
];

const SQL_TYPE = { text: 'TEXT', number: 'REAL', flag: 'INTEGER' } as const;

/** `ALTER TABLE` statements adding the columns (migration 7). */
export function addLineColumnsSql(): string {
  return LINE_COLUMNS.map((c) => `ALTER TABLE nodes ADD COLUMN ${c.column} ${SQL_TYPE[c.kind]};`).join('\n');
}

/** The value of one column from props JSON in SQL (`json` an SQL expression), as `lineColumnValue` gives it. */
function fromJsonSql(c: LineColumn, json: string): string {
  const path = `'$.${c.field}'`;
  if (c.kind === 'flag') return `CASE json_type(${json}, ${path}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END`;
  const types = c.kind === 'text' ? `'text'` : `'integer', 'real'`;
  return `iif(json_type(${json}, ${path}) IN (${types}), ${json} ->> ${path}, NULL)`;
}

/** Fills the columns of every stored line from its props (migration 7). */
export function fillLineColumnsSql(): string {
  const sets = LINE_COLUMNS.map((c) => `${c.column} = ${fromJsonSql(c, 'props')}`).join(',\n    ');
  return `UPDATE nodes SET\n    ${sets}\n   WHERE label = 'Shipment';`;
}

function lineColumnValue(c: LineColumn, value: Props[string] | undefined): string | number | null {
  switch (c.kind) {
    case 'text':
      return typeof value === 'string' ? value : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'flag':
      return value === true ? 1 : value === false ? 0 : null;
  }
}

/** Appends a node's column values to a statement's parameters: NULLs for any node but a Shipment. */
export function pushLineColumns(params: unknown[], props: Props | null): void {
  for (const c of LINE_COLUMNS) params.push(props === null ? null : lineColumnValue(c, props[c.field]));
}

/** On an upsert, a known incoming value wins, as the props' json_patch does; absent keeps the stored. */
export function mergeLineColumnsSql(): string {
  return LINE_COLUMNS.map((c) => `${c.column} = coalesce(excluded.${c.column}, nodes.${c.column})`).join(
    ',\n',
  );
}

/** The columns in order, for column lists (of a table alias). */
export function lineColumnList(alias?: string): string {
  return LINE_COLUMNS.map((c) => (alias ? `${alias}.${c.column}` : c.column)).join(', ');
}
