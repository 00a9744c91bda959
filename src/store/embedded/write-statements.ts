// The SQL statements the embedded writer runs and the rows it binds to them: multi-row upserts
// of nodes (props merged in SQLite with json_patch: incoming known values win, the first source
// is kept) and inserts of relationships, prepared once per row count and reused.
import { isIdentifierLabel, nameSearchKey } from '../../model/index.ts';
import type { GraphNode } from '../../model/index.ts';
import { LINE_COLUMNS, lineColumnList, mergeLineColumnsSql, pushLineColumns } from './line-columns.ts';
import { partyColumnList } from './parties.ts';

/** Rows per statement: large enough to amortise the call into SQLite, small enough to plan fast. */
export const ROWS_PER_STATEMENT = 128;
export const NODE_COLUMNS = 13 + LINE_COLUMNS.length;
export const REL_COLUMNS = 4;
export const NO_PARTIES: readonly null[] = [null, null, null, null];

function multiRow(head: string, tail: string, columns: number, rows: number): string {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return head + Array.from({ length: rows }, () => tuple).join(',') + tail;
}

// Party columns are set only when the row is inserted: on an existing line each party
// relationship is checked against what is stored (writes.ts).
export const nodeUpsert = (rows: number, returning: string) =>
  multiRow(
    `INSERT INTO nodes (label, id, props, name_lc, ship_date, ship_declaration, ship_line, source_file, source_row,
       ${partyColumnList()}, ${lineColumnList()})
     VALUES `,
    ` ON CONFLICT (label, id) DO UPDATE SET
        props = json_patch(nodes.props, excluded.props),
        name_lc = coalesce(excluded.name_lc, nodes.name_lc),
        ship_date = coalesce(excluded.ship_date, nodes.ship_date),
        ship_declaration = coalesce(excluded.ship_declaration, nodes.ship_declaration),
        ship_line = coalesce(excluded.ship_line, nodes.ship_line),
        ${mergeLineColumnsSql()}
      ${returning}`,
    NODE_COLUMNS,
    rows,
  );

/** Relationships without props: nothing to merge, and `changes` counts the new ones. */
export const relInsert = (rows: number) =>
  multiRow(
    'INSERT INTO rels (from_n, type, to_n, props) VALUES ',
    ' ON CONFLICT DO NOTHING',
    REL_COLUMNS,
    rows,
  );

/** Appends the node's row to a multi-row statement's parameters. */
export function pushNodeRow(
  params: unknown[],
  node: GraphNode,
  json: string,
  parties: readonly (string | null)[],
): void {
  const { props } = node;
  const name = props.name;
  const shipment = node.label === 'Shipment';
  params.push(
    node.label,
    node.id,
    json,
    typeof name === 'string' && !isIdentifierLabel(node.label) ? nameSearchKey(name) : null,
    shipment && typeof props.date === 'string' ? props.date : null,
    shipment && typeof props.declarationId === 'string' ? props.declarationId : null,
    shipment && typeof props.line === 'number' ? props.line : null,
    node.source?.file ?? null,
    node.source?.row ?? null,
    parties[0],
    parties[1],
    parties[2],
    parties[3],
  );
  pushLineColumns(params, shipment ? props : null);
}

/** Prepared multi-row statements by row count: a remainder runs as a few power-of-two chunks. */
export class Statements<S> {
  private readonly bySize = new Map<number, S>();
  constructor(private readonly prepare: (rows: number) => S) {}

  /** Calls run for consecutive chunks of `params` (columns per row), largest first. */
  each(params: unknown[], columns: number, run: (statement: S, chunk: unknown[]) => void): void {
    const rows = params.length / columns;
    if (rows === ROWS_PER_STATEMENT) return run(this.get(rows), params); // the usual case: no copy
    let done = 0;
    for (let size = ROWS_PER_STATEMENT; size >= 1; size >>= 1) {
      while (rows - done >= size) {
        run(this.get(size), params.slice(done * columns, (done + size) * columns));
        done += size;
      }
    }
  }

  get(size: number): S {
    let statement = this.bySize.get(size);
    if (!statement) this.bySize.set(size, (statement = this.prepare(size)));
    return statement;
  }
}
