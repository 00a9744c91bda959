// Streamed projection for graph algorithms: each stream reads through its own read-only
// connection (a consistent snapshot of committed data that leaves the main connection free)
// and pulls rows in chunks, so a store of millions of lines never sits in memory.
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { GraphNode, GraphRel, NodeLabel, RelType, ShipmentRecord } from '../../model/index.ts';
import type { DetectionLineChunk } from '../graph-store.ts';
import { threadInbox } from '../thread-inbox.ts';
import { compareStrings } from '../traversal.ts';
import { lineColumnList } from './line-columns.ts';
import { NODE_COLUMNS, nodeFromRow, REL_SELECT, relFromRow } from './rows.ts';
import type { NodeRow, RelRow } from './rows.ts';
import { byPartyType, PARTY_COLUMNS, PARTY_TYPES_SQL, partyColumnList, partyColumnsOf } from './parties.ts';
import type { PartyColumn } from './parties.ts';

const CHUNK = 2000;

interface Query {
  sql: string;
  params: readonly unknown[];
  /** Each row as an array of its columns (no object per row). */
  raw?: boolean;
}

/**
 * Rows of the queries in turn, chunk by chunk, all read in one snapshot (one read transaction);
 * the reader closes when the consumer stops. Callers loop over each chunk themselves: one await
 * per chunk rather than one per row keeps a stream of millions cheap.
 */
async function* chunksOf<Row>(path: string, queries: readonly Query[]): AsyncGenerator<Row[]> {
  const reader = new Database(path, { readonly: true, fileMustExist: true });
  try {
    reader.pragma('busy_timeout = 5000');
    reader.exec('BEGIN');
    for (const query of queries) {
      const statement = reader.prepare(query.sql);
      if (query.raw) statement.raw();
      const iterator = statement.iterate(...query.params) as IterableIterator<Row>;
      try {
        for (;;) {
          const chunk: Row[] = [];
          for (let step = iterator.next(); !step.done; step = iterator.next()) {
            chunk.push(step.value);
            if (chunk.length === CHUNK) break;
          }
          if (chunk.length === 0) break;
          // Between chunks the event loop runs: the server keeps answering during a long stream.
          await new Promise<void>((resolve) => setImmediate(resolve));
          yield chunk;
          if (chunk.length < CHUNK) break;
        }
      } finally {
        iterator.return?.();
      }
    }
  } finally {
    reader.close();
  }
}

/** Nodes of the given labels in nodeKey order (label, then id). */
export async function* streamNodes(path: string, labels: readonly NodeLabel[]): AsyncGenerator<GraphNode> {
  const queries = [...new Set(labels)].sort(compareStrings).map((label) => ({
    sql: `SELECT ${NODE_COLUMNS} FROM nodes WHERE label = ? ORDER BY id`,
    params: [label],
  }));
  for await (const chunk of chunksOf<NodeRow>(path, queries)) {
    for (const row of chunk) yield nodeFromRow(row);
  }
}

/**
 * Relationships of the given types, each once: those of `rels` grouped by start node in the
 * order start nodes were first written, then the party relationships kept in Shipment rows,
 * type by type, by party and line (stable while the store is unchanged).
 */
export async function* streamRels(path: string, types: readonly RelType[]): AsyncGenerator<GraphRel> {
  if (types.length === 0) return;
  const queries: Query[] = [
    {
      sql: `${REL_SELECT} WHERE r.type IN (SELECT value FROM json_each(?)) ORDER BY r.from_n, r.type, r.to_n`,
      params: [JSON.stringify(types)],
    },
    ...partyColumnsOf(types).map((p) => ({ sql: partyRelsSql(p), params: [] })),
  ];
  for await (const chunk of chunksOf<RelRow>(path, queries)) {
    for (const row of chunk) yield relFromRow(row);
  }
}

/** A party type's relationships kept in Shipment rows, as RelRows, from its covering index. */
function partyRelsSql(p: PartyColumn): string {
  return `SELECT '${p.type}' AS type, 'Shipment' AS from_label, n.id AS from_id, '${p.label}' AS to_label,
      n.${p.column} AS to_id, '{}' AS props
    FROM nodes n INDEXED BY ${p.index} WHERE n.${p.column} IS NOT NULL`;
}

/** A line's parties kept in rels (only where its party_more flag is set): a JSON list of [type, id]. */
const MORE_PARTIES_SQL = `iif(n.party_more IS NULL, NULL,
        (SELECT json_group_array(json_array(r.type, p.id))
           FROM rels r CROSS JOIN nodes p ON p.n = r.to_n
          WHERE r.from_n = n.n AND r.type IN (${PARTY_TYPES_SQL})
            AND p.label = ${byPartyType('r.type', (c) => `'${c.label}'`)}))`;
