// Where an import plan keeps its valid rows until the write pass: in memory for small and
// medium files (the fastest), or spilled to a temporary file with only a compact index per owned
// id in memory, so that a file of millions of lines imports in bounded memory. Both give the
// write pass the same rows in the same order.
import { type GraphNode, NodeLabel, type NodeRef } from '../model/index.ts';
import { PlanSpill, type SpilledRow } from './plan-spill.ts';
import { link, type OwnedNode } from './row-graph.ts';

/** One valid row as the write pass needs it. */
export interface PlannedRow {
  row: number;
  node: OwnedNode;
  /** The nodes to link the owned node to. */
  ends: NodeRef[];
  /** The row writes its node: the node's first row in the file, and not already stored. */
  writesNode: boolean;
}

/** An owned node as first seen in the file: its row, content and links so far. */
export interface SeenRow {
  row: number;
  node: OwnedNode;
  ends: readonly NodeRef[];
  /** Position in the spill index (spilled rows only). */
  slot?: number;
}

export interface OwnedRows {
  readonly count: number;
  find(label: NodeLabel, id: string): SeenRow | undefined;
  create(row: number, node: OwnedNode, ends: GraphNode[]): void;
  /** A registry entry arriving again adds the links it names that the first did not. */
  addLinks(seen: SeenRow, row: number, ends: readonly GraphNode[]): void;
  writesAfter(ref: NodeRef, row: number): boolean;
  /** Owned node refs, each once. */
  refs(): Iterable<NodeRef>;
  /** The node is already stored as it is: not written again; of its links only those not stored. */
  keepStored(seen: SeenRow, storedRels: ReadonlySet<string> | null): void;
  /** Valid rows in file order, in batches. */
  batches(size: number): AsyncIterable<readonly PlannedRow[]>;
  dispose(): void;
}

type ByLabel<T> = Map<NodeLabel, Map<string, T>>;

function byLabel<T>(map: ByLabel<T>, label: NodeLabel): Map<string, T> {
  let byId = map.get(label);
  if (!byId) map.set(label, (byId = new Map<string, T>()));
  return byId;
}

const withoutStored = (node: NodeRef, ends: NodeRef[], storedRels: ReadonlySet<string> | null): NodeRef[] =>
  storedRels ? ends.filter((end) => !storedRels.has(link(node, end).id)) : ends;

/** Every row object kept until written. */
export class InMemoryRows implements OwnedRows {
  /** Owned nodes by label, then id: the row that writes each (no key strings built per row). */
  private readonly owned: ByLabel<PlannedRow> = new Map();
  private readonly planned: PlannedRow[] = [];

  get count(): number {
    return this.planned.length;
  }

  find(label: NodeLabel, id: string): PlannedRow | undefined {
    return this.owned.get(label)?.get(id);
  }

  create(row: number, node: OwnedNode, ends: GraphNode[]): void {
    // A copy of exactly its length: an array grown by push keeps room for 17 ends, and every
    // planned row lives until written.
    const planned: PlannedRow = { row, node, ends: ends.slice(), writesNode: true };
    byLabel(this.owned, node.label).set(node.id, planned);
    this.planned.push(planned);
  }

  addLinks(seen: SeenRow, _row: number, ends: readonly GraphNode[]): void {
    (seen as PlannedRow).ends.push(...ends);
  }

  writesAfter(ref: NodeRef, row: number): boolean {
    const entry = this.find(ref.label, ref.id);
    return entry !== undefined && entry.writesNode && entry.row > row;
  }

  *refs(): Iterable<NodeRef> {
    for (const { node } of this.planned) yield node;
  }

  keepStored(seen: SeenRow, storedRels: ReadonlySet<string> | null): void {
    const entry = seen as PlannedRow;
    entry.writesNode = false;
    entry.ends = entry.node.label === 'Shipment' ? [] : withoutStored(entry.node, entry.ends, storedRels);
  }

  /** The rows themselves (in-memory plans only). */
  all(): readonly PlannedRow[] {
    return this.planned;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- one batch, already in memory
  async *batches(): AsyncGenerator<readonly PlannedRow[]> {
    yield this.planned;
  }

  dispose(): void {
    this.planned.length = 0;
    this.owned.clear();
  }
}

const WRITES_NODE = 1;
const STORED_SHIPMENT = 2;

const LABELS = NodeLabel.options;

/** Column arrays of the spill index in file order, grown by doubling: a few bytes per owned id. */
class SpillIndex {
  ids: string[] = [];
  labels = new Uint8Array(1024);
  rows = new Int32Array(1024);
  offsets = new Float64Array(1024);
  lengths = new Uint32Array(1024);
  flags = new Uint8Array(1024);
  size = 0;

