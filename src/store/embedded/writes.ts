// Upserts of nodes and relationships: multi-row prepared statements merging props in SQLite
// (json_patch: incoming known values win, the first source is kept), so an import never reads
// existing rows back into JavaScript. Relationships are stored by their ends' row numbers,
// which the node upserts return.
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
const NODE_COLUMNS = 6;
const REL_COLUMNS = 4;

const LABELS = new Set<string>(NodeLabel.options);
const TYPES = new Set<string>(RelType.options);

function multiRow(head: string, tail: string, columns: number, rows: number): string {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return head + Array.from({ length: rows }, () => tuple).join(',') + tail;
}

const nodeUpsert = (rows: number) =>
  multiRow(
    'INSERT INTO nodes (label, id, props, name_lc, source_file, source_row) VALUES ',
    ` ON CONFLICT (label, id) DO UPDATE SET
        props = json_patch(nodes.props, excluded.props),
        name_lc = coalesce(excluded.name_lc, nodes.name_lc)
      RETURNING label, id, n`,
    NODE_COLUMNS,
    rows,
  );

const relUpsert = (rows: number) =>
  multiRow(
    'INSERT INTO rels (from_n, type, to_n, props) VALUES ',
    ' ON CONFLICT (from_n, type, to_n) DO UPDATE SET props = json_patch(rels.props, excluded.props)',
    REL_COLUMNS,
    rows,
  );

function invalid(message: string): StoreError {
  return new StoreError('invalid', message);
}

function checkProps(what: string, props: Record<string, unknown>): void {
  for (const key in props) {
    const value = props[key];
    if (typeof value === 'number' ? !Number.isFinite(value) : value !== null && typeof value === 'object') {
      throw invalid(`${what}: property ${key} must be a string, a finite number, a boolean or null`);
    }
  }
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
  private readonly nodeNumber;
  private readonly written = new Map<string, Remembered>();

  constructor(db: Db) {
    this.nodeMany = db.prepare(nodeUpsert(ROWS_PER_STATEMENT)).raw();
    this.nodeOne = db.prepare(nodeUpsert(1)).raw();
    this.relMany = db.prepare(relUpsert(ROWS_PER_STATEMENT));
    this.relOne = db.prepare(relUpsert(1));
    this.nodeNumber = db.prepare('SELECT n FROM nodes WHERE label = ? AND id = ?').pluck();
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
      checkProps(`Node ${nodeKey(node)}`, node.props);
      const key = nodeKey(node);
      const json = propsJson(node.props);
      if (this.written.get(key)?.json === json) continue;
      const name = node.props.name;
      params.push(
        node.label,
        node.id,
        json,
        typeof name === 'string' && !isIdentifierLabel(node.label) ? nameSearchKey(name) : null,
        node.source?.file ?? null,
        node.source?.row ?? null,
      );
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
    for (const [label, id, n] of returned) {
      const key = `${label}:${id}`;
      this.written.set(key, { json: jsonByKey.get(key) ?? '', n });
    }
  }

  private writeRels(rels: readonly GraphRel[]): void {
    const params: unknown[] = [];
    let rows = 0;
    for (const rel of rels) {
      if (!TYPES.has(rel.type)) throw invalid(`Relationship ${rel.id}: unknown type ${String(rel.type)}`);
      const id = relId(rel.type, rel.from, rel.to);
      if (rel.id !== id) throw invalid(`Relationship ${rel.id}: its id must be ${id} (see relId)`);
      checkProps(`Relationship ${id}`, rel.props);
      params.push(this.numberOf(id, rel.from), rel.type, this.numberOf(id, rel.to), propsJson(rel.props));
      rows += 1;
      if (rows === ROWS_PER_STATEMENT) {
        this.relMany.run(params);
        params.length = 0;
        rows = 0;
      }
    }
    for (let i = 0; i < params.length; i += REL_COLUMNS) this.relOne.run(params.slice(i, i + REL_COLUMNS));
  }

  /** A relationship's ends must exist: written earlier in this session or already stored. */
  private numberOf(relationship: string, ref: NodeRef): number {
    const known = this.written.get(nodeKey(ref));
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