const SHIPMENT_ORDER = `FROM nodes n INDEXED BY nodes_shipment_order
    WHERE n.label = 'Shipment'
    ORDER BY n.ship_date, n.ship_declaration, n.ship_line, n.id`;

/**
 * Every declaration line with its parties, by date, declaration id, line (then shipment id):
 * one pass over the shipment-order index reading each line's row, where its parties are. Only a
 * line flagged with parties kept in rels (never from an ingest) looks there too.
 */
const SHIPMENTS_SQL = `SELECT n.props, ${partyColumnList('n')}, ${MORE_PARTIES_SQL} ${SHIPMENT_ORDER}`;

type ShipmentRow = [props: string, ...parties: (string | null)[]];
type PartyField = PartyColumn['field'];
const SLOT_OF_TYPE = new Map<string, number>(PARTY_COLUMNS.map((p, slot) => [p.type, slot]));

/**
 * Sets the parties kept in rels (`more`, the JSON list) on a line's party fields: a line naming
 * two parties of one kind keeps the smaller id, whatever the adapter.
 */
function addMoreParties(
  more: string,
  set: (slot: number, id: string) => void,
  get: (slot: number) => string | null | undefined,
): void {
  for (const [type, id] of JSON.parse(more) as [string, string][]) {
    const slot = SLOT_OF_TYPE.get(type) ?? 0;
    const current = get(slot);
    if (current === null || current === undefined || id < current) set(slot, id);
  }
}

export async function* streamShipments(path: string): AsyncGenerator<ShipmentRecord> {
  const query = { sql: SHIPMENTS_SQL, params: [], raw: true };
  for await (const chunk of chunksOf<ShipmentRow>(path, [query])) {
    for (const row of chunk) {
      // Shipment props were validated by the ingest against ShipmentProps before they were
      // stored; the parsed object is fresh, so the party fields are set on it directly.
      const record = JSON.parse(row[0]) as Omit<ShipmentRecord, PartyField> &
        Partial<Record<PartyField, string | null>>;
      const field = (slot: number): PartyField => (PARTY_COLUMNS[slot] as PartyColumn).field;
      for (let slot = 0; slot < PARTY_COLUMNS.length; slot += 1) record[field(slot)] = row[slot + 1] ?? null;
      const more = row[PARTY_COLUMNS.length + 1];
      if (typeof more === 'string') {
        addMoreParties(
          more,
          (slot, id) => (record[field(slot)] = id),
          (slot) => record[field(slot)],
        );
      }
      record.importerId ??= '';
      yield record as ShipmentRecord;
    }
  }
}

/**
 * The same lines in the same order as streamShipments, from the row's columns (line-columns.ts):
 * [declaration, line, date, the line columns, the parties, their party_more list]. The reader
 * thread (line-reader-thread.js) relies on this order.
 */
const DETECTION_LINES_SQL = `SELECT n.ship_declaration, n.ship_line, n.ship_date, ${lineColumnList('n')},
      ${partyColumnList('n')}, ${MORE_PARTIES_SQL} ${SHIPMENT_ORDER}`;

const READER_THREAD = new URL('./line-reader-thread.js', import.meta.url);

type FromReader =
  { kind: 'chunk'; chunk: DetectionLineChunk } | { kind: 'end' } | { kind: 'failed'; message: string };

/**
 * The lines packed in columns, read on a worker thread in one snapshot, like every stream. The
 * thread starts on the first `next()` and reads at most a few chunks ahead of the consumer: a
 * caller that asks for the first chunk before other work has the reading done meanwhile.
 */
export async function* streamDetectionLines(path: string): AsyncGenerator<DetectionLineChunk> {
  const taken = new SharedArrayBuffer(4);
  const consumed = new Int32Array(taken);
  const workerData = { path, sql: DETECTION_LINES_SQL, partyTypes: PARTY_COLUMNS.map((p) => p.type), taken };
  // Without the calling process's flags: the thread is plain JavaScript and needs no loader.
  const worker = new Worker(READER_THREAD, { workerData, execArgv: [] });
  const inbox = threadInbox<FromReader>(worker, 'line reader');
  try {
    for (;;) {
      const message = await inbox.next();
      if (message.kind === 'failed')
        throw new Error(`Reading the declaration lines of ${path} failed: ${message.message}`);
      if (message.kind === 'end') return;
      Atomics.add(consumed, 0, 1);
      Atomics.notify(consumed, 0);
      yield message.chunk;
    }
  } finally {
    await inbox.close();
  }
}