  push(ref: NodeRef, row: number, offset: number, length: number): number {
    if (this.size === this.rows.length) this.grow();
    const at = this.size++;
    this.ids.push(ref.id);
    this.labels[at] = LABELS.indexOf(ref.label);
    this.rows[at] = row;
    this.offsets[at] = offset;
    this.lengths[at] = length;
    this.flags[at] = WRITES_NODE;
    return at;
  }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    const n = this.rows.length * 2;
    this.rows = twice(this.rows, new Int32Array(n));
    this.offsets = twice(this.offsets, new Float64Array(n));
    this.lengths = twice(this.lengths, new Uint32Array(n));
    this.flags = twice(this.flags, new Uint8Array(n));
    this.labels = twice(this.labels, new Uint8Array(n));
  }

  ref(slot: number): NodeRef {
    return { label: LABELS[this.labels[slot] ?? 0] as NodeLabel, id: this.ids[slot] as string };
  }
}

/** Rows on disk; in memory only each owned id's index slot and the links found stored. */
export class SpilledRows implements OwnedRows {
  private readonly spill = new PlanSpill();
  private readonly owned: ByLabel<number> = new Map();
  private readonly index = new SpillIndex();
  private readonly storedLinks = new Map<number, ReadonlySet<string>>();

  get count(): number {
    return this.index.size;
  }

  find(label: NodeLabel, id: string): SeenRow | undefined {
    const slot = this.owned.get(label)?.get(id);
    if (slot === undefined) return undefined;
    const record = this.spill.read({
      offset: this.index.offsets[slot] ?? 0,
      length: this.index.lengths[slot] ?? 0,
    });
    return { row: record.row, node: { label, id, props: record.props ?? {} }, ends: record.ends, slot };
  }

  create(row: number, node: OwnedNode, ends: GraphNode[]): void {
    const spilled: SpilledRow = { row, label: node.label, id: node.id, props: node.props, ends: refs(ends) };
    const { offset, length } = this.spill.append(spilled);
    byLabel(this.owned, node.label).set(node.id, this.index.push(node, row, offset, length));
  }

  addLinks(seen: SeenRow, row: number, ends: readonly GraphNode[]): void {
    this.spill.append({ row, label: seen.node.label, id: seen.node.id, ends: refs(ends) });
  }

  writesAfter(ref: NodeRef, row: number): boolean {
    const slot = this.owned.get(ref.label)?.get(ref.id);
    if (slot === undefined) return false;
    return ((this.index.flags[slot] ?? 0) & WRITES_NODE) !== 0 && (this.index.rows[slot] ?? 0) > row;
  }

  *refs(): Iterable<NodeRef> {
    for (let slot = 0; slot < this.index.size; slot++) yield this.index.ref(slot);
  }

  keepStored(seen: SeenRow, storedRels: ReadonlySet<string> | null): void {
    const slot = seen.slot ?? -1;
    this.index.flags[slot] = seen.node.label === 'Shipment' ? STORED_SHIPMENT : 0;
    if (storedRels) this.storedLinks.set(slot, storedRels);
  }

  async *batches(size: number): AsyncGenerator<readonly PlannedRow[]> {
    for await (const records of this.spill.batches(size)) {
      yield records.map((record) => this.planned(record));
    }
  }

  private planned(record: SpilledRow): PlannedRow {
    const node = { label: record.label, id: record.id, props: record.props ?? {} };
    const slot = this.owned.get(record.label)?.get(record.id) ?? -1;
    const flags = this.index.flags[slot] ?? 0;
    // Only the id's first record carries props; later ones add links.
    const writesNode = record.props !== undefined && (flags & WRITES_NODE) !== 0;
    const ends =
      flags & STORED_SHIPMENT ? [] : withoutStored(node, record.ends, this.storedLinks.get(slot) ?? null);
    return { row: record.row, node, ends, writesNode };
  }

  dispose(): void {
    this.spill.dispose();
    this.owned.clear();
    this.storedLinks.clear();
  }
}

const refs = (ends: readonly NodeRef[]): NodeRef[] => ends.map((end) => ({ label: end.label, id: end.id }));
