// Upserts of nodes and relationships: multi-row prepared statements merging props in SQLite
// (json_patch: incoming known values win, the first source is kept), so an import never reads
// existing rows back into JavaScript. Relationships are stored by their ends' row numbers,
// which the node upserts return; the writer also counts what it inserted, for counts().
import { isIdentifierLabel, nameSearchKey, nodeKey } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, NodeRef, RelType } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { WriteBatch } from '../graph-store.ts';
import { checkNode, checkRel } from '../write-checks.ts';
import { propsJson } from './rows.ts';
import type { Db } from './schema.ts';

/** Rows per statement: large enough to amortise the call into SQLite, small enough to plan fast. */
const ROWS_PER_STATEMENT = 128;
/** Past this many remembered nodes the session forgets them (memory stays bounded on huge files). */
const MAX_REMEMBERED = 2_000_000;
const NODE_COLUMNS = 9;
const REL_COLUMNS = 4;
const NO_PROPS = '{}';

function multiRow(head: string, tail: string, columns: number, rows: number): string {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return head + Array.from({ length: rows }, () => tuple).join(',') + tail;
}

const nodeUpsert = (rows: number) =>
  multiRow(
    `INSERT INTO nodes (label, id, props, name_lc, ship_date, ship_declaration, ship_line, source_file, source_row)
     VALUES `,
    ` ON CONFLICT (label, id) DO UPDATE SET
        props = json_patch(nodes.props, excluded.props),
        name_lc = coalesce(excluded.name_lc, nodes.name_lc),
        ship_date = coalesce(excluded.ship_date, nodes.ship_date),
        ship_declaration = coalesce(excluded.ship_declaration, nodes.ship_declaration),
        ship_line = coalesce(excluded.ship_line, nodes.ship_line)
      RETURNING label, id, n`,
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
function pushNodeRow(params: unknown[], node: GraphNode, json: string): void {
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
  );
}

type Returned = [label: string, id: string, n: number];

interface Remembered {
  /** Props JSON last written in this session: an identical write again changes nothing. */
  json: string;
  n: number;
}

/** Writes batches through prepared statements; remembers what this session wrote. */
export class GraphWriter {
  private readonly nodeMany;
  private readonly nodeOne;
  private readonly relMany;
  private readonly relOne;
  private readonly relMerge;
  private readonly nodeNumber;
  private readonly written = new Map<string, Map<string, Remembered>>();
  private remembered = 0;
  /** Every stored node has a row number at most this: a larger one returned is an insert. */
  private highest: number;
  readonly insertedNodes = new Map<NodeLabel, number>();
  readonly insertedRels = new Map<RelType, number>();

  constructor(db: Db) {
    this.nodeMany = db.prepare(nodeUpsert(ROWS_PER_STATEMENT)).raw();
    this.nodeOne = db.prepare(nodeUpsert(1)).raw();
    this.relMany = db.prepare(relInsert(ROWS_PER_STATEMENT));
    this.relOne = db.prepare(relInsert(1));
    this.relMerge = db.prepare(
      'UPDATE rels SET props = json_patch(props, ?) WHERE from_n = ? AND type = ? AND to_n = ?',
    );
    this.nodeNumber = db.prepare('SELECT n FROM nodes WHERE label = ? AND id = ?').pluck();
    this.highest = (db.prepare('SELECT max(n) FROM nodes').pluck().get() as number | null) ?? 0;
  }

  write(batch: WriteBatch): void {
    this.writeNodes(batch.nodes);
    this.writeRels(batch.rels);
  }

  /** What this session last wrote of a node (by label, then id: no key strings to build). */
  private recall(label: string, id: string): Remembered | undefined {
    return this.written.get(label)?.get(id);
  }

  private writeNodes(nodes: readonly GraphNode[]): void {
    if (this.remembered > MAX_REMEMBERED) {
      this.written.clear();
      this.remembered = 0;
    }
    const params: unknown[] = [];
    let rows = 0;
    for (const node of nodes) {
      checkNode(node);
      const json = propsJson(node.props);
      let byId = this.written.get(node.label);
      if (!byId) this.written.set(node.label, (byId = new Map<string, Remembered>()));
      const known = byId.get(node.id);
      if (known?.json === json) continue;
      // The row number is filled in from RETURNING when the statement runs.
      if (known) known.json = json;
      else {
        byId.set(node.id, { json, n: 0 });
        this.remembered += 1;
      }
      pushNodeRow(params, node, json);
      rows += 1;
      if (rows === ROWS_PER_STATEMENT) {
        this.numbered(this.nodeMany.all(params) as Returned[]);
        params.length = 0;
        rows = 0;
      }
    }
    for (let i = 0; i < rows; i += 1) {
      this.numbered(this.nodeOne.all(params.slice(i * NODE_COLUMNS, (i + 1) * NODE_COLUMNS)) as Returned[]);
    }
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

  private writeRels(rels: readonly GraphRel[]): void {
    // One buffer a type, so that `changes` of a statement counts the new ones of one type.
    const buffers = new Map<RelType, unknown[]>();
    for (const rel of rels) {
      const id = checkRel(rel);
      const fromN = this.numberOf(id, rel.from);
      const toN = this.numberOf(id, rel.to);
      const json = propsJson(rel.props);
      if (json !== NO_PROPS) {
        this.mergeRel(rel.type, [fromN, rel.type, toN, json]);
        continue;
      }
      let buffer = buffers.get(rel.type);
      if (!buffer) buffers.set(rel.type, (buffer = []));
      buffer.push(fromN, rel.type, toN, json);
      if (buffer.length === ROWS_PER_STATEMENT * REL_COLUMNS) {
        this.countRels(rel.type, this.relMany.run(buffer).changes);
        buffer.length = 0;
      }
    }
    for (const [type, buffer] of buffers) {
      for (let i = 0; i < buffer.length; i += REL_COLUMNS) {
        this.countRels(type, this.relOne.run(buffer.slice(i, i + REL_COLUMNS)).changes);
      }
    }
  }

  /** A relationship with props: inserted, or merged into the stored one. */
  private mergeRel(type: RelType, row: unknown[]): void {
    const inserted = this.relOne.run(row).changes;
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
    return n;
  }
}
