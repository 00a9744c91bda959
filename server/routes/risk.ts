// Real-time risk: scoring one arriving declaration with the loaded model (every decision audited
// with the model's content hash) and the inspection results officers record on its lines.
import {
  InspectionBody,
  RecordedInspection,
  InspectionsAnswer,
  InspectionsQuery,
  ScoreAnswer,
  ScoreDeclarationBody,
} from '../../src/api/risk.ts';
import { ScoreQuery } from '../../src/api/alerts.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { CASE_READERS, INSPECTION_WRITERS } from '../policies.ts';

const laneCounts = (lines: ScoreAnswer['lines']) => ({
  red: lines.filter((l) => l.lane === 'red').length,
  amber: lines.filter((l) => l.lane === 'amber').length,
  green: lines.filter((l) => l.lane === 'green').length,
});

const score = defineRoute({
  method: 'post',
  path: '/api/declarations/score',
  summary:
    'Score one arriving declaration: per line its fraud probability, lane, reasons and the parties’ risk and rings; `store=true` also ingests it (enforcement, admin); raises and streams alerts (409 no_model when no model is loaded)',
  tag: 'risk',
  policy: CASE_READERS,
  query: ScoreQuery,
  body: ScoreDeclarationBody,
  response: ScoreAnswer,
  handler: async ({ query, body, services, user }) => ({
    json: await services.liveLane.score(user, body, query),
  }),
  audit: {
    action: 'score',
    target: ({ body }) => body.declaration_id,
    detail: (_ctx, out) => {
      const { model, lines, stored, alerts } = out.json;
      return { model: model.content_hash, lanes: laneCounts(lines), stored, alerts };
    },
  },
});

const recordInspection = defineRoute({
  method: 'post',
  path: '/api/inspections',
  summary:
    'Record the result of inspecting a declaration line (found or not, revenue recovered, notes); a line in the graph store is labelled with it (`in_store`)',
  tag: 'risk',
  policy: INSPECTION_WRITERS,
  body: InspectionBody,
  response: RecordedInspection,
  status: 201,
  handler: async ({ body, services, user }) => {
    const inspection = await services.inspections.record(user.username, body);
    return { status: 201, json: inspection };
  },
  audit: {
    action: 'inspection',
    target: ({ body }) => `${body.declaration_id}/${body.line}`,
    detail: ({ body }, out) => ({
      found: body.found,
      revenueRecovered: body.revenue_recovered ?? null,
      inStore: out.json.in_store,
    }),
  },
});

const listInspections = defineRoute({
  method: 'get',
  path: '/api/inspections',
  summary: 'The inspection results recorded on a declaration’s lines',
  tag: 'risk',
  policy: CASE_READERS,
  query: InspectionsQuery,
  response: InspectionsAnswer,
  handler: ({ query, services }) => ({
    json: { inspections: services.inspections.list(query.declaration_id) },
  }),
  audit: {
    action: 'view_inspections',
    target: ({ query }) => query.declaration_id,
    detail: (_ctx, out) => ({ count: out.json.inspections.length }),
  },
});

export const riskRoutes = (): Route[] => [score, recordInspection, listInspections];
