// Streamed projection for graph algorithms: each stream reads through its own read-only
// connection (a consistent snapshot of committed data that leaves the main connection free)
// and pulls rows in chunks, so a store of millions of lines never sits in memory.
import Database from 'better-sqlite3';
import { BUSINESS_LABELS, SHIPMENT_REL } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, RelType, ShipmentRecord } from '../../model/index.ts';
import { compareStrings } from '../traversal.ts';
import { NODE_COLUMNS, nodeFromRow, REL_SELECT, relFromRow } from './rows.ts';
import type { NodeRow, RelRow } from './rows.ts';

const CHUNK = 2000;

/**
 * Rows of one query, chunk by chunk; the reader closes when the consumer stops. Callers loop
 * over each chunk themselves: one await per chunk rather than one per row keeps a stream of
 * millions cheap. `raw` gives each row as an array of its columns (no object per row).
 */
async function* chunksOf<Row>(
  path: string,
  sql: string,
  params: readonly unknown[],
  raw = false,
): AsyncGenerator<Row[]> {
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  try {
    reader.pragma('busy_timeout = 5000');
    const statement = reader.prepare(sql);
    if (raw) statement.raw();
    const iterator = statement.iterate(...params) as IterableIterator<Row>;
    try {
      for (;;) {
        const chunk: Row[] = [];
        for (let step = iterator.next(); !step.done; step = iterator.next()) {
          chunk.push(step.value);
          if (chunk.length === CHUNK) break;
        }
        if (chunk.length === 0) return;
        // Between chunks the event loop runs: the server keeps answering during a long stream.
        await new Promise<void>((resolve) => setImmediate(resolve));
        yield chunk;
        if (chunk.length < CHUNK) return;
      }
    } finally {
      iterator.return?.();
    }
  } finally {
    reader.close();
  }
}

/** Nodes of the given labels in nodeKey order (label, then id). */
export async function* streamNodes(path: string, labels: readonly NodeLabel[]): AsyncGenerator<GraphNode> {
  for (const label of [...new Set(labels)].sort(compareStrings)) {
    for await (const chunk of chunksOf<NodeRow>(
      path,
      `SELECT ${NODE_COLUMNS} FROM nodes WHERE label = ? ORDER BY id`,
      [label],
    )) {
      for (const row of chunk) yield nodeFromRow(row);
    }
  }
}

/**
 * Relationships of the given types, each once, in one pass over the table: grouped by start
 * node in the order start nodes were first written (stable while the store is unchanged).
 */
export async function* streamRels(path: string, types: readonly RelType[]): AsyncGenerator<GraphRel> {
  if (types.length === 0) return;
  const sql = `${REL_SELECT} WHERE r.type IN (SELECT value FROM json_each(?)) ORDER BY r.from_n, r.type, r.to_n`;
  for await (const chunk of chunksOf<RelRow>(path, sql, [JSON.stringify(types)])) {
    for (const row of chunk) yield relFromRow(row);
  }
}

/** The party id fields of a ShipmentRecord, by the relationship that names each party. */
const PARTIES = [
  ['IMPORTED_BY', 'importerId'],
  ['DECLARED_BY', 'brokerId'],
  ['CONSIGNED_TO', 'consigneeId'],
  ['SUPPLIED_BY', 'supplierId'],
] as const satisfies readonly (readonly [RelType, keyof ShipmentRecord])[];
type PartyField = (typeof PARTIES)[number][1];
const PARTY_LABEL = Object.fromEntries(
  BUSINESS_LABELS.map((label) => [SHIPMENT_REL[label], label]),
) as Partial<Record<RelType, NodeLabel>>;

/**
 * One party column: the party's id as text when the line names one party of that kind; when it
 * names several (never from an ingest, possible through the write API), every id as a JSON
 * array in a blob, so that an id which merely looks like JSON is never mistaken for a list.
 */
function partyColumn(type: RelType): string {
  return `(SELECT iif(count(*) > 1, CAST(json_group_array(p.id) AS BLOB), min(p.id))
      FROM rels r CROSS JOIN nodes p ON p.n = r.to_n
     WHERE r.from_n = n.n AND r.type = '${type}' AND p.label = '${PARTY_LABEL[type] ?? ''}')`;
}

const SHIPMENTS_SQL = `SELECT n.props, ${PARTIES.map(([type]) => partyColumn(type)).join(', ')}
    FROM nodes n INDEXED BY nodes_shipment_order
    WHERE n.label = 'Shipment'
    ORDER BY n.ship_date, n.ship_declaration, n.ship_line, n.id`;

type ShipmentRow = [props: string, ...parties: (string | Buffer | null)[]];

/** A line naming two parties of one kind keeps the smaller id, whatever the adapter. */
function partyId(column: string | Buffer | null | undefined): string | null {
  if (column === null || column === undefined) return null;
  if (typeof column === 'string') return column;
  const ids = JSON.parse(column.toString('utf8')) as string[];
  return ids.reduce((smallest, id) => (id < smallest ? id : smallest));
}

/**
 * Every declaration line with its parties, by date, declaration id, line (then shipment id):
 * one indexed pass, each shipment's four parties found by primary-key seeks.
 */
export async function* streamShipments(path: string): AsyncGenerator<ShipmentRecord> {
  for await (const chunk of chunksOf<ShipmentRow>(path, SHIPMENTS_SQL, [], true)) {
    for (const row of chunk) {
      // Shipment props were validated by the ingest against ShipmentProps before they were
      // stored; the parsed object is fresh, so the party fields are set on it directly.
      const record = JSON.parse(row[0]) as Omit<ShipmentRecord, PartyField> &
        Partial<Record<PartyField, string | null>>;
      for (let i = 0; i < PARTIES.length; i += 1) {
        const field = (PARTIES[i] as (typeof PARTIES)[number])[1];
        record[field] = partyId(row[i + 1]);
      }
      record.importerId ??= '';
      yield record as ShipmentRecord;
    }
  }
}
