// How search hits are merged and ranked, whatever the store found them with: a node found
// several ways keeps its best match; hits sort by match kind (id, declaration, identifier,
// name), then name hits by their lower-case name, then by node key; the first `limit` remain.
import { nameSearchKey, nodeKey } from '../model/index.ts';
import type { GraphNode } from '../model/index.ts';
import { StoreError } from './errors.ts';
import type { SearchHit } from './graph-store.ts';
import { compareStrings } from './traversal.ts';

export const MAX_SEARCH_LIMIT = 1000;
const RANK: Record<SearchHit['match'], number> = { id: 0, declaration: 1, identifier: 2, name: 3 };

export function checkSearchLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new StoreError(
      'invalid',
      `search limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT} (got ${limit})`,
    );
  }
}

interface Ranked {
  hit: SearchHit;
  key: string;
  name: string;
}

export class SearchRanking {
  private readonly ranked = new Map<string, Ranked>();

  get size(): number {
    return this.ranked.size;
  }

  add(node: GraphNode, match: SearchHit['match']): void {
    const key = nodeKey(node);
    const known = this.ranked.get(key);
    if (known && RANK[known.hit.match] <= RANK[match]) return;
    const name =
      match === 'name' && typeof node.props.name === 'string' ? nameSearchKey(node.props.name) : '';
    this.ranked.set(key, { hit: { node, match }, key, name });
  }

  top(limit: number): SearchHit[] {
    return [...this.ranked.values()]
      .sort(
        (a, b) =>
          RANK[a.hit.match] - RANK[b.hit.match] ||
          compareStrings(a.name, b.name) ||
          compareStrings(a.key, b.key),
      )
      .slice(0, limit)
      .map((r) => r.hit);
  }
}
