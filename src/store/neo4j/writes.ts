// Turns a WriteBatch of one import into the statements that write it: nodes grouped by label and
// relationships by type, each group sent as `UNWIND $rows … MERGE` in slices of WRITE_BATCH_ROWS
// rows, tagged with the import's id (see imports.ts for why). It also remembers which nodes the
// import has written or found stored, so the relationship ends to look up before a write are only
// those it has never met, and a node already sent unchanged is not sent again (a broker appears
// on every line).
import { nodeKey } from '../../model/index.ts';
import type { NodeLabel, RelType } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { WriteBatch } from '../graph-store.ts';
import { checkNode, checkRel } from '../write-checks.ts';
import { query } from './cypher.ts';
import type { Query } from './cypher.ts';
import { encodeProps, nodeRow } from './encode.ts';
import type { NodeRow } from './encode.ts';
import type { Params } from './executor.ts';

/** Rows per UNWIND; chosen by measurement with `npm run bench -- neo4j` (see README). */
export const WRITE_BATCH_ROWS = 2_000;
/** Past this many remembered nodes the writer forgets them (memory stays bounded on huge files). */
const MAX_REMEMBERED = 1_000_000;

/** Known to exist before this import wrote it (found by a lookup). */
const STORED = 0;
/** Written once by this import. */
const SENT = 1;
/** STORED, SENT, or the signature of what was last written, once a node is written twice. */
type Known = typeof STORED | typeof SENT | string;

interface RelRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** One statement of a batch; relationship statements report how many rows found both ends. */
export interface Statement {
  query: Query;
  params: Params;
  rows: number;
  /** For relationship statements: what a row names, to say which one lacked an end. */
  relType?: RelType;
}

export interface PreparedBatch {
  statements: Statement[];
  /** Node and relationship rows the statements write. */
  rows: number;
  /** Relationship end keys neither in the batch nor met before by this import: to look up first. */
  unknownEnds: string[];
  /** The batch's relationships as (type, from key, to key), to name one whose end is missing. */
  relEnds: [RelType, string, string][];
}

function slices<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function push<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

export class Neo4jWriter {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly importId: unknown,
    private readonly batchRows = WRITE_BATCH_ROWS,
  ) {}

  /**
   * Checks every node and relationship of the batch (StoreError `invalid` before anything is
   * sent) and returns its statements. The nodes count as written from here on.
   */
  prepare(batch: WriteBatch): PreparedBatch {
    const nodes = new Map<NodeLabel, NodeRow[]>();
    const rels = new Map<RelType, RelRow[]>();
    for (const node of batch.nodes) checkNode(node);
    for (const rel of batch.rels) checkRel(rel);
    if (this.known.size + batch.nodes.length > MAX_REMEMBERED) this.known.clear();
    for (const node of batch.nodes) {
      const row = nodeRow(node);
      if (this.isUnchanged(row)) continue;
      push(nodes, node.label, row);
    }
    const unknownEnds = new Set<string>();
    const relEnds: [RelType, string, string][] = [];
    for (const rel of batch.rels) {
      const row: RelRow = { from: nodeKey(rel.from), to: nodeKey(rel.to), props: encodeProps(rel.props) };
      if (!this.known.has(row.from)) unknownEnds.add(row.from);
      if (!this.known.has(row.to)) unknownEnds.add(row.to);
      relEnds.push([rel.type, row.from, row.to]);
      push(rels, rel.type, row);
    }
    const statements: Statement[] = [];
    const importId = this.importId;
    for (const [label, rows] of nodes) {
      for (const slice of slices(rows, this.batchRows)) {
        statements.push({ query: query('write/merge-nodes', { label }), params: { rows: slice, importId }, rows: slice.length });
      }
    }
    for (const [type, rows] of rels) {
      // Rows with props need the slower statement that can hold props back (see its file).
      const plain = rows.filter((r) => Object.keys(r.props).length === 0);
      const withProps = rows.filter((r) => Object.keys(r.props).length > 0);
      for (const [name, group] of [['write/merge-rels', plain], ['write/merge-rels-props', withProps]] as const) {
        for (const slice of slices(group, this.batchRows)) {
          statements.push({ query: query(name, { type }), params: { rows: slice, importId, type }, rows: slice.length, relType: type });
        }
      }
    }
    const rows = statements.reduce((sum, s) => sum + s.rows, 0);
    return { statements, rows, unknownEnds: [...unknownEnds], relEnds };
  }

  /** Records that these node keys exist in the store (a lookup found them). */
  markStored(keys: readonly string[]): void {
    for (const key of keys) if (!this.known.has(key)) this.known.set(key, STORED);
  }

  /**
   * Whether this node was written before in this import with the same props (then it is not
   * sent again). Only nodes written twice keep a signature, so a file whose nodes each come
   * once (the ingest's) costs one small map entry per node.
   */
  private isUnchanged(row: NodeRow): boolean {
    const before = this.known.get(row.key);
    if (before === undefined || before === STORED) {
      this.known.set(row.key, SENT);
      return false;
    }
    const signature = JSON.stringify([row.props, row.nameKey]);
    if (before === signature) return true;
    this.known.set(row.key, signature);
    return false;
  }
}

/** The error for a relationship whose end node does not exist. */
export function missingEndError(relEnds: readonly [RelType, string, string][], missing: ReadonlySet<string>): StoreError {
  const rel = relEnds.find(([, from, to]) => missing.has(from) || missing.has(to));
  const [type, from, to] = rel ?? ['?', '?', '?'];
  const end = missing.has(from) ? from : to;
  return new StoreError('invalid', `Relationship ${type}|${from}|${to}: its end node ${end} does not exist; write the node first`);
}
