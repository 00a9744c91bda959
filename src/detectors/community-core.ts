// The core of a Louvain community: the parties a ring report should name. Louvain puts every
// party somewhere, so a community also holds lawful firms that merely trade with the same
// forwarder or supplier, or share a business-centre seat. The core keeps the importers that show
// a fraud signal of their own, the importers tied to them by a specific identity (a phone, an
// account, a director, not a seat shared by dozens), the people tied to two of those, and the
// brokers, suppliers and consignees that work mostly for them. A seat or director most of whose
// firms are established (a business centre, a family group: lawful-seats.ts) ties no one either.
import { IDENTITY_LINKS, type DetectionView, type Link } from '../graph/view.ts';
import type { NodeRef } from '../model/index.ts';
import { isBusinessKey, labelOfKey } from './keys.ts';
import { isLawfulSeat } from './lawful-seats.ts';
import { adjacency } from './adjacency.ts';

const IDENTITY: ReadonlySet<string> = new Set(IDENTITY_LINKS);

export interface CoreOptions {
  /** Identifiers held by more parties than this tie no one into the core. */
  maxCoreHolders: number;
  /** Share of a broker's, supplier's or consignee's lines that must be with core importers. */
  minPartnerShare: number;
  /** A firm registered more than this many days before the data starts is established. */
  establishedDays: number;
  /** A seat or director ties no one when more than this share of its firms are established. */
  maxEstablishedShare: number;
}

/**
 * Which identity links between two parties are specific: not through an identifier held by
 * more than `maxCoreHolders` parties, nor through a seat or director of established firms.
 * Answers are kept per identifier and per person.
 */
export function specificLinks(
  view: DetectionView,
  o: CoreOptions,
): (link: Link, a: string, b: string) => boolean {
  const lawful = new Map<string, boolean>();
  const byIdentifier = new Map<NodeRef, boolean>();
  const seat = (key: string, firms: () => string[]): boolean => {
    let answer = lawful.get(key);
    if (answer === undefined) lawful.set(key, (answer = isLawfulSeat(view, firms(), o)));
    return answer;
  };
  const adj = adjacency(view);
  const directed = (person: string): string[] => {
    const p = adj.index.get(person)!;
    const firms: string[] = [];
    for (let e = adj.start[p]!; e < adj.start[p + 1]!; e++) {
      const firm = adj.keys[adj.neighbour[e]!]!;
      if (isBusinessKey(firm) && adj.edge[e]!.links.some((l) => l.kind === 'director')) firms.push(firm);
    }
    return firms;
  };
  return (link, a, b) => {
    if (!IDENTITY.has(link.kind)) return false;
    if (link.via === null) {
      const person = labelOfKey(a) === 'Person' ? a : labelOfKey(b) === 'Person' ? b : null;
      return link.kind !== 'director' || person === null || !seat(person, () => directed(person));
    }
    // An identifier's links share its ref: the answer is kept per ref, without building its key.
    let answer = byIdentifier.get(link.via);
    if (answer === undefined) {
      const key = `${link.via.label}:${link.via.id}`;
      const holders = view.identifiers.get(key)?.holders ?? [];
      answer =
        holders.length <= o.maxCoreHolders &&
        !seat(key, () => holders.map((h) => h.key).filter(isBusinessKey));
      byIdentifier.set(link.via, answer);
    }
    return answer;
  };
}

/**
 * Core members of `keys` (kept in their order); `flagged` says which importers show a signal.
 * `specific` (from specificLinks with the same options) keeps its answers across communities.
 */
export function communityCore(
  view: DetectionView,
  keys: readonly string[],
  flagged: (key: string) => boolean,
  o: CoreOptions,
  specific = specificLinks(view, o),
): string[] {
  const adj = adjacency(view);
  const members = new Set(keys);
  const neighbours = new Map<string, string[]>();
  const identityNeighbours = (key: string): string[] => {
    let out = neighbours.get(key);
    if (out) return out;
    out = [];
    const p = adj.index.get(key);
    if (p !== undefined) {
      for (let e = adj.start[p]!; e < adj.start[p + 1]!; e++) {
        const other = adj.keys[adj.neighbour[e]!]!;
        if (members.has(other) && adj.edge[e]!.links.some((l) => specific(l, key, other))) out.push(other);
      }
    }
    neighbours.set(key, out);
    return out;
  };
  const isImporter = (key: string): boolean => key.startsWith('Importer:');
  const flaggedImporter = (key: string): boolean => isImporter(key) && flagged(key);

  const core = new Set<string>();
  for (const key of keys) {
    if (!isImporter(key)) continue;
    const tied =
      flagged(key) ||
      identityNeighbours(key).some(
        (n) =>
          flaggedImporter(n) ||
          (n.startsWith('Person:') && identityNeighbours(n).some((m) => m !== key && flaggedImporter(m))),
      );
    if (tied) core.add(key);
  }
  const importers = new Set(core);
  for (const key of keys) {
    const label = labelOfKey(key);
    if (label === 'Importer') continue;
    if (label === 'Person') {
      if (identityNeighbours(key).filter((n) => core.has(n)).length >= 2) core.add(key);
      continue;
    }
    const total = view.trade.get(key)?.lines ?? 0;
    const p = adj.index.get(key);
    if (total === 0 || p === undefined) continue;
    let clients = 0;
    let lines = 0;
    for (let e = adj.start[p]!; e < adj.start[p + 1]!; e++) {
      if (!importers.has(adj.keys[adj.neighbour[e]!]!)) continue;
      clients += 1;
      for (const l of adj.edge[e]!.links) lines += l.lines ?? 0;
    }
    if (clients >= 2 && lines / total >= o.minPartnerShare) core.add(key);
  }
  return keys.filter((k) => core.has(k));
}
