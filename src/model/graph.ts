// Nodes and relationships as every layer sees them, whatever the store. Ids are strings
// everywhere: customs ids overflow 2^53 and keep leading zeros.
import { z } from 'zod';
import { NodeLabel, RelType } from './labels.ts';

export const NodeId = z.string().min(1).max(512);

export const NodeRef = z.object({ label: NodeLabel, id: NodeId }).strict();
export type NodeRef = z.infer<typeof NodeRef>;

export const PropValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type PropValue = z.infer<typeof PropValue>;
export type Props = Record<string, PropValue>;

/** Where a fact came from: the SHA-256 of the input file and the 1-based data row. */
export const SourceRef = z.object({ file: z.string(), row: z.number().int().nonnegative() }).strict();
export type SourceRef = z.infer<typeof SourceRef>;

export const GraphNode = NodeRef.extend({
  props: z.record(z.string(), PropValue),
  source: SourceRef.nullable(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphRel = z
  .object({
    id: z.string(),
    type: RelType,
    from: NodeRef,
    to: NodeRef,
    props: z.record(z.string(), PropValue),
  })
  .strict();
export type GraphRel = z.infer<typeof GraphRel>;

/** The one key of a node across the stores, the API and the explorer: `Label:id`. */
export function nodeKey(ref: NodeRef): string {
  return `${ref.label}:${ref.id}`;
}

export function parseNodeKey(key: string): NodeRef {
  const colon = key.indexOf(':');
  const label = NodeLabel.safeParse(key.slice(0, colon));
  if (colon < 1 || !label.success || colon === key.length - 1) {
    throw new Error(`Not a node key: ${JSON.stringify(key)} (expected Label:id, e.g. Importer:IM-0042)`);
  }
  return { label: label.data, id: key.slice(colon + 1) };
}

/** Relationship ids are derived, so both stores and every re-import give the same id. */
export function relId(type: RelType, from: NodeRef, to: NodeRef): string {
  return `${type}|${nodeKey(from)}|${nodeKey(to)}`;
}

/** Shipment node id of one declaration line. */
export function shipmentId(declarationId: string, line: number): string {
  return `${declarationId}/${line}`;
}

export interface Subgraph {
  nodes: GraphNode[];
  rels: GraphRel[];
  /** True when the limit cut the result: there is more to expand. */
  truncated: boolean;
}

export interface GraphPath {
  nodes: GraphNode[];
  rels: GraphRel[];
}
