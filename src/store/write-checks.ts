// Checks every adapter applies to a WriteBatch before writing it, so a bad node or relationship
// is refused with the same `invalid` error whatever the store: labels and types from the closed
// enums, non-empty ids, scalar finite props, relationship ids as relId() derives them.
import { NodeLabel, nodeKey, relId, RelType } from '../model/index.ts';
import type { GraphNode, GraphRel } from '../model/index.ts';
import { StoreError } from './errors.ts';

const LABELS = new Set<string>(NodeLabel.options);
const TYPES = new Set<string>(RelType.options);

function invalid(message: string): StoreError {
  return new StoreError('invalid', message);
}

export function checkProps(what: string, props: Record<string, unknown>): void {
  for (const key in props) {
    const value = props[key];
    if (typeof value === 'number' ? !Number.isFinite(value) : value !== null && typeof value === 'object') {
      throw invalid(`${what}: property ${key} must be a string, a finite number, a boolean or null`);
    }
  }
}

export function checkNode(node: GraphNode): void {
  if (!LABELS.has(node.label)) throw invalid(`Node ${node.id}: unknown label ${String(node.label)}`);
  if (typeof node.id !== 'string' || node.id.length === 0) throw invalid(`A ${node.label} node has no id`);
  checkProps(`Node ${nodeKey(node)}`, node.props);
}

/** Returns the relationship's id, checked against relId(). */
export function checkRel(rel: GraphRel): string {
  if (!TYPES.has(rel.type)) throw invalid(`Relationship ${rel.id}: unknown type ${String(rel.type)}`);
  if (!LABELS.has(rel.from.label) || !LABELS.has(rel.to.label)) {
    throw invalid(`Relationship ${rel.id}: an end has an unknown label`);
  }
  const id = relId(rel.type, rel.from, rel.to);
  if (rel.id !== id) throw invalid(`Relationship ${rel.id}: its id must be ${id} (see relId)`);
  checkProps(`Relationship ${id}`, rel.props);
  return id;
}
