// Leads: parties worth a look because of where they sit (near a seizure, holding risky firms
// together), ranked, each with its reason and seizure path. Not rings.
import { LeadQuery, LeadsAnswer } from '../../src/api/leads.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { CASE_READERS } from '../policies.ts';

const leads = defineRoute({
  method: 'get',
  path: '/api/leads',
  summary: 'Leads on parties from the last detection run, best first, filterable by detector and score',
  tag: 'findings',
  policy: CASE_READERS,
  query: LeadQuery,
  response: LeadsAnswer,
  handler: async ({ query, services }) => ({ json: await services.leads.list(query) }),
  audit: {
    action: 'view_leads',
    target: () => null,
    detail: ({ query }, out) => ({
      detector: query.detector ?? null,
      minScore: query.minScore ?? null,
      limit: query.limit,
      offset: query.offset,
      leads: out.json.leads.length,
    }),
  },
});

export const leadRoutes = (): Route[] => [leads];
