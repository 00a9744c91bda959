// The core of a Louvain community: the parties a ring report should name. Louvain puts every
// party somewhere, so a community also holds lawful firms that merely trade with the same
// forwarder or supplier, or share a business-centre seat. The core keeps the importers that show
// a fraud signal of their own, the importers tied to them by a specific identity (a phone, an
// account, a director, not a seat shared by dozens), the people tied to two of those, and the
// brokers, suppliers and consignees that work mostly for them.
import { IDENTITY_LINKS, type DetectionView, type Link } from '../graph/view.ts';
import { labelOfKey } from './keys.ts';

export interface CoreOptions {
  /** Identifiers held by more parties than this tie no one into the core. */
  maxCoreHolders: number;
  /** Share of a broker's, supplier's or consignee's lines that must be with core importers. */
  minPartnerShare: number;
}

/** Core members of `keys` (kept in their order); `flagged` says which importers show a signal. */
export function communityCore(
  view: DetectionView,
  keys: readonly string[],
  flagged: (key: string) => boolean,
  o: CoreOptions,
): string[] {
  const { graph } = view;
  const members = new Set(keys);
  const specific = (l: Link): boolean =>
    IDENTITY_LINKS.includes(l.kind) &&
    (l.via === null ||
      (view.identifiers.get(`${l.via.label}:${l.via.id}`)?.holders.length ?? 0) <= o.maxCoreHolders);
  const neighbours = new Map<string, string[]>();
  const identityNeighbours = (key: string): string[] => {
    let out = neighbours.get(key);
    if (out) return out;
    out = [];
    for (const other of graph.neighbors(key))
      if (members.has(other) && graph.getEdgeAttributes(key, other).links.some(specific)) out.push(other);
    neighbours.set(key, out);
    return out;
  };
  const isImporter = (key: string): boolean => labelOfKey(key) === 'Importer';
  const flaggedImporter = (key: string): boolean => isImporter(key) && flagged(key);

  const core = new Set<string>();
  for (const key of keys) {
    if (!isImporter(key)) continue;
    const tied =
      flagged(key) ||
      identityNeighbours(key).some(
        (n) =>
          flaggedImporter(n) ||
          (labelOfKey(n) === 'Person' && identityNeighbours(n).some((m) => m !== key && flaggedImporter(m))),
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
    let clients = 0;
    let lines = 0;
    graph.forEachNeighbor(key, (importer) => {
      if (!importers.has(importer)) return;
      clients += 1;
      for (const l of graph.getEdgeAttributes(key, importer).links) lines += l.lines ?? 0;
    });
    const total = view.trade.get(key)?.lines ?? 0;
    if (clients >= 2 && total > 0 && lines / total >= o.minPartnerShare) core.add(key);
  }
  return keys.filter((k) => core.has(k));
}
