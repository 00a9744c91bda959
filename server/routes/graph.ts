// Exploration: store statistics, search, node detail, neighbourhood and paths.
import { z } from 'zod';
import {
  LabelList,
  NeighbourhoodParams,
  NodeDetailAnswer,
  NodeKeyParam,
  PathsAnswer,
  SearchAnswer,
  StatsAnswer,
  SubgraphAnswer,
} from '../../src/api/graph.ts';
import { nodeKey } from '../../src/model/index.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { answerFacts } from '../services/graph-reads.ts';
import { parseKey } from '../services/graph-view.ts';

const KeyParams = z.strictObject({ key: NodeKeyParam });

const stats = defineRoute({
  method: 'get',
  path: '/api/stats',
  summary: 'Node and relationship counts and the last detection run',
  tag: 'graph',
  policy: 'user',
  response: StatsAnswer,
  handler: async ({ services }) => ({ json: await services.graph.stats() }),
});

const search = defineRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Search by id, name prefix, identifier value or declaration id, then full text with typos',
  tag: 'graph',
  policy: 'user',
  query: z.strictObject({
    q: z.string().trim().min(1).max(200),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    labels: LabelList.optional(),
  }),
  response: SearchAnswer,
  handler: async ({ query, services, user }) => ({
    json: await services.graphReads.search(user.username, query.q, {
      limit: query.limit,
      labels: query.labels,
    }),
  }),
  audit: {
    action: 'search',
    target: ({ query }) => query.q,
    detail: ({ query }, out) => ({
      limit: query.limit,
      ...(query.labels ? { labels: query.labels } : {}),
      ...answerFacts('search', out.json),
    }),
  },
});

const nodeDetail = defineRoute({
  method: 'get',
  path: '/api/nodes/:key',
  summary: 'One node: properties, source row, risk, rings and shipments summary',
  tag: 'graph',
  policy: 'user',
  params: KeyParams,
  response: NodeDetailAnswer,
  handler: async ({ params, services }) => ({ json: await services.graph.nodeDetail(parseKey(params.key)) }),
  audit: { action: 'view_node', target: (_ctx, out) => out.json.node.key },
});

const neighbourhood = defineRoute({
  method: 'get',
  path: '/api/nodes/:key/neighbourhood',
  summary: 'The nodes and relationships within some hops, filtered, with a truncation flag',
  tag: 'graph',
  policy: 'user',
  params: KeyParams,
  query: NeighbourhoodParams,
  response: SubgraphAnswer,
  handler: async ({ params, query, services, user }) => ({
    json: await services.graphReads.neighbourhood(user.username, parseKey(params.key), query),
  }),
  audit: {
    action: 'view_neighbourhood',
    target: ({ params }) => nodeKey(parseKey(params.key)),
    detail: ({ query }, out) => ({
      ...query,
      ...answerFacts('neighbourhood', out.json),
    }),
  },
});

const paths = defineRoute({
  method: 'get',
  path: '/api/paths',
  summary: 'Shortest and k shortest simple paths between two nodes',
  tag: 'graph',
  policy: 'user',
  query: z.strictObject({
    from: NodeKeyParam,
    to: NodeKeyParam,
    k: z.coerce.number().int().min(1).max(5).default(1),
    maxLength: z.coerce.number().int().min(1).max(8).default(6),
  }),
  response: PathsAnswer,
  handler: async ({ query, services, user }) => ({
    json: await services.graphReads.paths(user.username, {
      from: parseKey(query.from),
      to: parseKey(query.to),
      k: query.k,
      maxLength: query.maxLength,
    }),
  }),
  audit: {
    action: 'view_paths',
    target: ({ query }) => nodeKey(parseKey(query.from)),
    detail: ({ query }, out) => ({
      to: nodeKey(parseKey(query.to)),
      k: query.k,
      maxLength: query.maxLength,
      ...answerFacts('paths', out.json),
    }),
  },
});

export const graphRoutes = (): Route[] => [stats, search, nodeDetail, neighbourhood, paths];
