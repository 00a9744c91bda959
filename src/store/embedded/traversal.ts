// The embedded store's side of neighbourhood and path queries: the lookups the shared
// traversal (../traversal.ts) needs, each one indexed query over a batch of nodes. Every query
// reads both places a relationship can be kept: `rels`, and the party columns of Shipment rows
// (parties.ts), which it materialises as relationships without props.
import type { Statement } from 'better-sqlite3';
import { nodeKey, relId } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, NodeRef, RelType } from '../../model/index.ts';
import { UNTRAVERSED_TYPES } from '../traversal.ts';
import type { Incidence, TraversalSource } from '../traversal.ts';
import { NODE_COLUMNS, nodeFromRow, REL_SELECT, refsParam, relFromRow } from './rows.ts';
import type { NodeRow, RelRow } from './rows.ts';
import { preparedOnce } from './prepared.ts';
import type { Db } from './schema.ts';
import { byPartyType, PARTY_COLUMNS, partyColumnList } from './parties.ts';
import type { PartyColumn } from './parties.ts';

// The closed enum's values, never user input, so they may be written into the SQL text.
const SKIPPED = UNTRAVERSED_TYPES.map((t) => `'${t}'`).join(', ');
/**
 * The asked nodes with their row numbers and party columns, from one JSON parameter of [label, id]
 * pairs. Materialised: every arm of the UNIONs below reads `s`, and without the hint SQLite would
 * parse the parameter and look each node up again per arm (twice the time on a 50-node frontier).
 */
const ASKED = `q (label, id) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?)),
  s AS MATERIALIZED (SELECT q.label, q.id, nodes.n, ${partyColumnList('nodes')} FROM q CROSS JOIN nodes USING (label, id))`;

/** Per party type, a SELECT of its relationships kept in the rows of `s`, with the given columns. */
const partyArms = (select: (p: PartyColumn) => string, where: (p: PartyColumn) => string): string =>
  PARTY_COLUMNS.map(
    (p) => `UNION ALL SELECT ${select(p)} FROM s WHERE s.${p.column} IS NOT NULL AND ${where(p)}`,
  ).join('\n    ');

const SELECT_NODES = `WITH q (label, id) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?))
  SELECT ${NODE_COLUMNS} FROM q CROSS JOIN nodes USING (label, id)`;

export function selectNodes(db: Db, refs: readonly NodeRef[]): GraphNode[] {
  if (refs.length === 0) return [];
  return (preparedOnce(db, SELECT_NODES).all(refsParam(refs)) as NodeRow[]).map(nodeFromRow);
}

/** A Shipment's id and its party columns (`importer_id` …), as `shipmentParties` reads them. */
type ShipmentPartyRow = { id: string } & Record<string, string | null>;

interface IncidenceRow {
  at_label: NodeLabel;
  at_id: string;
  outgoing: 0 | 1;
  type: RelType;
  label: NodeLabel;
  id: string;
}

/** Each asked node's relationships, both directions, from `rels` and from party columns. */
const INCIDENT = `WITH ${ASKED}
    SELECT s.label AS at_label, s.id AS at_id, 1 AS outgoing, r.type, o.label, o.id
      FROM s CROSS JOIN rels r ON r.from_n = s.n CROSS JOIN nodes o ON o.n = r.to_n
     WHERE r.type NOT IN (${SKIPPED})
    UNION ALL
    SELECT s.label, s.id, 0, r.type, o.label, o.id
      FROM s CROSS JOIN rels r ON r.to_n = s.n CROSS JOIN nodes o ON o.n = r.from_n
     WHERE r.type NOT IN (${SKIPPED})
    ${partyArms(
      (p) => `s.label, s.id, 1, '${p.type}', '${p.label}', s.${p.column}`,
      () => `s.label = 'Shipment'`,
    )}
    ${PARTY_COLUMNS.map(
      (p) => `UNION ALL SELECT s.label, s.id, 0, '${p.type}', 'Shipment', o.id
      FROM s CROSS JOIN nodes o INDEXED BY ${p.index} ON o.${p.column} = s.id WHERE s.label = '${p.label}'`,
    ).join('\n    ')}`;

// Among the asked nodes: the relationships kept in `rels` by SQL; those in the asked Shipments'
// party columns are checked against the asked keys in JavaScript (partyRelsAmong), which costs
// half what four more arms probing `s` for each party did.
const AMONG_KEPT = `WITH ${ASKED}
    ${REL_SELECT} WHERE r.from_n IN (SELECT n FROM s) AND r.to_n IN (SELECT n FROM s) AND r.type NOT IN (${SKIPPED})`;

