// Turns a WriteBatch of one import into the statements that write it: nodes grouped by label and
// relationships by type, each group sent as one `UNWIND $rows …` statement per WRITE_BATCH_ROWS
// rows, tagged with the import's id (see imports.ts for why). It also remembers which nodes the
// import has written or found stored, so the relationship ends to look up before a write are only
// those it has never met, and a node already sent unchanged is not sent again (a broker appears
// on every line).
//
// While the writer is optimistic (until the import finds otherwise), a node the import has never
// met is taken for new to the graph: it is written with CREATE (write/create-nodes), and the
// batch's relationships with such an end with CREATE too, untagged (write/create-rels): a MERGE
// seeks, locks and seeks again, and a tag is one more record per relationship. Should such a
// node exist after all, its statement fails on the key constraint and the import writes the
// chunk again from each statement's `fallback`, the MERGE statements, and stays pessimistic.
import neo4j, { Neo4jError } from 'neo4j-driver';
import { nodeKey, RelType } from '../../model/index.ts';
import type { GraphNode, NodeLabel } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { WriteBatch } from '../graph-store.ts';
import { checkNode, checkRel } from '../write-checks.ts';
import { query } from './cypher.ts';
import type { Query } from './cypher.ts';
import { createRow, encodeProps, nodeRow } from './encode.ts';
import type { NodeRow } from './encode.ts';
import type { OpenTransaction, Params } from './executor.ts';

/** Rows per UNWIND; chosen by measurement with `npm run bench -- neo4j` (docs/decisions/2026-11-27-neo4j-import-write-path.md). */
export const WRITE_BATCH_ROWS = 2_000;
/** A relationship type as write/create-nodes takes it: its index in the closed RelType enum. */
const TYPE_INDEX = Object.fromEntries(RelType.options.map((type, i) => [type, i])) as Record<RelType, number>;
/** Past this many remembered nodes the writer forgets them (memory stays bounded on huge files). */
const MAX_REMEMBERED = 1_000_000;

/** Known to exist before this import wrote it (found by a lookup). */
const STORED = 0;
/** Written once by this import, with MERGE: it may have existed before. */
const SENT = 1;
/** Written once by this import, with CREATE: new in this import (unless its chunk is replayed). */
const CREATED = 2;
/** One of the above, or the signature of what was last written, once a node is written twice. */
type Known = typeof STORED | typeof SENT | typeof CREATED | string;

/** A node new to the graph with the relationships it starts, as (type, far end key). */
interface NewNode {
  node: GraphNode;
  rels: [RelType, string][];
}

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
  /** For statements that write relationships: how many must find both ends, and their type. */
  rels?: { count: number; type: RelType | null };
  /** For an optimistic CREATE: the MERGE statements that write the same rows whatever exists. */
  fallback?: () => Statement[];
}

export interface PreparedBatch {
  statements: Statement[];
  /** Node and relationship rows the statements write. */
  rows: number;
  /** Relationship end keys neither in the batch nor met before by this import: to look up first. */
  unknownEnds: string[];
  /** The batch's relationships as (type, from key, to key), to name one whose end is missing. */
  relEnds: [RelType, string, string][];
  /** Keys of the nodes the batch creates with CREATE (to forget should its chunk be replayed). */
  created: string[];
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
  /** Whether nodes never met are written with CREATE (see the top of this file). */
  private optimistic: boolean;

  constructor(
    private readonly importId: unknown,
    private readonly batchRows = WRITE_BATCH_ROWS,
    createNew = true,
  ) {
    this.optimistic = createNew;
  }

