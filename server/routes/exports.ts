// Exports: the suspect list (formula-safe CSV or JSON), a subgraph for Gephi (GraphML / GEXF)
// and a case's evidence pack (zip with a manifest of SHA-256s). Every export is audited with the
// SHA-256 of what was sent.
import { z } from 'zod';
import { renderSuspects, suspects } from '../../src/export/suspects.ts';
import {
  IDENTIFIER_LABELS,
  IDENTIFIER_REL,
  PARTY_LABELS,
  type GraphNode,
  type GraphRel,
  type RelType,
  type Ring,
} from '../../src/model/index.ts';
import { NodeKeyParam } from '../api-shapes.ts';
import type { User } from '../auth/users.ts';
import { casePackFiles, citedDeclarationLines, zip } from '../exports/case-pack.ts';
import { gexf, graphml, toGraphology } from '../exports/graph-files.ts';
import { sendExport } from '../exports/send.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { CASE_WRITERS, ENFORCEMENT } from '../policies.ts';
import { caseDetail } from '../services/case-detail.ts';
import { toApiEdge, parseKey } from '../services/graph-view.ts';
import type { Services } from '../services/index.ts';

/** The firm network (parties and identifiers, no shipments) is exported whole up to this size. */
export const MAX_EXPORT_NODES = 100_000;
const FIRM_NETWORK_RELS: RelType[] = [...Object.values(IDENTIFIER_REL), 'DIRECTS', 'SUCCEEDS'];

async function firmNetwork(services: Services): Promise<{ nodes: GraphNode[]; rels: GraphRel[] }> {
  const nodes: GraphNode[] = [];
  for await (const node of services.store.streamNodes([...PARTY_LABELS, ...IDENTIFIER_LABELS])) {
    if (nodes.length >= MAX_EXPORT_NODES) {
      throw new ApiError(
        422,
        'too_large',
        `the firm network has more than ${MAX_EXPORT_NODES.toLocaleString('en')} nodes; export around one node with key and hops`,
      );
    }
    nodes.push(node);
  }
  const rels: GraphRel[] = [];
  for await (const rel of services.store.streamRels(FIRM_NETWORK_RELS)) rels.push(rel);
  return { nodes, rels };
}

export function exportRoutes(): Route[] {
  return [
    defineRoute({
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
      handler: async (ctx) => {
        if ((await ctx.services.store.lastRun()) === null)
          throw new ApiError(409, 'no_detection_run', 'detection has not run on this store yet');
        const doc = await suspects(ctx.services.store, ctx.query.minScore);
        const csv = ctx.query.format === 'csv';
        return sendExport(ctx, {
          content: renderSuspects(doc, ctx.query.format),
          contentType: csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          filename: `ringscope-suspects.${ctx.query.format}`,
          what: 'suspects',
          target: null,
          detail: { count: doc.suspects.length, minScore: ctx.query.minScore },
        });
      },
    }),
    defineRoute({
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
      handler: async (ctx) => {
        const { services, query } = ctx;
        let nodes: GraphNode[];
        let rels: GraphRel[];
        if (query.key) {
          const start = parseKey(query.key);
          ({ nodes, rels } = await services.store.neighbourhood({ start, hops: query.hops, limit: 5000 }));
        } else {
          ({ nodes, rels } = await firmNetwork(services));
        }
        const graph = toGraphology(await services.graph.toApiNodes(nodes), rels.map(toApiEdge));
        return sendExport(ctx, {
          content: query.format === 'gexf' ? gexf(graph) : graphml(graph),
          contentType:
            query.format === 'gexf'
              ? 'application/gexf+xml; charset=utf-8'
              : 'application/graphml+xml; charset=utf-8',
          filename: `ringscope-graph.${query.format}`,
          what: 'graph',
          target: query.key ?? null,
          detail: { format: query.format, nodes: graph.order, edges: graph.size },
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id/pack',
      summary:
        'The case pack: case.json, entities.csv, declarations.csv, rings/*.md and manifest.json (SHA-256 of each file)',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: z.strictObject({ id: z.string().regex(/^C-[0-9a-f]{12}$/) }),
      produces: 'application/zip',
      handler: async (ctx) => {
        const { services, params } = ctx;
        const user = ctx.user as User;
        const detail = await caseDetail(services, user, params.id);
        const rings = (
          await Promise.all(services.cases.ringIds(params.id).map((id) => services.store.getRing(id)))
        ).filter((r): r is Ring => r !== null);
        const cited = citedDeclarationLines(detail, rings);
        const shipments = await services.store.getNodes(
          [...cited.keys()].map((id) => ({ label: 'Shipment' as const, id })),
        );
        const files = casePackFiles({
          caseDetail: detail,
          rings,
          shipments,
          generatedBy: user.username,
          generatedAt: new Date().toISOString(),
          auditHead: services.audit.head(),
        });
        return sendExport(ctx, {
          content: await zip(files),
          contentType: 'application/zip',
          filename: `ringscope-case-${params.id}.zip`,
          what: 'case_pack',
          target: params.id,
          detail: {
            files: files.map((f) => f.path),
            entities: detail.entities.map((e) => e.key).length,
            rings: rings.map((r) => r.id),
          },
        });
      },
    }),
  ];
}
