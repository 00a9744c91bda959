// Writes a WriteBatch of one import inside a transaction: nodes grouped by label and
// relationships by type, each group sent as `UNWIND $rows … MERGE` in slices of WRITE_BATCH_ROWS
// rows, tagged with the import's id (see imports.ts for why). A node already sent unchanged in
// this import is not sent again (a broker appears on every line).
import { nodeKey } from '../../model/index.ts';
import type { NodeLabel, RelType } from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type { WriteBatch } from '../graph-store.ts';
import { checkNode, checkRel } from '../write-checks.ts';
import { query } from './cypher.ts';
import { encodeProps, nodeRow } from './encode.ts';
import type { NodeRow } from './encode.ts';
import type { OpenTransaction } from './executor.ts';

/** Rows per UNWIND; chosen by measurement with `npm run bench -- neo4j` (see README). */
export const WRITE_BATCH_ROWS = 2_000;
/** Past this many remembered nodes the writer forgets them (memory stays bounded on huge files). */
const MAX_REMEMBERED = 2_000_000;

interface RelRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

function slices<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export class Neo4jWriter {
  /** nodeKey → signature of what was last sent for it in this session. */
  private readonly sent = new Map<string, string>();

  constructor(
    private readonly importId: string,
    private readonly batchRows = WRITE_BATCH_ROWS,
  ) {}

  async write(tx: OpenTransaction, batch: WriteBatch): Promise<void> {
    const importId = this.importId;
    const nodes = new Map<NodeLabel, NodeRow[]>();
    for (const node of batch.nodes) {
      checkNode(node);
      const row = nodeRow(node);
      const signature = JSON.stringify([row.props, row.nameKey]);
      if (this.sent.get(row.key) === signature) continue;
      if (this.sent.size >= MAX_REMEMBERED) this.sent.clear();
      this.sent.set(row.key, signature);
      const group = nodes.get(node.label) ?? [];
      group.push(row);
      nodes.set(node.label, group);
    }
    const rels = new Map<RelType, RelRow[]>();
    for (const rel of batch.rels) {
      checkRel(rel);
      const group = rels.get(rel.type) ?? [];
      group.push({ from: nodeKey(rel.from), to: nodeKey(rel.to), props: encodeProps(rel.props) });
      rels.set(rel.type, group);
    }
    for (const [label, rows] of nodes) {
      for (const slice of slices(rows, this.batchRows)) {
        await tx.run(query('write/merge-nodes', { label }), { rows: slice, importId });
      }
    }
    for (const [type, rows] of rels) {
      // Rows with props need the slower statement that can hold props back (see its file).
      const plain = rows.filter((r) => Object.keys(r.props).length === 0);
      const withProps = rows.filter((r) => Object.keys(r.props).length > 0);
      for (const [name, group] of [['write/merge-rels', plain], ['write/merge-rels-props', withProps]] as const) {
        for (const slice of slices(group, this.batchRows)) {
          const [record] = await tx.run(query(name, { type }), { rows: slice, importId, type });
          const merged = Number(record?.get('merged') ?? 0);
          if (merged < slice.length) await reportMissingEnds(tx, type, slice);
        }
      }
    }
  }
}

async function reportMissingEnds(tx: OpenTransaction, type: RelType, rows: RelRow[]): Promise<never> {
  const keys = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
  const missing = (await tx.run(query('write/missing-nodes'), { keys })).map((r) => String(r.get('key')));
  const row = rows.find((r) => missing.includes(r.from) || missing.includes(r.to));
  const end = row && missing.includes(row.from) ? row.from : row?.to;
  throw new StoreError(
    'invalid',
    `Relationship ${type}|${row?.from}|${row?.to}: its end node ${end} does not exist; write the node first`,
  );
}
