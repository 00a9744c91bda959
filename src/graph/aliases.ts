// Parties an investigator accepted as one (SAME_AS) seen as one by the projection: a union-find
// over the accepted pairs maps every party of a group to its canonical key (the smallest node
// key), and the projection's source is read through that map. The store keeps both parties; a
// rejection or reversal removes the pair, and the next projection sees the two again.
import { nodeKey, parseNodeKey, type GraphNode, type NodeRef, type PartyLabel } from '../model/index.ts';
import type { ProjectionSource } from './projection.ts';
import { UnionFind } from './union-find.ts';

/** Party key → the key of its group's canonical party; parties of no accepted pair are absent. */
export type AliasMap = ReadonlyMap<string, string>;

export function aliasMap(pairs: readonly (readonly [NodeRef, NodeRef])[]): AliasMap {
  const groups = new UnionFind();
  for (const [a, b] of pairs) {
    if (a.label !== b.label)
      throw new Error(`projection: SAME_AS pair ${nodeKey(a)} ~ ${nodeKey(b)} joins two labels`);
    groups.union(nodeKey(a), nodeKey(b));
  }
  const map = new Map<string, string>();
  for (const group of groups.groups()) for (const key of group.slice(1)) map.set(key, group[0]!);
  return map;
}

function aliasRef<T extends NodeRef>(ref: T, aliases: AliasMap): T {
  const canonical = aliases.get(nodeKey(ref));
  return canonical === undefined ? ref : { ...ref, id: parseNodeKey(canonical).id };
}

function aliasId(label: NodeRef['label'], id: string | null, aliases: AliasMap): string | null {
  if (id === null || id === '') return id;
  const canonical = aliases.get(`${label}:${id}`);
  return canonical === undefined ? id : parseNodeKey(canonical).id;
}

/**
 * The source as the projection should see it: an aliased party's own node is left out (its
 * group's canonical node stands for it), and every relationship and declaration line naming it
 * names the canonical party instead. Relationship ids stay the stored ones.
 */
export function aliasedSource(source: ProjectionSource, aliases: AliasMap): ProjectionSource {
  if (aliases.size === 0) return source;
  return {
    counts: source.counts?.bind(source),
    async *streamNodes(labels) {
      for await (const node of source.streamNodes(labels))
        if (!aliases.has(nodeKey(node))) yield node satisfies GraphNode;
    },
    async *streamRels(types) {
      for await (const rel of source.streamRels(types))
        yield { ...rel, from: aliasRef(rel.from, aliases), to: aliasRef(rel.to, aliases) };
    },
    async *streamShipments() {
      for await (const s of source.streamShipments())
        yield {
          ...s,
          importerId: aliasId('Importer', s.importerId, aliases) ?? '',
          brokerId: aliasId('Broker', s.brokerId, aliases),
          consigneeId: aliasId('Consignee', s.consigneeId, aliases),
          supplierId: aliasId('Supplier', s.supplierId, aliases),
        };
    },
    streamDetectionLines:
      source.streamDetectionLines && aliasedLines(source.streamDetectionLines.bind(source), aliases),
  };
}

/** The chunks of `lines` naming each party by its canonical id (the chunks are the stream's own, changed in place). */
function aliasedLines(
  lines: NonNullable<ProjectionSource['streamDetectionLines']>,
  aliases: AliasMap,
): NonNullable<ProjectionSource['streamDetectionLines']> {
  const labels = {
    importer: 'Importer',
    broker: 'Broker',
    consignee: 'Consignee',
    supplier: 'Supplier',
  } as const;
  return async function* () {
    for await (const chunk of lines()) {
      for (const [kind, label] of Object.entries(labels) as [keyof typeof labels, PartyLabel][]) {
        const ids = chunk.parties[kind];
        for (let i = 0; i < ids.length; i++) ids[i] = aliasId(label, ids[i]!, aliases) ?? '';
      }
      yield chunk;
    }
  };
}
