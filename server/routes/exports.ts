// Exports: the suspect list (formula-safe CSV or JSON), inspection targets (CSV), a subgraph for
// Gephi (GraphML / GEXF) and a case's evidence pack (zip with a manifest of SHA-256s). Every export
// is audited with the SHA-256 of what was sent (the route mounting adds the file's name, size and
// hash). A PNG of the canvas is made in the browser; the explorer records it here before saving it.
import { z } from 'zod';
import { CaseId } from '../../src/api/cases.ts';
import { CanvasPictureRecord } from '../../src/api/exports.ts';
import { NodeKeyParam } from '../../src/api/graph.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { CASE_WRITERS, ENFORCEMENT } from '../policies.ts';

const suspects = defineRoute({
  method: 'get',
  path: '/api/exports/suspects',
  summary: 'Ranked suspects (firms and people) from the last detection run',
  tag: 'exports',
  policy: ENFORCEMENT,
  query: z.strictObject({
    format: z.enum(['csv', 'json']).default('csv'),
    minScore: z.coerce.number().min(0).max(1).default(0),
  }),
  produces: 'text/csv',
  handler: ({ query, services }) => services.exports.suspectList(query.format, query.minScore),
  audit: {
    action: 'export',
    target: () => null,
    detail: (_ctx, out) => ({ what: 'suspects', ...out.facts }),
  },
});

const targets = defineRoute({
  method: 'get',
  path: '/api/exports/targets',
  summary: 'Declaration lines ranked for inspection, as CSV (rank, declaration, line, score, reasons)',
  tag: 'exports',
  policy: ENFORCEMENT,
  query: z.strictObject({ limit: z.coerce.number().int().min(1).max(10_000).default(100) }),
  produces: 'text/csv',
  handler: ({ query, services }) => services.exports.targetList(query.limit),
  audit: {
    action: 'export',
    target: () => null,
    detail: (_ctx, out) => ({ what: 'targets', ...out.facts }),
  },
});

const graphFile = defineRoute({
  method: 'get',
  path: '/api/exports/graph',
  summary: 'A subgraph (around key, or the whole firm network) as GraphML or GEXF for Gephi',
  tag: 'exports',
  policy: 'user',
  query: z.strictObject({
    format: z.enum(['graphml', 'gexf']).default('graphml'),
    key: NodeKeyParam.optional(),
    hops: z.coerce.number().int().min(1).max(3).default(2),
  }),
  produces: 'application/xml',
  handler: ({ query, services }) => services.exports.graphFile(query),
  audit: {
    action: 'export',
    target: ({ query }) => query.key ?? null,
    detail: (_ctx, out) => ({ what: 'graph', ...out.facts }),
  },
});

const casePack = defineRoute({
  method: 'get',
  path: '/api/cases/:id/pack',
  summary:
    'The case pack: case.json, entities.csv, declarations.csv, rings/*.md and manifest.json (SHA-256 of each file)',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: z.strictObject({ id: CaseId }),
  produces: 'application/zip',
  handler: ({ params, services, user }) => services.exports.casePack(user, params.id),
  audit: {
    action: 'export',
    target: ({ params }) => params.id,
    detail: (_ctx, out) => ({ what: 'case_pack', ...out.facts }),
  },
});

const canvasPicture = defineRoute({
  method: 'post',
  path: '/api/exports/canvas-png',
  summary: 'Record a PNG of the canvas made in the browser (title, nodes, size, SHA-256) before it is saved',
  tag: 'exports',
  policy: 'user',
  status: 204,
  body: CanvasPictureRecord,
  handler: () => ({ status: 204, json: null }),
  audit: {
    action: 'export',
    target: () => null,
    detail: ({ body }) => ({ what: 'canvas_png', ...body }),
  },
});

export const exportRoutes = (): Route[] => [suspects, targets, graphFile, casePack, canvasPicture];