  /**
   * Checks every node and relationship of the batch (StoreError `invalid` before anything is
   * sent) and returns its statements. The nodes count as written from here on.
   */
  prepare(batch: WriteBatch): PreparedBatch {
    for (const node of batch.nodes) checkNode(node);
    for (const rel of batch.rels) checkRel(rel);
    if (this.known.size + batch.nodes.length > MAX_REMEMBERED) this.known.clear();
    const fresh = new Map<NodeLabel, GraphNode[]>();
    const merged = new Map<NodeLabel, NodeRow[]>();
    const created = new Set<string>();
    for (const node of batch.nodes) {
      const key = nodeKey(node);
      if (this.optimistic && !this.known.has(key)) {
        this.known.set(key, CREATED);
        created.add(key);
        push(fresh, node.label, node);
        continue;
      }
      const row = nodeRow(node);
      if (this.isUnchanged(row)) continue;
      push(merged, node.label, row);
    }
    const unknownEnds = new Set<string>();
    const relEnds: [RelType, string, string][] = [];
    const rels = new Map<RelType, RelRow[]>();
    const newRels = new Map<RelType, Map<string, [string, string]>>();
    const outgoing = new Map<string, Map<string, [RelType, string]>>();
    for (const rel of batch.rels) {
      const from = nodeKey(rel.from);
      const to = nodeKey(rel.to);
      if (!this.known.has(from)) unknownEnds.add(from);
      if (!this.known.has(to)) unknownEnds.add(to);
      relEnds.push([rel.type, from, to]);
      // A relationship with an end created in this batch cannot exist yet: one row per
      // relationship is all it takes. When only its start is new, it is created with that node.
      if (Object.keys(rel.props).length > 0 || !(created.has(from) || created.has(to))) {
        push(rels, rel.type, { from, to, props: encodeProps(rel.props) });
      } else if (!created.has(to)) {
        let byEnd = outgoing.get(from);
        if (!byEnd) outgoing.set(from, (byEnd = new Map<string, [RelType, string]>()));
        byEnd.set(`${rel.type}\u0000${to}`, [rel.type, to]);
      } else {
        let byEnds = newRels.get(rel.type);
        if (!byEnds) newRels.set(rel.type, (byEnds = new Map<string, [string, string]>()));
        byEnds.set(`${from}\u0000${to}`, [from, to]);
      }
    }
    const statements = [
      ...this.createNodes(fresh, outgoing),
      ...this.mergeNodes(merged),
      ...this.createRels(newRels),
      ...this.mergeRels(rels),
    ];
    const rows = statements.reduce((sum, s) => sum + s.rows, 0);
    return { statements, rows, unknownEnds: [...unknownEnds], relEnds, created: [...created] };
  }

  /** Whether nodes never met are still written with CREATE. */
  get isOptimistic(): boolean {
    return this.optimistic;
  }

  /**
   * From now on nodes are written with MERGE only, and these (created in a chunk that is being
   * written again with MERGE) count as possibly older than the import.
   */
  turnPessimistic(created: Iterable<string>): void {
    this.optimistic = false;
    for (const key of created) if (this.known.get(key) === CREATED) this.known.set(key, SENT);
  }

  /**
   * CREATE statements for new nodes, each row with the relationships it starts (`outgoing`). A
   * node that createRow cannot carry is written with the MERGE statements instead.
   */
  private createNodes(
    groups: Map<NodeLabel, GraphNode[]>,
    outgoing: Map<string, Map<string, [RelType, string]>>,
  ): Statement[] {
    const out: Statement[] = [];
    for (const [label, nodes] of groups) {
      for (const slice of slices(nodes, this.batchRows)) {
        const files: string[] = [];
        // Far ends by index: each is sent and looked up once per statement (a broker is the far
        // end of most lines of a batch).
        const ends = new Map<string, number>();
        const endIndex = (key: string): number => {
          let index = ends.get(key);
          if (index === undefined) ends.set(key, (index = ends.size));
          return index;
        };
        const rows: string[] = [];
        const created: NewNode[] = [];
        const merged: NewNode[] = [];
        for (const node of slice) {
          const rels = [...(outgoing.get(nodeKey(node))?.values() ?? [])];
          const row = createRow(
            node,
            files,
            rels.map(([type, to]) => [TYPE_INDEX[type], to] as const),
            endIndex,
          );
          if (row === null) {
            merged.push({ node, rels });
          } else {
            rows.push(row);
            created.push({ node, rels });
          }
        }
        if (rows.length > 0) {
          const relCount = created.reduce((sum, c) => sum + c.rels.length, 0);
          out.push({
            query: query('write/create-nodes', { label }),
            params: {
              rows,
              ends: [...ends.keys()],
              idFrom: neo4j.int(label.length + 1),
              files,
              importId: this.importId,
            },
            rows: rows.length + relCount,
            rels: { count: relCount, type: null },
            fallback: () => this.mergeNew(label, created),
          });
        }
        out.push(...this.mergeNew(label, merged));
      }
    }
    return out;
  }

