// Upserts of nodes and relationships: multi-row prepared statements merging props in SQLite
// (json_patch: incoming known values win, the first source is kept), so an import never reads
// existing rows back into JavaScript. A line's party relationships are written as columns of its
// Shipment row, in the statement that inserts the row (parties.ts); other relationships are rows
// of `rels` keyed by their ends' row numbers, which the node upserts return. The writer also
// counts what it inserted, for counts().
import { isIdentifierLabel, nameSearchKey, nodeKey } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, NodeRef, RelType } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { WriteBatch } from '../graph-store.ts';
import { checkNode, checkRel } from '../write-checks.ts';
import { PARTY_COLUMNS, partyColumnList, partySlot } from './parties.ts';
import { propsJson } from './rows.ts';
import type { Db } from './schema.ts';

/** Rows per statement: large enough to amortise the call into SQLite, small enough to plan fast. */
const ROWS_PER_STATEMENT = 128;
/** Past this many remembered nodes the session forgets them (memory stays bounded on huge files). */
const MAX_REMEMBERED = 2_000_000;
const NODE_COLUMNS = 13;
const REL_COLUMNS = 4;
const NO_PROPS = '{}';
const NO_PARTIES: readonly null[] = [null, null, null, null];

function multiRow(head: string, tail: string, columns: number, rows: number): string {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return head + Array.from({ length: rows }, () => tuple).join(',') + tail;
}

// Party columns are set only when the row is inserted: on an existing line each party
// relationship is checked against what is stored (writeStoredParty).
const nodeUpsert = (rows: number, returning: string) =>
  multiRow(
    `INSERT INTO nodes (label, id, props, name_lc, ship_date, ship_declaration, ship_line, source_file, source_row,
       ${partyColumnList()})
     VALUES `,
    ` ON CONFLICT (label, id) DO UPDATE SET
        props = json_patch(nodes.props, excluded.props),
        name_lc = coalesce(excluded.name_lc, nodes.name_lc),
        ship_date = coalesce(excluded.ship_date, nodes.ship_date),
        ship_declaration = coalesce(excluded.ship_declaration, nodes.ship_declaration),
        ship_line = coalesce(excluded.ship_line, nodes.ship_line)
      ${returning}`,
    NODE_COLUMNS,
    rows,
  );

/** Relationships without props: nothing to merge, and `changes` counts the new ones. */
const relInsert = (rows: number) =>
  multiRow(
    'INSERT INTO rels (from_n, type, to_n, props) VALUES ',
    ' ON CONFLICT DO NOTHING',
    REL_COLUMNS,
    rows,
  );

/** Appends the node's row to a multi-row statement's parameters. */
function pushNodeRow(
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
}

/** Whether props hold no known value (null is unknown: stored as no props at all). */
function hasNoProps(props: GraphRel['props']): boolean {
  for (const key in props) if (props[key] !== null) return false;
  return true;
}

/** Prepared multi-row statements by row count: a remainder runs as a few power-of-two chunks. */
class Statements<S> {
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

type Returned = [label: string, id: string, n: number];
type StoredParties = [...ids: (string | null)[], more: number | null];

interface Remembered {
  /** Props JSON last written in this session ('' when only looked up): same again = no-op. */
  json: string;
  n: number;
}

/** One batch's party relationships that can go straight into their Shipment's new row. */
interface BatchParties {
  /** Shipment id → the party id claimed for each slot by a relationship without props. */
  claims: Map<string, (string | null)[]>;
  /** Shipments inserted by this batch, their claims with them. */
  placed: Set<string>;
}

/** Writes batches through prepared statements; remembers what this session wrote. */
export class GraphWriter {
  private readonly nodeStatements;
  private readonly lineStatements;
  private readonly linesAbove;
  private readonly lineIdsAbove;
  private readonly relStatements;
  private readonly relMerge;
  private readonly nodeNumber;
  private readonly storedParties;
  private readonly setParty;
  private readonly moveParty;
  private readonly markMore;
  /** Non-Shipment nodes written (or looked up) in this session, by label then id. */
  private readonly written = new Map<string, Map<string, Remembered>>();
  private remembered = 0;
  /** Every stored node has a row number at most this: a larger one returned is an insert. */
  private highest: number;
  readonly insertedNodes = new Map<NodeLabel, number>();
  readonly insertedRels = new Map<RelType, number>();

