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
import {
  checkNeighbourhoodQuery,
  compareStrings,
  expandNeighbourhood,
  missingNode,
  TRAVERSED_TYPES,
} from '../traversal.ts';
import type { TraversalSource } from '../traversal.ts';
import { query, type Query } from './cypher.ts';
import { decodeNodeProperties, decodeRel } from './encode.ts';
import type { CypherExecutor } from './executor.ts';

const TYPES = [...TRAVERSED_TYPES];

/** A line that opens the block of one hop (`// hop 2`); any other comment line ends it. */
const HOP_MARKER = /^\/\/ hop (\d+)$/;

/**
 * The query as sent for `hops`: the file's blocks for hops beyond it left out (each block is
 * guarded by `$hops >= N`, so they would do nothing), then its comment lines and indentation.
 * The driver sends the text with every call, in 1,400-byte chunks of one socket write each
 * (about 0.2 ms of CPU on a busy 2-core machine): 2 hops now go out in 2 writes, not 4.
 */
export function neighbourhoodText(fileText: string, hops: number): string {
  const kept: string[] = [];
  let block: number | null = null;
  for (const raw of fileText.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('//')) {
      const marker = HOP_MARKER.exec(line);
      block = marker ? Number(marker[1]) : null;
    } else if (line !== '' && (block === null || block <= hops)) {
      kept.push(line);
    }
  }
  return kept.join('\n');
}

const byHops = new Map<number, Query>();

function neighbourhoodQuery(hops: number): Query {
  let q = byHops.get(hops);
  if (!q) {
    const file = query('read/neighbourhood');
    byHops.set(hops, (q = { name: file.name, text: neighbourhoodText(file.text, hops) }));
  }
  return q;
}

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
  const [record] = await executor.read(neighbourhoodQuery(q.hops), {
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
