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

/** Rows of one query, yielded chunk by chunk; the reader closes when the consumer stops. */
async function* rowsOf<Row>(path: string, sql: string, params: readonly unknown[]): AsyncGenerator<Row> {
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  try {
    reader.pragma('busy_timeout = 5000');
    const iterator = reader.prepare(sql).iterate(...params) as IterableIterator<Row>;
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
        yield* chunk;
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
    for await (const row of rowsOf<NodeRow>(
      path,
      `SELECT ${NODE_COLUMNS} FROM nodes WHERE label = ? ORDER BY id`,
      [label],
    )) {
      yield nodeFromRow(row);
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
  for await (const row of rowsOf<RelRow>(path, sql, [JSON.stringify(types)])) yield relFromRow(row);
}

/** The party id fields of a ShipmentRecord, by the relationship that names each party. */
const PARTY_FIELD = {
  IMPORTED_BY: 'importerId',
  DECLARED_BY: 'brokerId',
  CONSIGNED_TO: 'consigneeId',
  SUPPLIED_BY: 'supplierId',
} as const satisfies Partial<Record<RelType, keyof ShipmentRecord>>;
type PartyRel = keyof typeof PARTY_FIELD;
const PARTY_LABEL = Object.fromEntries(
  BUSINESS_LABELS.map((label) => [SHIPMENT_REL[label], label]),
) as Record<PartyRel, NodeLabel>;

interface ShipmentRow {
  props: string;
  /** JSON array of [type, party label, party id] for the shipment's party relationships. */
  parties: string;
}

/**
 * Every declaration line with its parties, by date, declaration id, line (then shipment id):
 * one indexed pass, each shipment with its party relationships gathered by one index range.
 */
export async function* streamShipments(path: string): AsyncGenerator<ShipmentRecord> {
  const types = Object.keys(PARTY_FIELD).map((t) => `'${t}'`);
  const sql = `SELECT n.props,
      (SELECT json_group_array(json_array(r.type, p.label, p.id))
         FROM rels r CROSS JOIN nodes p ON p.n = r.to_n
        WHERE r.from_n = n.n AND r.type IN (${types.join(', ')})) AS parties
    FROM nodes n INDEXED BY nodes_shipment_order
    WHERE n.label = 'Shipment'
    ORDER BY n.ship_date, n.ship_declaration, n.ship_line, n.id`;
  for await (const row of rowsOf<ShipmentRow>(path, sql, [])) {
    // Shipment props were validated by the ingest against ShipmentProps before they were stored.
    const props = JSON.parse(row.props) as Omit<ShipmentRecord, (typeof PARTY_FIELD)[PartyRel]>;
    const record: ShipmentRecord = {
      ...props,
      importerId: '',
      brokerId: null,
      consigneeId: null,
      supplierId: null,
    };
    for (const [type, label, id] of JSON.parse(row.parties) as [PartyRel, NodeLabel, string][]) {
      if (label !== PARTY_LABEL[type]) continue;
      const field = PARTY_FIELD[type];
      const known = record[field];
      // A line naming two parties of one kind keeps the smaller id, whatever the adapter.
      if (known === null || known === '' || id < known) record[field] = id;
    }
    yield record;
  }
}