  constructor(db: Db) {
    this.nodeStatements = new Statements((rows) =>
      db.prepare(nodeUpsert(rows, 'RETURNING label, id, n')).raw(),
    );
    // Lines need no row numbers back: what a statement inserted is read from the rows above the
    // highest row number before it (new rows take larger numbers), which is cheaper.
    this.lineStatements = new Statements((rows) => db.prepare(nodeUpsert(rows, '')));
    this.linesAbove = db.prepare('SELECT count(*), max(n) FROM nodes WHERE n > ?').raw();
    this.lineIdsAbove = db.prepare('SELECT id FROM nodes WHERE n > ?').pluck();
    this.relStatements = new Statements((rows) => db.prepare(relInsert(rows)));
    this.relMerge = db.prepare(
      'UPDATE rels SET props = json_patch(props, ?) WHERE from_n = ? AND type = ? AND to_n = ?',
    );
    this.nodeNumber = db.prepare('SELECT n FROM nodes WHERE label = ? AND id = ?').pluck();
    this.storedParties = db.prepare(`SELECT ${partyColumnList()}, party_more FROM nodes WHERE n = ?`).raw();
    this.setParty = PARTY_COLUMNS.map((p) => db.prepare(`UPDATE nodes SET ${p.column} = ? WHERE n = ?`));
    this.moveParty = PARTY_COLUMNS.map((p) =>
      db.prepare(`UPDATE nodes SET ${p.column} = NULL, party_more = 1 WHERE n = ?`),
    );
    this.markMore = db.prepare('UPDATE nodes SET party_more = 1 WHERE n = ? AND party_more IS NULL');
    this.highest = (db.prepare('SELECT max(n) FROM nodes').pluck().get() as number | null) ?? 0;
  }

  write(batch: WriteBatch): void {
    const parties: BatchParties = { claims: claimParties(batch.rels), placed: new Set() };
    this.writeNodes(batch.nodes, parties);
    this.writeRels(batch.rels, parties);
  }

  /** What this session last wrote of a node (by label, then id: no key strings to build). */
  private recall(label: string, id: string): Remembered | undefined {
    return this.written.get(label)?.get(id);
  }

  private remember(label: string, id: string, entry: Remembered): void {
    let byId = this.written.get(label);
    if (!byId) this.written.set(label, (byId = new Map<string, Remembered>()));
    byId.set(id, entry);
    this.remembered += 1;
  }

  private writeNodes(nodes: readonly GraphNode[], parties: BatchParties): void {
    if (this.remembered > MAX_REMEMBERED) {
      this.written.clear();
      this.remembered = 0;
    }
    // Lines and other nodes go through their own statements (they never share a key, so their
    // relative order does not matter).
    const lines: unknown[] = [];
    const others: unknown[] = [];
    const full = ROWS_PER_STATEMENT * NODE_COLUMNS;
    for (const node of nodes) {
      checkNode(node);
      const json = propsJson(node.props);
      if (node.label === 'Shipment') {
        // Lines are written once per file: remembering them would only hold memory.
        pushNodeRow(lines, node, json, parties.claims.get(node.id) ?? NO_PARTIES);
        if (lines.length === full) this.writeLines(lines, parties);
        continue;
      }
      const known = this.recall(node.label, node.id);
      if (known?.json === json) continue;
      // The row number is filled in from RETURNING when the statement runs.
      if (known) known.json = json;
      else this.remember(node.label, node.id, { json, n: 0 });
      pushNodeRow(others, node, json, NO_PARTIES);
      if (others.length === full) this.writeOthers(others);
    }
    this.writeOthers(others);
    this.writeLines(lines, parties);
  }

  /** Runs and empties the buffered rows of non-Shipment nodes. */
  private writeOthers(params: unknown[]): void {
    this.nodeStatements.each(params, NODE_COLUMNS, (statement, chunk) =>
      this.numbered(statement.all(chunk) as Returned[]),
    );
    params.length = 0;
  }

  /** Runs and empties the buffered rows of Shipment nodes, noting which it inserted. */
  private writeLines(params: unknown[], parties: BatchParties): void {
    this.lineStatements.each(params, NODE_COLUMNS, (statement, chunk) => {
      statement.run(chunk);
      const [inserted, highest] = this.linesAbove.get(this.highest) as [number, number | null];
      if (inserted === 0) return;
      if (inserted === chunk.length / NODE_COLUMNS) {
        // Every row was inserted (so no key came twice).
        for (let at = 1; at < chunk.length; at += NODE_COLUMNS) this.placed(chunk[at] as string, parties);
      } else {
        for (const id of this.lineIdsAbove.all(this.highest) as string[]) this.placed(id, parties);
      }
      this.insertedNodes.set('Shipment', (this.insertedNodes.get('Shipment') ?? 0) + inserted);
      this.highest = highest ?? this.highest;
    });
    params.length = 0;
  }

  /** A line inserted by this batch: the parties claimed for it are in its row. */
  private placed(id: string, parties: BatchParties): void {
    if (parties.claims.has(id)) parties.placed.add(id);
  }

  /**
   * RETURNING gives (label, id, n) per row in no promised order: each is matched back by label
   * and id. A row number above every one stored before is an insert, counted once.
   */
  private numbered(returned: Returned[]): void {
    let highest = this.highest;
    // A key written twice in one statement returns its row number twice.
    const counted = new Set<number>();
    for (const [label, id, n] of returned) {
      const known = this.recall(label, id);
      if (known) known.n = n;
      if (n > this.highest && !counted.has(n)) {
        counted.add(n);
        this.insertedNodes.set(label as NodeLabel, (this.insertedNodes.get(label as NodeLabel) ?? 0) + 1);
      }
      if (n > highest) highest = n;
    }
    this.highest = highest;
  }