const SHIPMENT_PARTIES = `SELECT nodes.id, ${partyColumnList('nodes')}
    FROM json_each(?) q CROSS JOIN nodes ON nodes.label = 'Shipment' AND nodes.id = q.value`;

/** The asked relationships, by type and ends, from `rels` and from party columns. */
const SELECT_RELS = `WITH q (type, from_label, from_id, to_label, to_id) AS (
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?))
    SELECT r.type, f.label AS from_label, f.id AS from_id, t.label AS to_label, t.id AS to_id, r.props
      FROM q CROSS JOIN nodes f ON f.label = q.from_label AND f.id = q.from_id
             CROSS JOIN nodes t ON t.label = q.to_label AND t.id = q.to_id
             CROSS JOIN rels r ON r.from_n = f.n AND r.type = q.type AND r.to_n = t.n
    UNION ALL
    SELECT q.type, 'Shipment', f.id, q.to_label, q.to_id, '{}'
      FROM q CROSS JOIN nodes f ON f.label = q.from_label AND f.id = q.from_id
     WHERE q.from_label = 'Shipment' AND q.to_label = ${byPartyType('q.type', (p) => `'${p.label}'`)}
       AND q.to_id = ${byPartyType('q.type', (p) => `f.${p.column}`)}`;

/** The incidence rows grouped by the asked node they were read for. */
function groupIncidences(rows: readonly IncidenceRow[]): Map<string, Incidence[]> {
  const byNode = new Map<string, Incidence[]>();
  for (const row of rows) {
    const at: NodeRef = { label: row.at_label, id: row.at_id };
    const other: NodeRef = { label: row.label, id: row.id };
    const [from, to] = row.outgoing ? [at, other] : [other, at];
    const key = `${row.at_label}:${row.at_id}`;
    let list = byNode.get(key);
    if (!list) byNode.set(key, (list = []));
    list.push({ relId: relId(row.type, from, to), type: row.type, from, to, other });
  }
  return byNode;
}

/** The relationships kept in the party columns of the asked Shipments whose party is asked too. */
function partyRelsAmong(shipmentParties: Statement, refs: readonly NodeRef[]): RelRow[] {
  const shipments = refs.filter((r) => r.label === 'Shipment').map((r) => r.id);
  if (shipments.length === 0) return [];
  const asked = new Set(refs.map(nodeKey));
  const found: RelRow[] = [];
  for (const row of shipmentParties.all(JSON.stringify(shipments)) as ShipmentPartyRow[]) {
    for (const p of PARTY_COLUMNS) {
      const partyId = row[p.column];
      if (typeof partyId === 'string' && asked.has(nodeKey({ label: p.label, id: partyId }))) {
        found.push({
          type: p.type,
          from_label: 'Shipment',
          from_id: row.id,
          to_label: p.label,
          to_id: partyId,
          props: '{}',
        });
      }
    }
  }
  return found;
}

export function embeddedTraversal(db: Db): TraversalSource {
  const incident = db.prepare(INCIDENT);
  const amongKept = db.prepare(AMONG_KEPT);
  const shipmentParties = db.prepare(SHIPMENT_PARTIES);
  const rels = db.prepare(SELECT_RELS);

  return {
    getNodes: (refs) => Promise.resolve(selectNodes(db, refs)),
    incident: (refs) => {
      if (refs.length === 0) return Promise.resolve(new Map<string, Incidence[]>());
      return Promise.resolve(groupIncidences(incident.all(refsParam(refs)) as IncidenceRow[]));
    },
    relsAmong: (refs) => {
      if (refs.length === 0) return Promise.resolve([]);
      const rows = [
        ...(amongKept.all(refsParam(refs)) as RelRow[]),
        ...partyRelsAmong(shipmentParties, refs),
      ];
      return Promise.resolve(rows.map(relFromRow));
    },
    getRels: (wanted): Promise<GraphRel[]> => {
      if (wanted.length === 0) return Promise.resolve([]);
      const param = JSON.stringify(wanted.map((r) => [r.type, r.from.label, r.from.id, r.to.label, r.to.id]));
      return Promise.resolve((rels.all(param) as RelRow[]).map(relFromRow));
    },
  };
}
