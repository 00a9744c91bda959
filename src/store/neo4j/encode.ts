// How Ringscope nodes and relationships sit in Neo4j, and back. A node is (:Node:<Label>
// {key: 'Label:id', id, ...props}) with bookkeeping in `_`-prefixed properties (`_sourceFile`,
// `_sourceRow`, `_nameKey`, and `_import`, the import that created it, on relationships too). Props are real properties, so investigators can browse them in
// Neo4j tools; a prop named `id` or `key`, or starting with `_`, is stored with one more `_` in
// front, so it can never overwrite the bookkeeping. Nulls are not stored (null = unknown, as
// in the embedded store). Integers come back as JS numbers (driver `disableLosslessIntegers`).
import neo4j from 'neo4j-driver';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { isIdentifierLabel, nameSearchKey, nodeKey, parseNodeKey, relId } from '../../model/index.ts';
import type { GraphNode, GraphRel, Props, PropValue, RelType } from '../../model/index.ts';

const BOOKKEEPING = new Set(['key', 'id', '_sourceFile', '_sourceRow', '_nameKey', '_import']);
const REL_BOOKKEEPING = new Set(['_import']);

function storedKey(key: string): string {
  return key === 'id' || key === 'key' || key.startsWith('_') ? `_${key}` : key;
}

function propKey(stored: string): string {
  return stored.startsWith('_') ? stored.slice(1) : stored;
}

/** Props as sent to Neo4j: nulls dropped, keys escaped, whole numbers as Neo4j integers. */
export function encodeProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in props) {
    const value = props[key];
    if (value === null || value === undefined) continue;
    out[storedKey(key)] = typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  return out;
}

export function decodeProps(properties: Record<string, unknown>, bookkeeping: ReadonlySet<string>): Props {
  const props: Props = {};
  for (const stored in properties) {
    if (bookkeeping.has(stored)) continue;
    props[propKey(stored)] = properties[stored] as PropValue;
  }
  return props;
}

export interface NodeRow {
  key: string;
  id: string;
  sourceFile: string | null;
  sourceRow: unknown;
  nameKey: string | null;
  props: Record<string, unknown>;
}

export function nodeRow(node: GraphNode): NodeRow {
  const name = node.props.name;
  return {
    key: nodeKey(node),
    id: node.id,
    sourceFile: node.source?.file ?? null,
    sourceRow: node.source ? neo4j.int(node.source.row) : null,
    nameKey: typeof name === 'string' && !isIdentifierLabel(node.label) ? nameSearchKey(name) : null,
    props: encodeProps(node.props),
  };
}

export function decodeNode(node: Neo4jNode): GraphNode {
  return decodeNodeProperties(node.properties);
}

/** A node from its stored properties alone (`properties(n)`: no element id or labels on the wire). */
export function decodeNodeProperties(p: Record<string, unknown>): GraphNode {
  const ref = parseNodeKey(String(p.key));
  const file = p._sourceFile;
  return {
    label: ref.label,
    id: ref.id,
    props: decodeProps(p, BOOKKEEPING),
    source: typeof file === 'string' ? { file, row: Number(p._sourceRow ?? 0) } : null,
  };
}

/** A relationship from its ends' keys, its type and its stored properties. */
export function decodeRel(from: string, type: RelType, to: string, properties: Record<string, unknown>): GraphRel {
  const fromRef = parseNodeKey(from);
  const toRef = parseNodeKey(to);
  return { id: relId(type, fromRef, toRef), type, from: fromRef, to: toRef, props: decodeProps(properties, REL_BOOKKEEPING) };
}
