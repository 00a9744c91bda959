// A node's neighbours one page at a time, so that a hub of any size can be walked: the direct
// neighbours over the traversed relationship types (see traversal.ts), optionally of some labels
// only, in node-key order, those after the cursor (a node key), at most `limit`, with the
// relationships joining each to the start and the count of all of them. Written once over the
// adapters' TraversalSource, as neighbourhood and paths are.
import { nodeKey } from '../model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, NodeRef } from '../model/index.ts';
import { StoreError } from './errors.ts';
import { compareStrings, missingNode, type Incidence, type TraversalSource } from './traversal.ts';

export const MAX_NEIGHBOUR_PAGE = 2000;

export interface NeighbourPageQuery {
  start: NodeRef;
  labels?: NodeLabel[] | undefined;
  /** Neighbours whose node key sorts after this one (the last key of the previous page). */
  after?: string | undefined;
  /** 1 to MAX_NEIGHBOUR_PAGE. */
  limit: number;
}

export interface NeighbourPage {
  start: GraphNode;
  /** The page's neighbours in node-key order. */
  nodes: GraphNode[];
  /** The relationships between the start and the page's neighbours, by id. */
  rels: GraphRel[];
  /** Neighbours of the asked labels in all pages. */
  total: number;
  /** The key to pass as `after` for the next page; null on the last one. */
  next: string | null;
}

export async function neighbourPage(
  source: TraversalSource,
  query: NeighbourPageQuery,
): Promise<NeighbourPage> {
  const { limit } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEIGHBOUR_PAGE) {
    throw new StoreError(
      'invalid',
      `limit must be a whole number from 1 to ${MAX_NEIGHBOUR_PAGE} (got ${limit})`,
    );
  }
  const [start] = await source.getNodes([query.start]);
  if (!start) throw missingNode(query.start);
  const incident = (await source.incident([start])).get(nodeKey(start)) ?? [];
  const byKey = new Map<string, Incidence[]>();
  for (const inc of incident) {
    if (query.labels && !query.labels.includes(inc.other.label)) continue;
    const key = nodeKey(inc.other);
    if (key === nodeKey(start)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), inc]);
  }
  const keys = [...byKey.keys()].sort(compareStrings);
  const after = query.after;
  const from = after === undefined ? 0 : keys.findIndex((k) => compareStrings(k, after) > 0);
  const pageKeys = from < 0 ? [] : keys.slice(from, from + limit);
  const refs = pageKeys.map((k) => byKey.get(k)![0]!.other);
  const found = new Map((await source.getNodes(refs)).map((n) => [nodeKey(n), n]));
  const nodes = pageKeys.flatMap((k) => found.get(k) ?? []);
  const rels = (await source.getRels(pageKeys.flatMap((k) => byKey.get(k) ?? []))).sort((a, b) =>
    compareStrings(a.id, b.id),
  );
  const more = from >= 0 && from + limit < keys.length;
  return { start, nodes, rels, total: keys.length, next: more ? (pageKeys.at(-1) ?? null) : null };
}
