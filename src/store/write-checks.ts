// Checks every adapter applies to a WriteBatch before writing it, so a bad node or relationship
// is refused with the same `invalid` error whatever the store: labels and types from the closed
// enums, non-empty ids, scalar finite props, relationship ids as relId() derives them.
import { NodeLabel, isResolutionRelType, nodeKey, relId, RelType } from '../model/index.ts';
import type { GraphNode, GraphRel, NodeRef } from '../model/index.ts';
import { StoreError } from './errors.ts';

const LABELS = new Set<string>(NodeLabel.options);
// Resolution links are written through writeResolveCandidates, never by an import.
const TYPES = new Set<string>(RelType.options.filter((t) => !isResolutionRelType(t)));

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

const PIPE = '|'.charCodeAt(0);
const COLON = ':'.charCodeAt(0);

/** Whether `piece` is in `id` at `at`, followed by `separator` (a char code) unless it ends id. */
function pieceAt(id: string, at: number, piece: string, separator: number): boolean {
  return id.startsWith(piece, at) && (separator < 0 || id.charCodeAt(at + piece.length) === separator);
}

/**
 * Whether id equals relId(type, from, to), `type|Label:id|Label:id`, compared piece by piece in
 * place: an import checks millions of relationships, and building each expected id costs more
 * than the comparison.
 */
function isRelId(id: string, type: string, from: NodeRef, to: NodeRef): boolean {
  if (id.length !== type.length + from.label.length + from.id.length + to.label.length + to.id.length + 4) {
    return false;
  }
  let at = 0;
  if (!pieceAt(id, at, type, PIPE)) return false;
  at += type.length + 1;
  if (!pieceAt(id, at, from.label, COLON)) return false;
  at += from.label.length + 1;
  if (!pieceAt(id, at, from.id, PIPE)) return false;
  at += from.id.length + 1;
  if (!pieceAt(id, at, to.label, COLON)) return false;
  at += to.label.length + 1;
  return pieceAt(id, at, to.id, -1);
}

/** Returns the relationship's id, checked against relId(). */
export function checkRel(rel: GraphRel): string {
  if (!TYPES.has(rel.type))
    throw invalid(
      `Relationship ${rel.id}: unknown type ${String(rel.type)} (resolution links are written by ringscope resolve --write)`,
    );
  if (!LABELS.has(rel.from.label) || !LABELS.has(rel.to.label)) {
    throw invalid(`Relationship ${rel.id}: an end has an unknown label`);
  }
  if (typeof rel.from.id !== 'string' || typeof rel.to.id !== 'string') {
    throw invalid(`Relationship ${String(rel.id)}: an end has no id`);
  }
  if (typeof rel.id !== 'string' || !isRelId(rel.id, rel.type, rel.from, rel.to)) {
    throw invalid(
      `Relationship ${String(rel.id)}: its id must be ${relId(rel.type, rel.from, rel.to)} (see relId)`,
    );
  }
  checkProps(`Relationship ${rel.id}`, rel.props);
  return rel.id;
}
