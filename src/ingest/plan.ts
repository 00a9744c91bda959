// What one file will write, decided before anything is written: owned nodes checked for
// conflicting duplicates within the file and against the store, shared nodes merged and
// created only where the store lacks them, and every valid row, mapped once, kept for the write
// (in memory, or for a large file spilled to a temporary file: see plan-rows.ts).
import type { GraphNode, NodeLabel, NodeRef, Props } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { ProblemLog } from './problems.ts';
import { InMemoryRows, type OwnedRows, type PlannedRow, type SeenRow, SpilledRows } from './plan-rows.ts';
import type { RowGraph } from './row-graph.ts';

export type { PlannedRow } from './plan-rows.ts';

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
  a.length === b.length && a.every((end, i) => end.label === b[i]?.label && end.id === b[i].id);

const hasEnd = (ends: readonly NodeRef[], end: NodeRef): boolean =>
  ends.some((e) => e.label === end.label && e.id === end.id);

/** What a registry entry links to: the labels its stored links are read back with. */
const LINKED_LABELS: NodeLabel[] = ['Address', 'Phone', 'Email', 'BankAccount', 'Person'];

function byLabel<T>(map: ByLabel<T>, label: NodeLabel): Map<string, T> {
  let byId = map.get(label);
  if (!byId) map.set(label, (byId = new Map<string, T>()));
  return byId;
}

export interface PlanOptions {
  /** Keep the rows in a temporary file rather than in memory (large files). */
  spill?: boolean;
}

export class ImportPlan {
  private readonly owned: OwnedRows;
  private readonly shared: ByLabel<GraphNode> = new Map();
  private readonly lastShared = new Map<NodeLabel, GraphNode>();
  private readonly log: ProblemLog;

  constructor(log: ProblemLog, options: PlanOptions = {}) {
    this.log = log;
    this.owned = options.spill ? new SpilledRows() : new InMemoryRows();
  }

  /** True when the rows are kept on disk until written. */
  get spilled(): boolean {
    return this.owned instanceof SpilledRows;
  }

  /**
   * Adds one row. A declaration line arriving again must be identical, parties included; a
   * registry entry arriving again must have identical props, and the addresses, phones,
   * e-mails, accounts and directors it names are added to the entry's links.
   */
  add(row: number, graph: RowGraph, column: string | null): void {
    const ends = graph.ends;
    for (let i = 0; i < ends.length; i++) ends[i] = this.sharedNode(ends[i] as GraphNode);
    const seen = this.owned.find(graph.owned.label, graph.owned.id);
    if (!seen) {
      this.owned.create(row, graph.owned, unique(ends));
      return;
    }
    const content = JSON.stringify(graph.owned.props);
    const earlier = JSON.stringify(seen.node.props);
    if (content !== earlier) {
      this.conflict(row, column, seen, differingKeys(earlier, content));
    } else if (graph.owned.label === 'Shipment') {
      if (!sameEnds(seen.ends, ends)) this.conflict(row, column, seen, differingEnds(seen.ends, ends));
    } else {
      const added = unique(ends.filter((end) => !hasEnd(seen.ends, end)));
      if (added.length > 0) this.owned.addLinks(seen, row, added);
    }
  }

  private conflict(row: number, column: string | null, seen: SeenRow, differences: string): void {
    this.log.add(
      row,
      column,
      'conflicting_duplicate',
      `${describe(seen.node)} already came at row ${seen.row} with other content (${differences}); keep one version`,
    );
  }

  /** This file's one object for a shared node; later rows fill what earlier ones left unknown. */
  private sharedNode(candidate: GraphNode): GraphNode {
    // The lines of a declaration come together and name the same parties: the last one of each
    // label is at hand without a lookup.
    const last = this.lastShared.get(candidate.label);
    let known = last?.id === candidate.id ? last : undefined;
    if (!known) {
      const byId = byLabel(this.shared, candidate.label);
      known = byId.get(candidate.id);
      if (!known) byId.set(candidate.id, (known = candidate));
      this.lastShared.set(candidate.label, known);
      if (known === candidate) return candidate;
    }
    for (const prop in candidate.props) {
      if (!(prop in known.props)) known.props[prop] = candidate.props[prop] ?? null;
    }
    return known;
  }

  /** Valid rows in file order, each with what it writes (in-memory plans only). */
  rows(): readonly PlannedRow[] {
    if (!(this.owned instanceof InMemoryRows)) throw new Error('a spilled plan is read with batches()');
    return this.owned.all();
  }

  /** Valid rows in file order, each with what it writes, in batches. */
  batches(size: number): AsyncIterable<readonly PlannedRow[]> {
    return this.owned.batches(size);
  }

  /**
   * True when this file writes the node at a row after `row`: a relationship of `row` that
   * reaches it must wait until the node is written (registries name directors in any order).
   */
  writesAfter(ref: NodeRef, row: number): boolean {
    return this.owned.writesAfter(ref, row);
  }

  /** Shared nodes to create, once reconcile() has dropped those the file or store already has. */
  sharedNodes(): GraphNode[] {
    return [...this.shared.values()].flatMap((byId) => [...byId.values()]);
  }

  get ownedCount(): number {
    return this.owned.count;
  }

  /** Frees what the plan holds (a spilled plan's temporary file). */
  dispose(): void {
    this.owned.dispose();
    this.shared.clear();
    this.lastShared.clear();
  }

  /** Compares with what the store holds; conflicts are logged, identical nodes are skipped. */
  async reconcile(store: GraphStore, ownedColumn: string | null): Promise<void> {
    for (const ref of this.owned.refs()) this.shared.get(ref.label)?.delete(ref.id);
    const counts = (await store.counts()).nodes;
    const stored = (label: NodeLabel): boolean => (counts[label] ?? 0) > 0;

    const unchangedEntries: SeenRow[] = [];
    let batch: NodeRef[] = [];
    const lookUp = async (): Promise<void> => {
      for (const existing of await store.getNodes(batch)) {
        const entry = this.owned.find(existing.label, existing.id);
        if (!entry) continue;
        const content = canonicalProps(existing.props);
        const incoming = JSON.stringify(entry.node.props);
        if (content === incoming) {
          // A stored declaration line stays as it is; a stored registry entry gains new links.
          if (entry.node.label !== 'Shipment' && (entry.ends.length > 0 || this.spilled))
            unchangedEntries.push(entry);
          else this.owned.keepStored(entry, null);
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
      batch = [];
    };
    for (const ref of this.owned.refs()) {
      if (!stored(ref.label)) continue;
      batch.push(ref);
      if (batch.length >= LOOKUP_BATCH) await lookUp();
    }
    if (batch.length > 0) await lookUp();
    for (const entry of unchangedEntries) this.owned.keepStored(entry, await storedLinks(store, entry));

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

/** The links a stored registry entry already has, or null when too many to read back. */
async function storedLinks(store: GraphStore, entry: SeenRow): Promise<Set<string> | null> {
  const near = await store.neighbourhood({
    start: { label: entry.node.label, id: entry.node.id },
    hops: 1,
    labels: LINKED_LABELS,
    limit: LINKS_READ_LIMIT,
  });
  // Past the limit some links are unknown: writing them again is harmless (writes merge).
  if (near.truncated) return null;
  return new Set(near.rels.map((r) => r.id));
}