  private writeRels(rels: readonly GraphRel[], parties: BatchParties): void {
    // One buffer a type, so that `changes` of a statement counts the new ones of one type.
    const buffers = new Map<RelType, unknown[]>();
    for (const rel of rels) {
      const id = checkRel(rel);
      const json = propsJson(rel.props);
      const slot = partySlot(rel.type, rel.from.label, rel.to.label);
      if (slot >= 0) {
        this.writeParty(id, rel, slot, json, parties);
        continue;
      }
      const fromN = this.numberOf(id, rel.from);
      const toN = this.numberOf(id, rel.to);
      if (json !== NO_PROPS) {
        this.mergeRel(rel.type, [fromN, rel.type, toN, json]);
        continue;
      }
      let buffer = buffers.get(rel.type);
      if (!buffer) buffers.set(rel.type, (buffer = []));
      buffer.push(fromN, rel.type, toN, json);
      if (buffer.length === ROWS_PER_STATEMENT * REL_COLUMNS) {
        this.countRels(rel.type, this.relStatements.get(ROWS_PER_STATEMENT).run(buffer).changes);
        buffer.length = 0;
      }
    }
    for (const [type, buffer] of buffers) {
      this.relStatements.each(buffer, REL_COLUMNS, (statement, chunk) =>
        this.countRels(type, statement.run(chunk).changes),
      );
    }
  }

  /** A party relationship of a line: already in the line's new row, or checked against the store. */
  private writeParty(id: string, rel: GraphRel, slot: number, json: string, parties: BatchParties): void {
    const claims = parties.placed.has(rel.from.id) ? parties.claims.get(rel.from.id) : undefined;
    if (json === NO_PROPS && claims?.[slot] === rel.to.id) {
      this.numberOf(id, rel.to); // the party must exist
      claims[slot] = null; // counted once: the same relationship again finds it stored
      this.countRels(rel.type, 1);
      return;
    }
    this.writeStoredParty(id, rel, slot, json);
  }

  /** A party relationship of a line already stored: into its free column, else into rels. */
  private writeStoredParty(id: string, rel: GraphRel, slot: number, json: string): void {
    const shipment = this.numberOf(id, rel.from);
    const party = this.numberOf(id, rel.to);
    const stored = this.storedParties.get(shipment) as StoredParties;
    const inColumn = stored[slot] === rel.to.id;
    const row = [shipment, rel.type, party, json];
    if (json === NO_PROPS) {
      if (inColumn) return;
      if (stored[slot] === null && stored[PARTY_COLUMNS.length] === null) {
        this.setParty[slot]?.run(rel.to.id, shipment);
        this.countRels(rel.type, 1);
        return;
      }
      this.markMore.run(shipment);
      this.countRels(rel.type, this.relStatements.get(1).run(row).changes);
      return;
    }
    if (inColumn) {
      // Props are kept in rels only: the relationship moves there (it is not a new one).
      this.moveParty[slot]?.run(shipment);
      this.relStatements.get(1).run(row);
      return;
    }
    this.markMore.run(shipment);
    this.mergeRel(rel.type, row);
  }

  /** A relationship with props: inserted, or merged into the stored one. */
  private mergeRel(type: RelType, row: unknown[]): void {
    const inserted = this.relStatements.get(1).run(row).changes;
    if (inserted === 0) this.relMerge.run(row[3], row[0], row[1], row[2]);
    this.countRels(type, inserted);
  }

  private countRels(type: RelType, inserted: number): void {
    if (inserted > 0) this.insertedRels.set(type, (this.insertedRels.get(type) ?? 0) + inserted);
  }

  /** A relationship's ends must exist: written earlier in this session or already stored. */
  private numberOf(relationship: string, ref: NodeRef): number {
    const known = this.recall(ref.label, ref.id);
    if (known) return known.n;
    // The end's label was checked against the closed enum by checkRel.
    const n = this.nodeNumber.get(ref.label, ref.id) as number | undefined;
    if (n === undefined) {
      throw new StoreError(
        'invalid',
        `Relationship ${relationship}: its end node ${nodeKey(ref)} does not exist; write the node first`,
      );
    }
    this.remember(ref.label, ref.id, { json: '', n });
    return n;
  }
}

/**
 * The first party of each kind a batch names for each line, by relationships without props:
 * written with the line's row when the batch inserts it.
 */
function claimParties(rels: readonly GraphRel[]): Map<string, (string | null)[]> {
  const claims = new Map<string, (string | null)[]>();
  for (const rel of rels) {
    const slot = partySlot(rel.type, rel.from.label, rel.to.label);
    if (slot < 0 || !hasNoProps(rel.props)) continue;
    let ids = claims.get(rel.from.id);
    if (!ids) claims.set(rel.from.id, (ids = [null, null, null, null]));
    ids[slot] ??= rel.to.id;
  }
  return claims;
}
