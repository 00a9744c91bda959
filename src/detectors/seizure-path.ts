// Seizure paths for leads: for every party, the shortest chain of links to a party whose goods
// were seized, and its wording ("IM-7 buys from SU-2, which supplies IM-9, whose goods were
// seized"). One breadth-first search from all seized parties at once, neighbours in key order,
// so the path is stable.
import { compareKeys, type DetectionView } from '../graph/view.ts';
import type { Lead, LeadStep } from '../model/index.ts';
import { adjacency } from './adjacency.ts';
import { ref } from './candidate.ts';

const UNSEEN = -2;
const ROOT = -1;

/** Identity links in plain words, the same both ways. */
const SHARED: Record<string, string> = {
  address: 'shares an address with',
  phone: 'shares a phone with',
  email: 'shares an e-mail with',
  bank_account: 'shares a bank account with',
  succession: 'succeeds or is succeeded by',
};

/** Links between a firm and a person or trade partner, worded from the firm's side or the other's. */
const DIRECTED: Record<string, [fromFirm: string, toFirm: string]> = {
  director: ['is directed by', 'directs'],
  broker: ['files through', 'files for'],
  consignee: ['ships to', 'receives from'],
  supplier: ['buys from', 'supplies'],
};

/** "buys from", "shares an address with": how `from` relates to `to` by a link of `kind`. */
export function linkWords(kind: string, from: LeadStep['from'], to: LeadStep['to']): string {
  const directed = DIRECTED[kind];
  if (!directed) return SHARED[kind] ?? `is linked (${kind}) to`;
  if (kind === 'director' && from.label !== 'Person' && to.label !== 'Person')
    return 'shares a director with';
  return from.label === 'Importer'
    ? directed[0]
    : to.label === 'Importer'
      ? directed[1]
      : `is linked (${kind}) to`;
}

export interface SeizurePaths {
  /** Party → … → seized party as steps with their link kinds; [] for a seized party or none in reach. */
  pathOf(key: string): LeadStep[];
  /** The keys along the path, the party first; [key] when none. */
  keysOf(key: string): string[];
  /** Relationship ids behind the path's links. */
  relsOf(key: string): string[];
}

/** Shortest paths to the nearest seized party, at most `maxHops` links long. */
export function seizurePaths(view: DetectionView, seized: Iterable<string>, maxHops: number): SeizurePaths {
  const { graph } = view;
  const adj = adjacency(view);
  const { keys } = adj;
  /** Each party's next step toward a seizure: a party index, ROOT when seized, UNSEEN out of reach. */
  const toward = new Int32Array(keys.length).fill(UNSEEN);
  const byKey = (a: number, b: number): number => compareKeys(keys[a]!, keys[b]!);
  let frontier: number[] = [];
  for (const k of seized) {
    const p = adj.index.get(k);
    if (p !== undefined && toward[p] === UNSEEN) frontier.push(p);
    if (p !== undefined) toward[p] = ROOT;
  }
  frontier.sort(byKey);
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop += 1) {
    const next: number[] = [];
    // The frontier is in key order, so a party's step is its smallest-key neighbour one hop
    // nearer; the order of a node's own neighbours changes nothing (`next` is sorted).
    for (const from of frontier) {
      for (let e = adj.start[from]!; e < adj.start[from + 1]!; e++) {
        const to = adj.neighbour[e]!;
        if (toward[to] !== UNSEEN) continue;
        toward[to] = from;
        next.push(to);
      }
    }
    frontier = next.sort(byKey);
  }
  const keysOf = (key: string): string[] => {
    const p = adj.index.get(key);
    if (p === undefined || toward[p] === UNSEEN) return [key];
    const out = [key];
    for (let k = toward[p]!; k !== ROOT; k = toward[k]!) out.push(keys[k]!);
    return out;
  };
  const kinds = (a: string, b: string): string[] =>
    [...new Set(graph.getEdgeAttributes(a, b).links.map((l) => l.kind))].sort();
  return {
    keysOf,
    pathOf: (key) => {
      const keys = keysOf(key);
      return keys.slice(1).map((to, i) => ({ from: ref(keys[i]!), to: ref(to), kinds: kinds(keys[i]!, to) }));
    },
    relsOf: (key) => {
      const keys = keysOf(key);
      return keys
        .slice(1)
        .flatMap((to, i) => graph.getEdgeAttributes(keys[i]!, to).links.flatMap((l) => l.rels));
    },
  };
}

/** "IM-7 buys from SU-2, which supplies IM-9, whose goods were seized". */
export function describePath(steps: readonly LeadStep[]): string {
  if (steps.length === 0) return 'no seized party within reach';
  const words = (s: LeadStep): string => s.kinds.map((k) => linkWords(k, s.from, s.to)).join(' and ');
  const [first, ...rest] = steps;
  let text = `${first!.from.id} ${words(first!)} ${first!.to.id}`;
  for (const s of rest) text += `, which ${words(s)} ${s.to.id}`;
  return `${text}, whose goods were seized`;
}

/** Leads best first: highest score, then detector, then party key. */
export function byLead(a: Lead, b: Lead): number {
  const ka = `${a.detector}|${a.label}:${a.id}`;
  const kb = `${b.detector}|${b.label}:${b.id}`;
  return b.score - a.score || (ka < kb ? -1 : ka > kb ? 1 : 0);
}
