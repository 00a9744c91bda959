// Components of the parties tied by shared identifiers (an address, phone, e-mail or account
// held by 2 … maxIdentifierHolders parties), computed here on the view: what Graph Data Science's
// WCC over the IDENTIFIER links gives inside Neo4j, so the two can be checked against each other.
import { PROJECTION_DEFAULTS } from './projection.ts';
import { UnionFind } from './union-find.ts';
import type { DetectionView } from './view.ts';

/** Every party's component as its members, sorted; parties tied to no one are groups of one. */
export function identifierComponents(
  view: DetectionView,
  maxIdentifierHolders = PROJECTION_DEFAULTS.maxIdentifierHolders,
): string[][] {
  const sets = new UnionFind();
  view.graph.forEachNode((key) => sets.find(key));
  for (const identifier of view.identifiers.values()) {
    const { holders } = identifier;
    if (holders.length > maxIdentifierHolders) continue;
    for (const holder of holders.slice(1)) sets.union(holders[0]!.key, holder.key);
  }
  return sets.groups();
}

/** A key → group-id assignment as sorted member lists, ordered by first member: comparable groups. */
export function groupsOf(assignment: ReadonlyMap<string, number>): string[][] {
  const byId = new Map<number, string[]>();
  for (const [key, id] of assignment) (byId.get(id) ?? byId.set(id, []).get(id)!).push(key);
  return [...byId.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
