// Findings: the ranked ring list, one ring with its members and evidence, inspection targets.
import { z } from 'zod';
import { RingDetailAnswer, RingsAnswer, TargetsAnswer } from '../../src/api/graph.ts';
import { RingQuery } from '../../src/model/index.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { ENFORCEMENT } from '../policies.ts';

const rings = defineRoute({
  method: 'get',
  path: '/api/rings',
  summary: 'Rings ranked by score, filterable by typology and minimum score',
  tag: 'findings',
  policy: 'user',
  query: RingQuery,
  response: RingsAnswer,
  handler: async ({ query, services }) => ({ json: await services.graph.rings(query) }),
});

const ringDetail = defineRoute({
  method: 'get',
  path: '/api/rings/:id',
  summary: 'One ring: members and roles, indicators, evidence, explanation, revenue at risk',
  tag: 'findings',
  policy: 'user',
  params: z.strictObject({ id: z.string().min(1).max(200) }),
  response: RingDetailAnswer,
  handler: async ({ params, services }) => ({ json: await services.graph.ringDetail(params.id) }),
  audit: { action: 'view_ring', target: ({ params }) => params.id },
});

const targets = defineRoute({
  method: 'get',
  path: '/api/targets',
  summary: 'Declaration lines ranked for inspection',
  tag: 'findings',
  policy: ENFORCEMENT,
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(10_000).default(100) }),
  response: TargetsAnswer,
  handler: async ({ query, services }) => ({ json: await services.graph.targets(query.limit) }),
  audit: {
    action: 'view_targets',
    target: () => null,
    detail: ({ query }, out) => ({ limit: query.limit, lines: out.json.lines.length }),
  },
});

export const ringRoutes = (): Route[] => [rings, ringDetail, targets];
