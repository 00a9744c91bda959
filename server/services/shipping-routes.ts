// The route map of a ring or a set of parties (src/api/shipping-routes.ts): the store aggregates
// their lines by origin, departure and entry office over every line; this checks what was asked
// for exists and adds the totals.
import type { ShippingRoutesAnswer } from '../../src/api/shipping-routes.ts';
import { nodeKey, type NodeRef } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { partiesWithLines } from '../../src/store/shipping-routes.ts';
import { toCents } from '../../src/store/trade.ts';
import { ApiError, notFound } from '../http/errors.ts';

export type RouteMapOf = { ring: string } | { parties: NodeRef[] };

export class ShippingRoutes {
  constructor(private readonly store: GraphStore) {}

  async routeMap(of: RouteMapOf): Promise<ShippingRoutesAnswer> {
    const parties = 'ring' in of ? await this.ringMembers(of.ring) : await this.existing(of.parties);
    const counted = partiesWithLines(parties).map(({ ref }) => ref);
    const routes = await this.store.shippingRoutes(counted);
    return {
      parties: counted.map(nodeKey),
      routes,
      lines: routes.reduce((n, r) => n + r.lines, 0),
      value: toCents(routes.reduce((v, r) => v + r.value, 0)),
    };
  }

  private async ringMembers(id: string): Promise<NodeRef[]> {
    const ring = await this.store.getRing(id);
    if (!ring) throw notFound(`ring ${id}`);
    return ring.members.map(({ label, id: memberId }) => ({ label, id: memberId }));
  }

  private async existing(parties: NodeRef[]): Promise<NodeRef[]> {
    const found = new Set((await this.store.getNodes(parties)).map(nodeKey));
    const missing = parties.find((p) => !found.has(nodeKey(p)));
    if (missing) throw notFound(`node ${nodeKey(missing)}`);
    return parties;
  }
}

/** Exactly one of a ring and party keys: anything else is refused naming both fields. */
export function routeMapOf(query: { ring?: string | undefined; key?: NodeRef[] | undefined }): RouteMapOf {
  if (query.ring !== undefined && query.key === undefined) return { ring: query.ring };
  if (query.key !== undefined && query.ring === undefined) return { parties: query.key };
  throw new ApiError(400, 'invalid_request', 'ring, key: give either a ring id or one or more party keys');
}
