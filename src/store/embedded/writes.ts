// Upserts of nodes and relationships: multi-row prepared statements merging props in SQLite
// (json_patch: incoming known values win, the first source is kept), so an import never reads
// existing rows back into JavaScript. Relationships are stored by their ends' row numbers,
// which the node upserts return; the writer also counts what it inserted, for counts().
import { isIdentifierLabel, nameSearchKey, NodeLabel, nodeKey, relId, RelType } from '../../model/index.ts';
import type { GraphNode, GraphRel, NodeRef } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { WriteBatch } from '../graph-store.ts';
import { propsJson } from './rows.ts';
import type { Db } from './schema.ts';

/** Rows per statement: large enough to amortise the call into SQLite, small enough to plan fast. */
const ROWS_PER_STATEMENT = 128;
/** Past this many remembered nodes the session forgets them (memory stays bounded on huge files). */
const MAX_REMEMBERED = 2_000_000;
const NODE_COLUMNS = 9;
const REL_COLUMNS = 4;
const NO_PROPS = '{}';

const LABELS = new Set<string>(NodeLabel.options);
const TYPES = new Set<string>(RelType.options);

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

function invalid(message: string): StoreError {
  return new StoreError('invalid', message);
}

/** The first prop whose value cannot be stored, or null (the message is built only on error). */
function badProp(props: Record<string, unknown>): string | null {
  for (const key in props) {
    const value = props[key];
    if (typeof value === 'number' ? !Number.isFinite(value) : value !== null && typeof value === 'object') {
      return key;
    }
  }
  return null;
}

function badPropError(what: string, key: string): StoreError {
  return invalid(`${what}: property ${key} must be a string, a finite number, a boolean or null`);
}

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
  private readonly written = new Map<string, Remembered>();
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

  private writeNodes(nodes: readonly GraphNode[]): void {
    const params: unknown[] = [];
    /** [nodeKey, props JSON] of the rows in params, in order. */
    const pending: [string, string][] = [];
    for (const node of nodes) {
      if (!LABELS.has(node.label)) throw invalid(`Node ${node.id}: unknown label ${String(node.label)}`);
      if (typeof node.id !== 'string' || node.id.length === 0)
        throw invalid(`A ${node.label} node has no id`);
      const key = `${node.label}:${node.id}`;
      const bad = badProp(node.props);
      if (bad !== null) throw badPropError(`Node ${key}`, bad);
      const json = propsJson(node.props);
      if (this.written.get(key)?.json === json) continue;
      pushNodeRow(params, node, json);
      pending.push([key, json]);
      if (pending.length === ROWS_PER_STATEMENT) {
        this.remember(this.nodeMany.all(params) as Returned[], pending);
        params.length = 0;
        pending.length = 0;
      }
    }
    for (let i = 0; i < pending.length; i += 1) {
      const row = params.slice(i * NODE_COLUMNS, (i + 1) * NODE_COLUMNS);
      this.remember(this.nodeOne.all(row) as Returned[], pending.slice(i, i + 1));
    }
  }

  /**
   * RETURNING gives (label, id, n) per row in no promised order, so rows are matched back by
   * key; a key written twice in one statement remembers its later props, the last applied.
   */
  private remember(returned: Returned[], written: [string, string][]): void {
    if (this.written.size + returned.length > MAX_REMEMBERED) this.written.clear();
    const jsonByKey = new Map(written);
    let highest = this.highest;
    const counted = new Set<number>();
    for (const [label, id, n] of returned) {
      const key = `${label}:${id}`;
      this.written.set(key, { json: jsonByKey.get(key) ?? '', n });
      if (n > this.highest && !counted.has(n)) {
        counted.add(n);
        this.insertedNodes.set(label as NodeLabel, (this.insertedNodes.get(label as NodeLabel) ?? 0) + 1);
        highest = Math.max(highest, n);
      }
    }
    this.highest = highest;
  }

  private writeRels(rels: readonly GraphRel[]): void {
    // One buffer a type, so that `changes` of a statement counts the new ones of one type.
    const buffers = new Map<RelType, unknown[]>();
    for (const rel of rels) {
      if (!TYPES.has(rel.type)) throw invalid(`Relationship ${rel.id}: unknown type ${String(rel.type)}`);
      const id = relId(rel.type, rel.from, rel.to);
      if (rel.id !== id) throw invalid(`Relationship ${rel.id}: its id must be ${id} (see relId)`);
      const bad = badProp(rel.props);
      if (bad !== null) throw badPropError(`Relationship ${id}`, bad);
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
    const known = this.written.get(`${ref.label}:${ref.id}`);
    if (known) return known.n;
    const n = LABELS.has(ref.label)
      ? (this.nodeNumber.get(ref.label, ref.id) as number | undefined)
      : undefined;
    if (n === undefined) {
      throw invalid(
        `Relationship ${relationship}: its end node ${nodeKey(ref)} does not exist; write the node first`,
      );
    }
    return n;
  }
}
