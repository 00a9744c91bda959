// Upserts of nodes and relationships: multi-row prepared statements merging props in SQLite
// (json_patch: incoming known values win, the first source is kept), so an import never reads
// existing rows back into JavaScript.
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

const LABELS = new Set<string>(NodeLabel.options);
const TYPES = new Set<string>(RelType.options);

const NODE_UPSERT_HEAD = 'INSERT INTO nodes (label, id, props, name_lc, source_file, source_row) VALUES ';
const NODE_UPSERT_TAIL = ` ON CONFLICT (label, id) DO UPDATE SET
  props = json_patch(nodes.props, excluded.props),
  name_lc = coalesce(excluded.name_lc, nodes.name_lc)`;
const REL_UPSERT_HEAD = 'INSERT INTO rels (id, type, from_label, from_id, to_label, to_id, props) VALUES ';
const REL_UPSERT_TAIL = ' ON CONFLICT (id) DO UPDATE SET props = json_patch(rels.props, excluded.props)';

function multiRow(head: string, tail: string, columns: number, rows: number): string {
  const tuple = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return head + Array.from({ length: rows }, () => tuple).join(',') + tail;
}

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

/** Writes batches through prepared statements; remembers what this session wrote. */
export class GraphWriter {
  private readonly nodeMany;
  private readonly nodeOne;
  private readonly relMany;
  private readonly relOne;
  private readonly nodeExists;
  /** nodeKey → props JSON last written in this session (skips repeats, answers "exists?"). */
  private readonly written = new Map<string, string>();

  constructor(db: Db) {
    this.nodeMany = db.prepare(multiRow(NODE_UPSERT_HEAD, NODE_UPSERT_TAIL, 6, ROWS_PER_STATEMENT));
    this.nodeOne = db.prepare(multiRow(NODE_UPSERT_HEAD, NODE_UPSERT_TAIL, 6, 1));
    this.relMany = db.prepare(multiRow(REL_UPSERT_HEAD, REL_UPSERT_TAIL, 7, ROWS_PER_STATEMENT));
    this.relOne = db.prepare(multiRow(REL_UPSERT_HEAD, REL_UPSERT_TAIL, 7, 1));
    this.nodeExists = db.prepare('SELECT 1 FROM nodes WHERE label = ? AND id = ?').pluck();
  }

  write(batch: WriteBatch): void {
    this.writeNodes(batch.nodes);
    this.writeRels(batch.rels);
  }

  private writeNodes(nodes: readonly GraphNode[]): void {
    const params: unknown[] = [];
    let rows = 0;
    for (const node of nodes) {
      if (!LABELS.has(node.label)) throw invalid(`Node ${node.id}: unknown label ${String(node.label)}`);
      if (typeof node.id !== 'string' || node.id.length === 0)
        throw invalid(`A ${node.label} node has no id`);
      checkProps(`Node ${nodeKey(node)}`, node.props);
      const key = nodeKey(node);
      const json = propsJson(node.props);
      if (this.written.get(key) === json) continue;
      this.remember(key, json);
      const name = node.props.name;
      params.push(
        node.label,
        node.id,
        json,
        typeof name === 'string' && !isIdentifierLabel(node.label) ? nameSearchKey(name) : null,
        node.source?.file ?? null,
        node.source?.row ?? null,
      );
      rows += 1;
      if (rows === ROWS_PER_STATEMENT) {
        this.nodeMany.run(params);
        params.length = 0;
        rows = 0;
      }
    }
    for (let i = 0; i < params.length; i += 6) this.nodeOne.run(params.slice(i, i + 6));
  }

  private writeRels(rels: readonly GraphRel[]): void {
    const params: unknown[] = [];
    let rows = 0;
    for (const rel of rels) {
      if (!TYPES.has(rel.type)) throw invalid(`Relationship ${rel.id}: unknown type ${String(rel.type)}`);
      const id = relId(rel.type, rel.from, rel.to);
      if (rel.id !== id) throw invalid(`Relationship ${rel.id}: its id must be ${id} (see relId)`);
      checkProps(`Relationship ${id}`, rel.props);
      this.requireNode(id, rel.from);
      this.requireNode(id, rel.to);
      params.push(id, rel.type, rel.from.label, rel.from.id, rel.to.label, rel.to.id, propsJson(rel.props));
      rows += 1;
      if (rows === ROWS_PER_STATEMENT) {
        this.relMany.run(params);
        params.length = 0;
        rows = 0;
      }
    }
    for (let i = 0; i < params.length; i += 7) this.relOne.run(params.slice(i, i + 7));
  }

  /** A relationship's ends must exist: written earlier in this session or already stored. */
  private requireNode(relationship: string, ref: NodeRef): void {
    const key = nodeKey(ref);
    if (this.written.has(key)) return;
    if (!LABELS.has(ref.label) || this.nodeExists.get(ref.label, ref.id) === undefined) {
      throw invalid(`Relationship ${relationship}: its end node ${key} does not exist; write the node first`);
    }
  }

  private remember(key: string, json: string): void {
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(key, json);
  }
}
