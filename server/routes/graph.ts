// Exploration: store statistics, search, node detail, neighbourhood and paths.
import { z } from 'zod';
import { NodeLabel, nodeKey } from '../../src/model/index.ts';
import {
  NodeDetailAnswer,
  NodeKeyParam,
  PathsAnswer,
  SearchAnswer,
  StatsAnswer,
  SubgraphAnswer,
} from '../api-shapes.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { displayName, parseKey } from '../services/graph-view.ts';

/** `a,b,c` → a list of known labels; unknown labels are a validation error, never a query part. */
const LabelList = z
  .string()
  .max(300)
  .transform((s) =>
    s
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(z.array(NodeLabel).max(NodeLabel.options.length));
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const KeyParams = z.strictObject({ key: NodeKeyParam });

export function graphRoutes(): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/stats',
      summary: 'Node and relationship counts and the last detection run',
      tag: 'graph',
      policy: 'user',
      response: StatsAnswer,
      handler: async ({ services }) => {
        const [counts, lastRun] = await Promise.all([services.store.counts(), services.store.lastRun()]);
        return { json: { nodes: counts.nodes, rels: counts.rels, lastRun } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Search by id, name prefix, identifier value or declaration id',
      tag: 'graph',
      policy: 'user',
      query: z.strictObject({
        q: z.string().trim().min(1).max(200),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        labels: LabelList.optional(),
      }),
      response: SearchAnswer,
      handler: async ({ query, services }) => {
        const hits = await services.store.search(query.q, {
          limit: query.limit,
          ...(query.labels?.length ? { labels: query.labels } : {}),
        });
        return {
          json: {
            hits: hits.map((h) => ({
              key: nodeKey(h.node),
              label: h.node.label,
              id: h.node.id,
              name: displayName(h.node),
              match: h.match,
            })),
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/nodes/:key',
      summary: 'One node: properties, source row, risk, rings and shipments summary',
      tag: 'graph',
      policy: 'user',
      params: KeyParams,
      response: NodeDetailAnswer,
      handler: async ({ params, services, user, requestId }) => {
        const detail = await services.graph.nodeDetail(parseKey(params.key));
        services.audit.append({
          action: 'view_node',
          username: user?.username ?? null,
          requestId,
          target: detail.node.key,
        });
        return { json: detail };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/nodes/:key/neighbourhood',
      summary: 'The nodes and relationships within some hops, filtered, with a truncation flag',
      tag: 'graph',
      policy: 'user',
      params: KeyParams,
      query: z.strictObject({
        hops: z.coerce.number().int().min(1).max(3).default(1),
        labels: LabelList.optional(),
        dateFrom: IsoDate.optional(),
        dateTo: IsoDate.optional(),
        hsPrefix: z
          .string()
          .regex(/^\d{1,12}$/, 'HS digits')
          .optional(),
        minRisk: z.coerce.number().min(0).max(1).optional(),
        limit: z.coerce.number().int().min(1).max(2000).default(200),
      }),
      response: SubgraphAnswer,
      handler: async ({ params, query, services }) => {
        const start = parseKey(params.key);
        // The store answers not_found (404) for a missing start or end: no lookup of our own first.
        const sub = await services.store.neighbourhood({
          start,
          hops: query.hops,
          limit: query.limit,
          ...(query.labels?.length ? { labels: query.labels } : {}),
          ...(query.dateFrom ? { dateFrom: query.dateFrom } : {}),
          ...(query.dateTo ? { dateTo: query.dateTo } : {}),
          ...(query.hsPrefix ? { hsPrefix: query.hsPrefix } : {}),
        });
        const view = await services.graph.subgraph(sub);
        if (query.minRisk === undefined) return { json: view };
        // Parties below the risk floor drop out (the start node always stays), with their edges.
        const minRisk = query.minRisk;
        const startKey = nodeKey(start);
        const kept = view.nodes.filter((n) => n.key === startKey || n.risk === null || n.risk >= minRisk);
        const keys = new Set(kept.map((n) => n.key));
        return {
          json: {
            nodes: kept,
            edges: view.edges.filter((e) => keys.has(e.source) && keys.has(e.target)),
            truncated: view.truncated,
          },
        };
      },
    }),
    defineRoute({
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
      handler: async ({ query, services }) => {
        const from = parseKey(query.from);
        const to = parseKey(query.to);
        const paths = await services.store.paths({ from, to, k: query.k, maxLength: query.maxLength });
        const shaped = await Promise.all(
          paths.map((p) => services.graph.subgraph({ nodes: p.nodes, rels: p.rels, truncated: false })),
        );
        return { json: { paths: shaped.map(({ nodes, edges }) => ({ nodes, edges })) } };
      },
    }),
  ];
}
