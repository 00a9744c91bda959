// Walking a party's network as investigators do, shaped for the API (src/api/trade.ts): its
// neighbours page by page, its trade links aggregated by the store over all its lines (the
// largest listed, the rest grouped per role), and the lines of one link, paged by an opaque cursor.
import { nodeKey, type NodeLabel, type NodeRef } from '../../src/model/index.ts';
import type {
  NeighboursAnswer,
  NeighboursParams,
  TradeLinkLinesAnswer,
  TradeLinksAnswer,
} from '../../src/api/trade.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { compareStrings } from '../../src/store/traversal.ts';
import { linkEnds, toCents, type TradeLink } from '../../src/store/trade.ts';
import { ApiError } from '../http/errors.ts';
import { toApiEdge, type GraphView } from './graph-view.ts';

type Role = TradeLinksAnswer['links'][number]['role'];
const ROLE: Partial<Record<NodeLabel, Role>> = {
  Importer: 'importer',
  Broker: 'broker',
  Supplier: 'supplier',
  Consignee: 'consignee',
};

export async function neighbours(
  store: GraphStore,
  view: GraphView,
  start: NodeRef,
  params: NeighboursParams,
): Promise<NeighboursAnswer> {
  const page = await store.neighbours({
    start,
    limit: params.limit,
    ...(params.labels?.length ? { labels: params.labels } : {}),
    ...(params.after ? { after: params.after } : {}),
  });
  const [apiStart, ...nodes] = await view.toApiNodes([page.start, ...page.nodes]);
  return { start: apiStart!, nodes, edges: page.rels.map(toApiEdge), total: page.total, next: page.next };
}

/** Largest first: value, then lines, then the other party's key. */
const byWeight = (a: TradeLink, b: TradeLink): number =>
  b.value - a.value || b.lines - a.lines || compareStrings(nodeKey(a.party), nodeKey(b.party));

function group(role: Role, links: readonly TradeLink[]): TradeLinksAnswer['more'][number] {
  return {
    role,
    parties: links.length,
    lines: links.reduce((n, l) => n + l.lines, 0),
    value: toCents(links.reduce((v, l) => v + l.value, 0)),
    first: links.reduce((d, l) => (l.first < d ? l.first : d), links[0]!.first),
    last: links.reduce((d, l) => (l.last > d ? l.last : d), links[0]!.last),
  };
}

export async function tradeLinks(
  store: GraphStore,
  view: GraphView,
  party: NodeRef,
  limit: number,
): Promise<TradeLinksAnswer> {
  const node = await view.requireNode(party);
  const byRole = new Map<Role, TradeLink[]>();
  for (const link of (await store.tradeLinks(party)).sort(byWeight)) {
    const role = ROLE[link.party.label];
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), link]);
  }
  const shown = [...byRole.values()].flatMap((links) => links.slice(0, limit));
  const others = new Map((await store.getNodes(shown.map((l) => l.party))).map((n) => [nodeKey(n), n]));
  const [apiParty, ...apiOthers] = await view.toApiNodes([
    node,
    ...shown.flatMap((l) => others.get(nodeKey(l.party)) ?? []),
  ]);
  const apiByKey = new Map(apiOthers.map((n) => [n.key, n]));
  const partyKey = nodeKey(party);
  const links = shown.flatMap((l) => {
    const other = apiByKey.get(nodeKey(l.party));
    if (!other) return [];
    const { lines, value, first, last } = l;
    return [
      { id: `TRADES|${partyKey}|${other.key}`, role: ROLE[l.party.label]!, other, lines, value, first, last },
    ];
  });
  const more = [...byRole].flatMap(([role, all]) =>
    all.length > limit ? [group(role, all.slice(limit))] : [],
  );
  return { party: apiParty!, links, more };
}

const encodeCursor = (date: string, shipmentId: string): string =>
  Buffer.from(JSON.stringify([date, shipmentId]), 'utf8').toString('base64url');

function decodeCursor(cursor: string): { date: string; shipmentId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { date: value[0] as string, shipmentId: value[1] as string };
    }
  } catch {
    // Not JSON: refused below.
  }
  throw new ApiError(400, 'invalid_request', 'cursor: not a cursor this API gave; ask again without it');
}

export interface TradeLinkLinesQuery {
  from: NodeRef;
  to: NodeRef;
  cursor?: string | undefined;
  limit: number;
}

export async function tradeLinkLines(
  store: GraphStore,
  view: GraphView,
  query: TradeLinkLinesQuery,
): Promise<TradeLinkLinesAnswer> {
  if (!linkEnds(query.from, query.to)) {
    throw new ApiError(
      400,
      'invalid_request',
      'from, to: a trade link joins an Importer to a Broker, Supplier or Consignee',
    );
  }
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  await Promise.all([view.requireNode(query.from), view.requireNode(query.to)]);
  const lines = await store.linkLines({ from: query.from, to: query.to, after, limit: query.limit + 1 });
  const page = lines.slice(0, query.limit);
  const last = page.at(-1);
  return {
    lines: page,
    next: lines.length > query.limit && last ? encodeCursor(last.date, last.shipmentId) : null,
  };
}