  /** New nodes and the relationships they start, written with MERGE (whatever exists already). */
  private mergeNew(label: NodeLabel, nodes: readonly NewNode[]): Statement[] {
    const relRows = new Map<RelType, RelRow[]>();
    for (const { node, rels } of nodes) {
      for (const [type, to] of rels) push(relRows, type, { from: nodeKey(node), to, props: {} });
    }
    return [
      ...this.mergeNodes(new Map([[label, nodes.map(({ node }) => nodeRow(node))]])),
      ...this.mergeRels(relRows),
    ];
  }

  private mergeNodes(groups: Map<NodeLabel, NodeRow[]>): Statement[] {
    const out: Statement[] = [];
    for (const [label, rows] of groups) {
      for (const slice of slices(rows, this.batchRows)) {
        out.push({
          query: query('write/merge-nodes', { label }),
          params: { rows: slice, importId: this.importId },
          rows: slice.length,
        });
      }
    }
    return out;
  }

  private createRels(groups: Map<RelType, Map<string, [string, string]>>): Statement[] {
    const out: Statement[] = [];
    for (const [type, byEnds] of groups) {
      for (const slice of slices([...byEnds.values()], this.batchRows)) {
        out.push({
          query: query('write/create-rels', { type }),
          params: { rows: slice },
          rows: slice.length,
          rels: { count: slice.length, type },
          fallback: () =>
            this.mergeRels(new Map([[type, slice.map(([from, to]) => ({ from, to, props: {} }))]])),
        });
      }
    }
    return out;
  }

  private mergeRels(groups: Map<RelType, RelRow[]>): Statement[] {
    const out: Statement[] = [];
    for (const [type, rows] of groups) {
      // Rows with props need the slower statement that can hold props back (see its file).
      const plain = rows.filter((r) => Object.keys(r.props).length === 0);
      const withProps = rows.filter((r) => Object.keys(r.props).length > 0);
      for (const [name, group] of [
        ['write/merge-rels', plain],
        ['write/merge-rels-props', withProps],
      ] as const) {
        for (const slice of slices(group, this.batchRows)) {
          out.push({
            query: query(name, { type }),
            params: { rows: slice, importId: this.importId, type },
            rows: slice.length,
            rels: { count: slice.length, type },
          });
        }
      }
    }
    return out;
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

/** Runs one statement; a relationship statement must have found both ends of every row. */
export async function runStatement(tx: OpenTransaction, statement: Statement): Promise<void> {
  const records = await tx.run(statement.query, statement.params);
  if (!statement.rels) return;
  const { count, type } = statement.rels;
  const merged = Number(records[0]?.get('merged') ?? 0);
  if (merged < count) {
    // The ends were checked before sending: only a concurrent delete gets here.
    const what = type === null ? 'relationships' : `${type} relationships`;
    throw new StoreError(
      'invalid',
      `${count - merged} ${what} found an end node missing; write the nodes first`,
    );
  }
}

/** A CREATE that met an existing node (the key constraint): the chunk is to be written again. */
export function isKeyConflict(error: unknown): boolean {
  const cause = error instanceof StoreError ? error.cause : error;
  return cause instanceof Neo4jError && cause.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/** The error for a relationship whose end node does not exist. */
export function missingEndError(
  relEnds: readonly [RelType, string, string][],
  missing: ReadonlySet<string>,
): StoreError {
  const rel = relEnds.find(([, from, to]) => missing.has(from) || missing.has(to));
  const [type, from, to] = rel ?? ['?', '?', '?'];
  const end = missing.has(from) ? from : to;
  return new StoreError(
    'invalid',
    `Relationship ${type}|${from}|${to}: its end node ${end} does not exist; write the node first`,
  );
}
