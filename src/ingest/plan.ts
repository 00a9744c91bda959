// What one file will write, decided before anything is written: owned nodes checked for
// conflicting duplicates within the file and against the store, shared nodes merged and
// created only where the store lacks them.
import type { GraphNode, NodeLabel, NodeRef, Props } from '../model/index.ts';
import { nodeKey } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { ProblemLog } from './problems.ts';
import type { RowGraph } from './row-graph.ts';

type OwnedByLabel = Map<string, OwnedEntry & { ref: NodeRef }>;

interface OwnedEntry {
  /** Canonical JSON of the props (keys sorted, unknowns absent). */
  content: string;
  row: number;
  /** new: to write (from `row`); stored: the store already holds the same content. */
  state: 'new' | 'stored';
}

const LOOKUP_BATCH = 500;

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

export class ImportPlan {
  /** Owned nodes by label, then id (lookups on the write path build no key strings). */
  private readonly owned = new Map<NodeLabel, OwnedByLabel>();
  private ownedTotal = 0;
  private readonly shared = new Map<string, GraphNode>();
  private readonly log: ProblemLog;

  constructor(log: ProblemLog) {
    this.log = log;
  }

  /** Adds one row; a conflicting duplicate within the file is logged against `row`. */
  add(row: number, graph: RowGraph, column: string | null): void {
    // Mappers build props with sorted keys and no unknowns, so their JSON is already canonical.
    const content = JSON.stringify(graph.owned.props);
    let byId = this.owned.get(graph.owned.label);
    if (!byId) this.owned.set(graph.owned.label, (byId = new Map() as OwnedByLabel));
    const seen = byId.get(graph.owned.id);
    if (seen) {
      if (seen.content !== content) {
        this.log.add(
          row,
          column,
          'conflicting_duplicate',
          `${describe(graph.owned)} already came at row ${seen.row} with other content (${differingKeys(seen.content, content)}); keep one version`,
        );
      }
    } else {
      byId.set(graph.owned.id, {
        ref: { label: graph.owned.label, id: graph.owned.id },
        content,
        row,
        state: 'new',
      });
      this.ownedTotal += 1;
    }
    for (const candidate of graph.shared) {
      const sharedKey = nodeKey(candidate);
      const known = this.shared.get(sharedKey);
      if (!known) {
        this.shared.set(sharedKey, candidate);
        continue;
      }
      // Later rows fill what earlier ones left unknown; the first value seen stays.
      for (const prop in candidate.props) {
        if (!(prop in known.props)) known.props[prop] = candidate.props[prop] ?? null;
      }
    }
  }

  /** True when the node of this row is to be written (its first occurrence, not yet stored). */
  writes(ref: NodeRef, row: number): boolean {
    const entry = this.owned.get(ref.label)?.get(ref.id);
    return entry !== undefined && entry.state === 'new' && entry.row === row;
  }

  /**
   * True when this file writes the node at a row after `row`: a relationship of `row` that
   * reaches it must wait until the node is written (registries name directors in any order).
   */
  writesAfter(ref: NodeRef, row: number): boolean {
    const entry = this.owned.get(ref.label)?.get(ref.id);
    return entry !== undefined && entry.state === 'new' && entry.row > row;
  }


  /** Shared nodes to create, once reconcile() has dropped those the file or store already has. */
  sharedNodes(): GraphNode[] {
    return [...this.shared.values()];
  }

  get ownedCount(): number {
    return this.ownedTotal;
  }

  private ownedEntries(): (OwnedEntry & { ref: NodeRef })[] {
    return [...this.owned.values()].flatMap((byId) => [...byId.values()]);
  }

  /** Compares with what the store holds; conflicts are logged, identical nodes are skipped. */
  async reconcile(store: GraphStore, ownedColumn: string | null): Promise<void> {
    for (const entry of this.ownedEntries()) this.shared.delete(nodeKey(entry.ref));
    const counts = (await store.counts()).nodes;
    const stored = (label: NodeLabel): boolean => (counts[label] ?? 0) > 0;

    const owned = this.ownedEntries().filter((e) => stored(e.ref.label));
    for (let i = 0; i < owned.length; i += LOOKUP_BATCH) {
      const batch = owned.slice(i, i + LOOKUP_BATCH);
      for (const existing of await store.getNodes(batch.map((e) => e.ref))) {
        const entry = this.owned.get(existing.label)?.get(existing.id);
        if (!entry) continue;
        const content = canonicalProps(existing.props);
        if (content === entry.content) {
          entry.state = 'stored';
        } else if (existing.props.inRegistry !== false) {
          // A party created from declarations is completed by its registry entry, not in conflict.
          this.log.add(
            entry.row,
            ownedColumn,
            'conflicting_duplicate',
            `${describe(entry.ref)} is already in the store with other content (${differingKeys(content, entry.content)}); correct the file or the earlier import`,
          );
        }
      }
    }

    const shared = [...this.shared.values()].filter((n) => stored(n.label));
    for (let i = 0; i < shared.length; i += LOOKUP_BATCH) {
      const batch = shared.slice(i, i + LOOKUP_BATCH);
      for (const existing of await store.getNodes(batch.map((n) => ({ label: n.label, id: n.id })))) {
        this.shared.delete(nodeKey(existing));
      }
    }
  }
}
