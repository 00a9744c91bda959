// Walking a party's network: its neighbours page by page (any hub), its trade links aggregated
// from declaration lines, and the lines of one link. Heavy reads (the HeavyReads pool, read
// threads on the embedded store), audited like the other graph reads with counts, never content.
import { z } from 'zod';
import { NodeKeyParam } from '../../src/api/graph.ts';
import {
  NeighboursAnswer,
  NeighboursParams,
  TradeLinkLinesAnswer,
  TradeLinkLinesParams,
  TradeLinksAnswer,
  TradeLinksParams,
} from '../../src/api/trade.ts';
import { nodeKey } from '../../src/model/index.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { answerFacts } from '../services/graph-reads.ts';
import { parseKey } from '../services/graph-view.ts';

const neighbours = defineRoute({
  method: 'get',
  path: '/api/nodes/:key/neighbours',
  summary: "A node's direct neighbours one page at a time, in key order, walked with `after`",
  tag: 'graph',
  policy: 'user',
  params: z.strictObject({ key: NodeKeyParam }),
  query: NeighboursParams,
  response: NeighboursAnswer,
  handler: async ({ params, query, services, user }) => ({
    json: await services.graphReads.neighbours(user.username, parseKey(params.key), query),
  }),
  audit: {
    action: 'view_neighbourhood',
    target: ({ params }) => nodeKey(parseKey(params.key)),
    detail: ({ query }, out) => ({ paged: true, ...query, ...answerFacts('neighbours', out.json) }),
  },
});

const tradeLinks = defineRoute({
  method: 'get',
  path: '/api/graph/trade-links',
  summary: "A party's trade links aggregated from its declaration lines, the overflow grouped",
  tag: 'graph',
  policy: 'user',
  query: TradeLinksParams,
  response: TradeLinksAnswer,
  handler: async ({ query, services, user }) => ({
    json: await services.graphReads.tradeLinks(user.username, parseKey(query.key), query.limit),
  }),
  audit: {
    action: 'view_trade_links',
    target: ({ query }) => nodeKey(parseKey(query.key)),
    detail: ({ query }, out) => ({ limit: query.limit, ...answerFacts('tradeLinks', out.json) }),
  },
});

const tradeLinkLines = defineRoute({
  method: 'get',
  path: '/api/graph/trade-link-lines',
  summary: 'The declaration lines of one trade link, by date, paged with `cursor`',
  tag: 'graph',
  policy: 'user',
  query: TradeLinkLinesParams,
  response: TradeLinkLinesAnswer,
  handler: async ({ query, services, user }) => ({
    json: await services.graphReads.tradeLinkLines(user.username, {
      from: parseKey(query.from),
      to: parseKey(query.to),
      cursor: query.cursor,
      limit: query.limit,
    }),
  }),
  audit: {
    action: 'view_trade_links',
    target: ({ query }) => nodeKey(parseKey(query.from)),
    detail: ({ query }, out) => ({
      to: nodeKey(parseKey(query.to)),
      limit: query.limit,
      paged: query.cursor !== undefined,
      ...answerFacts('tradeLinkLines', out.json),
    }),
  },
});

export const tradeRoutes = (): Route[] => [neighbours, tradeLinks, tradeLinkLines];
