// What one input row becomes in the graph. The "owned" node carries the row's facts and
// conflicts when the same id arrives with other content (declaration lines, registry entries);
// the row's "ends" are the nodes it links to, only created when absent (parties named by
// declarations, identifiers, directors). Which relationship joins the owned node to an end
// follows from the two labels, so a row keeps its ends, not its relationships.
import {
  type GraphNode,
  type GraphRel,
  IDENTIFIER_REL,
  type IdentifierLabel,
  type NodeLabel,
  type NodeRef,
  type Props,
  type RelType,
  type SourceRef,
  relId,
  SHIPMENT_REL,
  type BusinessLabel,
} from '../model/index.ts';

export interface OwnedNode {
  label: NodeLabel;
  id: string;
  /** Keys in alphabetical order and no unknowns: their JSON is the node's canonical content. */
  props: Props;
}

export interface RowGraph {
  owned: OwnedNode;
  /** Nodes the row links to (their source's file is filled in when written). */
  ends: GraphNode[];
}

export function node(ref: NodeRef, props: Props, source: SourceRef): GraphNode {
  return { label: ref.label, id: ref.id, props, source };
}

export function rel(type: RelType, from: NodeRef, to: NodeRef): GraphRel {
  return {
    id: relId(type, from, to),
    type,
    from: { label: from.label, id: from.id },
    to: { label: to.label, id: to.id },
    props: {},
  };
}

const isIdentifier = (label: NodeLabel): label is IdentifierLabel => label in IDENTIFIER_REL;
const isBusiness = (label: NodeLabel): label is BusinessLabel => label in SHIPMENT_REL;

/**
 * The relationship between a row's owned node and one of its ends: a declaration line to its
 * parties, a registry entry to its identifiers, a director to the firm.
 */
export function link(owned: NodeRef, end: NodeRef): GraphRel {
  if (owned.label === 'Shipment' && isBusiness(end.label)) return rel(SHIPMENT_REL[end.label], owned, end);
  if (isIdentifier(end.label)) return rel(IDENTIFIER_REL[end.label], owned, end);
  if (end.label === 'Person') return rel('DIRECTS', end, owned);
  throw new Error(`no relationship joins ${owned.label} to ${end.label}`);
}

/** Copies the defined values only: an empty cell is unknown, not a value. */
export function definedProps(entries: Record<string, string | number | boolean | undefined>): Props {
  const props: Props = {};
  for (const key in entries) {
    const value = entries[key];
    if (value !== undefined) props[key] = value;
  }
  return props;
}
