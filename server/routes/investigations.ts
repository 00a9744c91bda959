// Saved investigations: list, save, open, replace and delete a named canvas. Every signed-in
// user may save their own; the service's one access check answers 404 for one the user may not
// see and 403 for one shared with them that they try to change. Changes are audited as `write`.
import { z } from 'zod';
import {
  InvestigationAnswer,
  InvestigationId,
  InvestigationsAnswer,
  SavedInvestigation,
} from '../../src/api/investigations.ts';
import { defineRoute, type Route } from '../http/route.ts';

const IdParams = z.strictObject({ id: InvestigationId });

const listInvestigations = defineRoute({
  method: 'get',
  path: '/api/investigations',
  summary: 'Saved investigations you own or that were shared with you, most recently saved first',
  tag: 'investigations',
  policy: 'user',
  response: InvestigationsAnswer,
  handler: ({ services, user }) => ({ json: { investigations: services.investigations.list(user) } }),
  audit: {
    action: 'view_investigations',
    target: () => null,
    detail: (_ctx, out) => ({ investigations: out.json.investigations.length }),
  },
});

const saveInvestigation = defineRoute({
  method: 'post',
  path: '/api/investigations',
  summary: 'Save the canvas as a named investigation, optionally shared (read-only) with other users',
  tag: 'investigations',
  policy: 'user',
  status: 201,
  body: SavedInvestigation,
  response: InvestigationAnswer,
  handler: ({ body, services, user }) => ({
    status: 201,
    json: { investigation: services.investigations.create(user, body) },
  }),
  audit: {
    action: 'write',
    target: (_ctx, out) => out.json.investigation.id,
    detail: (_ctx, out) => ({
      what: 'investigation_saved',
      nodes: out.json.investigation.nodeCount,
      sharedWith: out.json.investigation.sharedWith,
    }),
  },
});

const openInvestigation = defineRoute({
  method: 'get',
  path: '/api/investigations/:id',
  summary: 'One saved investigation with its canvas',
  tag: 'investigations',
  policy: 'user',
  params: IdParams,
  response: InvestigationAnswer,
  handler: ({ params, services, user }) => ({
    json: { investigation: services.investigations.view(user, params.id) },
  }),
  audit: { action: 'view_investigation', target: ({ params }) => params.id },
});

const replaceInvestigation = defineRoute({
  method: 'put',
  path: '/api/investigations/:id',
  summary: 'Save an investigation again: its name, canvas and shares replaced (owner or admin)',
  tag: 'investigations',
  policy: 'user',
  params: IdParams,
  body: SavedInvestigation,
  response: InvestigationAnswer,
  handler: ({ params, body, services, user }) => ({
    json: { investigation: services.investigations.replace(user, params.id, body) },
  }),
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: (_ctx, out) => ({
      what: 'investigation_updated',
      nodes: out.json.investigation.nodeCount,
      sharedWith: out.json.investigation.sharedWith,
    }),
  },
});

const deleteInvestigation = defineRoute({
  method: 'delete',
  path: '/api/investigations/:id',
  summary: 'Delete a saved investigation (owner or admin)',
  tag: 'investigations',
  policy: 'user',
  params: IdParams,
  status: 204,
  handler: ({ params, services, user }) => {
    services.investigations.remove(user, params.id);
    return { status: 204, json: null };
  },
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: () => ({ what: 'investigation_deleted' }),
  },
});

export const investigationRoutes = (): Route[] => [
  listInvestigations,
  saveInvestigation,
  openInvestigation,
  replaceInvestigation,
  deleteInvestigation,
];
