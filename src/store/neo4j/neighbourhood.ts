// Neighbourhoods on Neo4j in one round trip (cypher/read/neighbourhood.cypher): the expansion
// runs inside the database, so a hub's thousands of relationships never cross the wire. Same
// answers as the shared traversal (../traversal.ts) the embedded store uses; the comparison
// test on a seeded world holds both to that.
//
// Cypher orders strings by code point, JavaScript (and the pinned semantics) by UTF-16 code
// unit: the two differ only between a character above U+FFFF and one from U+E000 to U+FFFF.
// Wherever the orders would pick different nodes at the limit, a node the query kept has a key
// with a code unit from U+D800 up; such (rare) answers are recomputed by the shared traversal.
import neo4j from 'neo4j-driver';
import { nodeKey } from '../../model/index.ts';
import type { RelType, Subgraph } from '../../model/index.ts';
import type { NeighbourhoodQuery } from '../graph-store.ts';
import { checkNeighbourhoodQuery, compareStrings, expandNeighbourhood, missingNode, TRAVERSED_TYPES } from '../traversal.ts';
import type { TraversalSource } from '../traversal.ts';
import { query, type Query } from './cypher.ts';
import { decodeNodeProperties, decodeRel } from './encode.ts';
import type { CypherExecutor } from './executor.ts';

const TYPES = [...TRAVERSED_TYPES];

/**
 * The query without its comment lines and indentation (3.7 KB instead of 4.9): the driver sends
 * the text with every call, in 1,400-byte chunks of one socket write each. The file has no
 * string literal spanning lines, so dropping whole `//` lines cannot change what it says.
 */
export function compactCypher(q: Query): Query {
  const lines = q.text.split('\n').map((line) => line.trim());
  return { name: q.name, text: lines.filter((line) => line !== '' && !line.startsWith('//')).join('\n') };
}

let compacted: Query | null = null;

/** [from key, type, to key, stored properties], as the query returns each relationship. */
type RelRow = [string, RelType, string, Record<string, unknown>];

/** A code unit at which code-point order and UTF-16 order can disagree. */
const ORDER_SENSITIVE = /[\uD800-\uFFFF]/;

export async function neighbourhood(
  executor: CypherExecutor,
  perHop: TraversalSource,
  q: NeighbourhoodQuery,
): Promise<Subgraph> {
  checkNeighbourhoodQuery(q);
  compacted ??= compactCypher(query('read/neighbourhood'));
  const [record] = await executor.read(compacted, {
    key: nodeKey(q.start),
    hops: neo4j.int(q.hops),
    cut: neo4j.int(q.limit + 1),
    types: TYPES,
    labels: q.labels ?? null,
    dateFrom: q.dateFrom ?? null,
    dateTo: q.dateTo ?? null,
    hsPrefix: q.hsPrefix ?? null,
    shipmentFilter: q.dateFrom !== undefined || q.dateTo !== undefined || q.hsPrefix !== undefined,
  });
  if (!record) throw missingNode(q.start);
  const nodes = (record.get('nodes') as Record<string, unknown>[]).map(decodeNodeProperties);
  if (nodes.some((n) => ORDER_SENSITIVE.test(nodeKey(n)))) return expandNeighbourhood(perHop, q);
  const rels = (record.get('rels') as RelRow[])
    .map(([from, type, to, props]) => decodeRel(from, type, to, props))
    .sort((a, b) => compareStrings(a.id, b.id));
  return { nodes, rels, truncated: record.get('truncated') === true };
}
