// What one input row becomes in the graph. "Owned" nodes carry the row's facts and conflict
// when the same id arrives with other content (declaration lines, registry entries); "shared"
// nodes are only created when absent (parties named by declarations, identifiers, directors).
import type { GraphNode, GraphRel, NodeRef, Props, RelType, SourceRef } from '../model/index.ts';
import { relId } from '../model/index.ts';

export interface RowGraph {
  owned: GraphNode;
  shared: GraphNode[];
  rels: GraphRel[];
}

export function node(ref: NodeRef, props: Props, source: SourceRef): GraphNode {
  return { label: ref.label, id: ref.id, props, source };
}

export function rel(type: RelType, from: NodeRef, to: NodeRef, props: Props = {}): GraphRel {
  return {
    id: relId(type, from, to),
    type,
    from: { label: from.label, id: from.id },
    to: { label: to.label, id: to.id },
    props,
  };
}

/** Copies the defined values only: an empty cell is unknown, not a value. */
export function definedProps(entries: Record<string, string | number | boolean | undefined>): Props {
  const props: Props = {};
  for (const key of Object.keys(entries)) {
    const value = entries[key];
    if (value !== undefined) props[key] = value;
  }
  return props;
}
