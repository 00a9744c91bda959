// How Ringscope nodes and relationships sit in Neo4j, and back. A node is (:Node:<Label>
// {key: 'Label:id', id, ...props}) with bookkeeping in `_`-prefixed properties (`_sourceFile`,
// `_sourceRow`, `_nameKey`, and `_import`, the import that created it; a relationship carries
// `_import` only when neither end is new in that import, see imports.ts). A prop named `id` or
// `key`, or starting with `_`, is stored with one more `_` in front, so it can never overwrite
// the bookkeeping. Nulls are not stored (null = unknown, as in the embedded store). Integers
// come back as JS numbers (driver `disableLosslessIntegers`).
//
// A node an import creates keeps as real properties only the props Cypher reads (QUERIED_PROPS:
// search, filters, ordering, full-text) and the rest as one JSON string `_props`: each property
// costs Neo4j a record block, a transaction-state entry and a log entry, and a declaration line
// has twenty (measured: 50,000 nodes with 20 properties cost Neo4j 2.2 CPU-s, with one JSON
// property 0.7). Props written later to an existing node are real properties, which win over
// `_props` when read back: an upsert replaces a stored value, so the later write is the newer.
import neo4j from 'neo4j-driver';
import type { Node as Neo4jNode } from 'neo4j-driver';
import { isIdentifierLabel, nameSearchKey, nodeKey, parseNodeKey, relId } from '../../model/index.ts';
import type { GraphNode, GraphRel, Props, PropValue, RelType } from '../../model/index.ts';

const PACKED = '_props';
const BOOKKEEPING = new Set(['key', 'id', '_sourceFile', '_sourceRow', '_nameKey', '_import', PACKED]);

/**
 * Props Cypher reads by name (cypher/read, cypher/stream, the full-text index): always real
 * properties. Their order is the column order of write/create-nodes.
 */
export const QUERIED_PROPS = ['name', 'value', 'date', 'hsCode', 'declarationId', 'line'] as const;
const QUERIED = new Set<string>(QUERIED_PROPS);
const REL_BOOKKEEPING = new Set(['_import']);

function storedKey(key: string): string {
  return key === 'id' || key === 'key' || key.startsWith('_') ? `_${key}` : key;
}

function propKey(stored: string): string {
  return stored.startsWith('_') ? stored.slice(1) : stored;
}

/** A prop value as sent to Neo4j: whole numbers as Neo4j integers, unknown as null. */
function encodeValue(value: PropValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

/** Props as sent to Neo4j: nulls dropped, keys escaped, whole numbers as Neo4j integers. */
export function encodeProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in props) {
    const value = props[key];
    if (value === null || value === undefined) continue;
    out[storedKey(key)] = encodeValue(value);
  }
  return out;
}

/** The lower-case name search reads (`_nameKey`); identifiers are found by value, not name. */
function nameKeyOf(node: GraphNode): string | null {
  const name = node.props.name;
  return typeof name === 'string' && !isIdentifierLabel(node.label) ? nameSearchKey(name) : null;
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
  return {
    key: nodeKey(node),
    id: node.id,
    sourceFile: node.source?.file ?? null,
    sourceRow: node.source ? neo4j.int(node.source.row) : null,
    nameKey: nameKeyOf(node),
    props: encodeProps(node.props),
  };
}

/** Separates the fields of a row of write/create-nodes: the ASCII unit separator. */
export const FIELD_SEPARATOR = '\u001f';

/** A text field of a create row: a string that is neither empty (empty means null) nor holds the separator. */
const isField = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && !value.includes(FIELD_SEPARATOR);

/**
 * A node new to the graph as a row of write/create-nodes: one string, its fields joined by
 * FIELD_SEPARATOR, an empty field for null: key, source file (its index in `files`: a file's
 * 64-character hash is sent once per statement, not once per row), source row, nameKey, packed
 * props (JSON, which escapes every control character), the QUERIED_PROPS, and last a (type
 * index, far end index) pair per relationship the node starts. The id is not sent: Neo4j cuts it
 * from the key. One string rather than a list of twenty-odd values: the driver checks every value
 * it sends for temporal and spatial types (half of its encoding time, measured) and Neo4j decodes
 * each one.
 *
 * Null when the node cannot travel so: a text that is empty or holds the separator, a queried
 * prop that is not a string (`line`: not a whole number). Such a node is written with MERGE.
 * `endIndex` gives a far end's index; it is called only for a node that travels so.
 */
export function createRow(
  node: GraphNode,
  files: string[],
  rels: readonly (readonly [typeIndex: number, farEnd: string])[],
  endIndex: (key: string) => number,
): string | null {
  const key = nodeKey(node);
  const nameKey = nameKeyOf(node);
  if (!isField(key) || (nameKey !== null && !isField(nameKey))) return null;
  const fields: (string | number)[] = [key, '', node.source ? node.source.row : '', nameKey ?? '', ''];
  for (const prop of QUERIED_PROPS) {
    const value = node.props[prop];
    if (value === null || value === undefined) fields.push('');
    else if (prop === 'line' ? Number.isSafeInteger(value) : isField(value))
      fields.push(value as string | number);
    else return null;
  }
  const packed: Props = {};
  let packedAny = false;
  for (const prop in node.props) {
    const value = node.props[prop];
    if (value === null || value === undefined || QUERIED.has(prop)) continue;
    packed[prop] = value;
    packedAny = true;
  }
  if (packedAny) fields[4] = JSON.stringify(packed);
  if (node.source) {
    const index = files.indexOf(node.source.file);
    fields[1] = index >= 0 ? index : files.push(node.source.file) - 1;
  }
  for (const [typeIndex, farEnd] of rels) fields.push(typeIndex, endIndex(farEnd));
  return fields.join(FIELD_SEPARATOR);
}

function unpack(packed: unknown): Props {
  return typeof packed === 'string' ? (JSON.parse(packed) as Props) : {};
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
    props: { ...unpack(p[PACKED]), ...decodeProps(p, BOOKKEEPING) },
    source: typeof file === 'string' ? { file, row: Number(p._sourceRow ?? 0) } : null,
  };
}

/** A relationship from its ends' keys, its type and its stored properties. */
export function decodeRel(
  from: string,
  type: RelType,
  to: string,
  properties: Record<string, unknown>,
): GraphRel {
  const fromRef = parseNodeKey(from);
  const toRef = parseNodeKey(to);
  return {
    id: relId(type, fromRef, toRef),
    type,
    from: fromRef,
    to: toRef,
    props: decodeProps(properties, REL_BOOKKEEPING),
  };
}
