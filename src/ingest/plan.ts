// What one file will write, decided before anything is written: owned nodes checked for
// conflicting duplicates within the file and against the store, shared nodes merged and
// created only where the store lacks them, and every valid row kept, mapped once, for the write.
import type { GraphNode, NodeLabel, NodeRef, Props } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { ProblemLog } from './problems.ts';
import { link, type OwnedNode, type RowGraph } from './row-graph.ts';

/** One valid row as the write pass needs it. */
export interface PlannedRow {
  row: number;
  node: OwnedNode;
  /** The nodes to link the owned node to (this file's one object per node). */
  ends: GraphNode[];
  /** The row writes its node: the node's first row in the file, and not already stored. */
  writesNode: boolean;
}

type ByLabel<T> = Map<NodeLabel, Map<string, T>>;

const LOOKUP_BATCH = 500;
/** Most links of one stored registry entry read back to find which of its links are new. */
const LINKS_READ_LIMIT = 100_000;

/** Props as JSON with sorted keys and unknown (null) values left out. */
export function canonicalProps(props: Props): string {
  const sorted: Props = {};
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    if (value !== null && value !== undefined) sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

function describe(ref: NodeRef): string {
  return ref.label === 'Shipment' ? `declaration line ${ref.id}` : `${ref.label} ${ref.id}`;
}

function differingKeys(a: string, b: string): string {
  const left = new Map(Object.entries(JSON.parse(a) as Props));
  const right = new Map(Object.entries(JSON.parse(b) as Props));
  const keys = [...new Set([...left.keys(), ...right.keys()])].filter(
    (k) => JSON.stringify(left.get(k)) !== JSON.stringify(right.get(k)),
  );
  return keys
    .slice(0, 4)
    .map((k) => `${k} ${JSON.stringify(left.get(k) ?? null)} vs ${JSON.stringify(right.get(k) ?? null)}`)
    .join(', ');
}

/** The parties of two versions of one declaration line that differ, as `Importer IM1 vs IM2`. */
function differingEnds(a: readonly NodeRef[], b: readonly NodeRef[]): string {
  const labels = [...new Set([...a, ...b].map((end) => end.label))];
  const idOf = (ends: readonly NodeRef[], label: NodeLabel): string =>
    ends.find((end) => end.label === label)?.id ?? 'none';
  return labels
    .filter((label) => idOf(a, label) !== idOf(b, label))
    .map((label) => `${label} ${idOf(a, label)} vs ${idOf(b, label)}`)
    .join(', ');
}

const sameEnds = (a: readonly NodeRef[], b: readonly NodeRef[]): boolean =>
  a.length === b.length && a.every((end, i) => end === b[i]);

function byLabel<T>(map: ByLabel<T>, label: NodeLabel): Map<string, T> {
  let byId = map.get(label);
  if (!byId) map.set(label, (byId = new Map<string, T>()));
  return byId;
}

export class ImportPlan {
  /** Owned nodes by label, then id: the row that writes each (no key strings built per row). */
  private readonly owned: ByLabel<PlannedRow> = new Map();
  private readonly planned: PlannedRow[] = [];
  private readonly shared: ByLabel<GraphNode> = new Map();
  private readonly log: ProblemLog;

  constructor(log: ProblemLog) {
    this.log = log;
  }

  /**
   * Adds one row. A declaration line arriving again must be identical, parties included; a
   * registry entry arriving again must have identical props, and the addresses, phones,
   * e-mails, accounts and directors it names are added to the entry's links.
   */
  add(row: number, graph: RowGraph, column: string | null): void {
    const ends = graph.ends;
    for (let i = 0; i < ends.length; i++) ends[i] = this.sharedNode(ends[i] as GraphNode);
    const byId = byLabel(this.owned, graph.owned.label);
    const seen = byId.get(graph.owned.id);
    if (!seen) {
      const planned: PlannedRow = { row, node: graph.owned, ends: unique(ends), writesNode: true };
      byId.set(graph.owned.id, planned);
      this.planned.push(planned);
      return;
    }
    const content = JSON.stringify(graph.owned.props);
    const earlier = JSON.stringify(seen.node.props);
    if (content !== earlier) {
      this.conflict(row, column, seen, differingKeys(earlier, content));
    } else if (graph.owned.label === 'Shipment') {
      if (!sameEnds(seen.ends, ends)) this.conflict(row, column, seen, differingEnds(seen.ends, ends));
    } else {
      for (const end of ends) if (!seen.ends.includes(end)) seen.ends.push(end);
    }
  }

  private conflict(row: number, column: string | null, seen: PlannedRow, differences: string): void {
    this.log.add(
      row,
      column,
      'conflicting_duplicate',
      `${describe(seen.node)} already came at row ${seen.row} with other content (${differences}); keep one version`,
    );
  }

  /** This file's one object for a shared node; later rows fill what earlier ones left unknown. */
  private sharedNode(candidate: GraphNode): GraphNode {
    const byId = byLabel(this.shared, candidate.label);
    const known = byId.get(candidate.id);
    if (!known) {
      byId.set(candidate.id, candidate);
      return candidate;
    }
    for (const prop in candidate.props) {
      if (!(prop in known.props)) known.props[prop] = candidate.props[prop] ?? null;
    }
    return known;
  }

  /** Valid rows in file order, each with what it writes. */
  rows(): readonly PlannedRow[] {
    return this.planned;
  }

  /**
   * True when this file writes the node at a row after `row`: a relationship of `row` that
   * reaches it must wait until the node is written (registries name directors in any order).
   */
  writesAfter(ref: NodeRef, row: number): boolean {
    const entry = this.owned.get(ref.label)?.get(ref.id);
    return entry !== undefined && entry.writesNode && entry.row > row;
  }

  /** Shared nodes to create, once reconcile() has dropped those the file or store already has. */
  sharedNodes(): GraphNode[] {
    return [...this.shared.values()].flatMap((byId) => [...byId.values()]);
  }

  get ownedCount(): number {
    return this.planned.length;
  }

  /** Compares with what the store holds; conflicts are logged, identical nodes are skipped. */
  async reconcile(store: GraphStore, ownedColumn: string | null): Promise<void> {
    for (const [label, byId] of this.owned) {
      const shared = this.shared.get(label);
      if (shared) for (const id of byId.keys()) shared.delete(id);
    }
    const counts = (await store.counts()).nodes;
    const stored = (label: NodeLabel): boolean => (counts[label] ?? 0) > 0;

    const owned = this.planned.filter((p) => stored(p.node.label));
    const unchangedEntries: PlannedRow[] = [];
    for (let i = 0; i < owned.length; i += LOOKUP_BATCH) {
      const batch = owned.slice(i, i + LOOKUP_BATCH);
      for (const existing of await store.getNodes(
        batch.map((p) => ({ label: p.node.label, id: p.node.id })),
      )) {
        const entry = this.owned.get(existing.label)?.get(existing.id);
        if (!entry) continue;
        const content = canonicalProps(existing.props);
        const incoming = JSON.stringify(entry.node.props);
        if (content === incoming) {
          entry.writesNode = false;
          // A stored declaration line stays as it is; a stored registry entry gains new links.
          if (entry.node.label === 'Shipment') entry.ends = [];
          else if (entry.ends.length > 0) unchangedEntries.push(entry);
        } else if (existing.props.inRegistry !== false) {
          // A party created from declarations is completed by its registry entry, not in conflict.
          this.log.add(
            entry.row,
            ownedColumn,
            'conflicting_duplicate',
            `${describe(entry.node)} is already in the store with other content (${differingKeys(content, incoming)}); correct the file or the earlier import`,
          );
        }
      }
    }
    for (const entry of unchangedEntries) await dropStoredLinks(store, entry);

    for (const [label, byId] of this.shared) {
      if (!stored(label)) continue;
      const refs = [...byId.keys()].map((id) => ({ label, id }));
      for (let i = 0; i < refs.length; i += LOOKUP_BATCH) {
        for (const existing of await store.getNodes(refs.slice(i, i + LOOKUP_BATCH)))
          byId.delete(existing.id);
      }
    }
  }
}

/** Ends in first-seen order, each once (a director listed twice is one link). */
function unique(ends: GraphNode[]): GraphNode[] {
  return ends.length < 2 || ends.every((end, i) => ends.indexOf(end) === i) ? ends : [...new Set(ends)];
}

/** Leaves on a stored registry entry only the links the store does not have yet. */
async function dropStoredLinks(store: GraphStore, entry: PlannedRow): Promise<void> {
  const near = await store.neighbourhood({
    start: { label: entry.node.label, id: entry.node.id },
    hops: 1,
    labels: [...new Set(entry.ends.map((end) => end.label))],
    limit: LINKS_READ_LIMIT,
  });
  // Past the limit some links are unknown: writing them again is harmless (writes merge).
  if (near.truncated) return;
  const storedRels = new Set(near.rels.map((r) => r.id));
  entry.ends = entry.ends.filter((end) => !storedRels.has(link(entry.node, end).id));
}
