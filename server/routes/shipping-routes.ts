// The route map: a ring's or some parties' declaration lines by origin → departure → entry office,
// aggregated over all their lines. Audited like the other graph reads, with counts, never content.
import { ShippingRoutesAnswer, ShippingRoutesParams } from '../../src/api/shipping-routes.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { parseKey } from '../services/graph-view.ts';
import { routeMapOf } from '../services/shipping-routes.ts';

const shippingRoutes = defineRoute({
  method: 'get',
  path: '/api/graph/shipping-routes',
  summary: "A ring's or parties' lines by origin, departure country and entry office (the route map)",
  tag: 'graph',
  policy: 'user',
  query: ShippingRoutesParams,
  response: ShippingRoutesAnswer,
  handler: async ({ query, services }) => ({
    json: await services.shippingRoutes.routeMap(
      routeMapOf({ ring: query.ring, key: query.key?.map(parseKey) }),
    ),
  }),
  audit: {
    action: 'view_routes',
    target: ({ query }) => query.ring ?? query.key?.[0] ?? null,
    detail: ({ query }, out) => ({
      ...(query.ring ? { ring: query.ring } : { keys: query.key?.length ?? 0 }),
      parties: out.json.parties.length,
      routes: out.json.routes.length,
    }),
  },
});

export const shippingRouteRoutes = (): Route[] => [shippingRoutes];
