// Cases: list, open, view, change, pin entities and rings, notes and evidence. Each route calls
// one case use case (services/case-work.ts), which asks the one access check (404 unseen, 403
// read-only); every change is audited as a `write` naming what was done.
import { z } from 'zod';
import {
  CaseAnswer,
  CaseDescription,
  CaseId,
  CasesAnswer,
  CaseStatus,
  CaseTitle,
  CaseVisibility,
  NewCase,
  NewEvidence,
  NoteText,
} from '../../src/api/cases.ts';
import { NodeKeyParam } from '../../src/api/graph.ts';
import { nodeKey } from '../../src/model/index.ts';
import { Username } from '../../src/api/users.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { CASE_READERS, CASE_WRITERS } from '../policies.ts';
import { parseKey } from '../services/graph-view.ts';

const IdParams = z.strictObject({ id: CaseId });

const listCases = defineRoute({
  method: 'get',
  path: '/api/cases',
  summary: 'Cases you may see, most recently changed first',
  tag: 'cases',
  policy: CASE_READERS,
  response: CasesAnswer,
  handler: ({ services, user }) => ({ json: { cases: services.cases.list(user) } }),
  audit: {
    action: 'view_cases',
    target: () => null,
    detail: (_ctx, out) => ({ cases: out.json.cases.length }),
  },
});

const openCase = defineRoute({
  method: 'post',
  path: '/api/cases',
  summary: 'Open a case',
  tag: 'cases',
  policy: CASE_WRITERS,
  status: 201,
  body: NewCase,
  response: CaseAnswer,
  handler: async ({ body, services, user }) => ({
    status: 201,
    json: { case: await services.cases.open(user, body) },
  }),
  audit: {
    action: 'write',
    target: (_ctx, out) => out.json.case.id,
    detail: () => ({ what: 'case_created' }),
  },
});

const viewCase = defineRoute({
  method: 'get',
  path: '/api/cases/:id',
  summary: 'One case with entities, rings, notes, evidence and timeline',
  tag: 'cases',
  policy: CASE_READERS,
  params: IdParams,
  response: CaseAnswer,
  handler: async ({ params, services, user }) => ({
    json: { case: await services.cases.view(user, params.id) },
  }),
  audit: { action: 'view_case', target: ({ params }) => params.id },
});

const changeCase = defineRoute({
  method: 'patch',
  path: '/api/cases/:id',
  summary: 'Change title, description, status, assignee or visibility',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: IdParams,
  body: z
    .strictObject({
      title: CaseTitle.optional(),
      description: CaseDescription.optional(),
      status: CaseStatus.optional(),
      assignee: Username.nullable().optional(),
      visibility: CaseVisibility.optional(),
    })
    .refine((b) => Object.keys(b).length > 0, 'name at least one field to change'),
  response: CaseAnswer,
  handler: async ({ params, body, services, user }) => ({
    json: { case: await services.cases.change(user, params.id, body) },
  }),
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: ({ body }) => ({ what: 'case_updated', fields: Object.keys(body) }),
  },
});

const pinEntities = defineRoute({
  method: 'post',
  path: '/api/cases/:id/entities',
  summary: 'Pin entities to the case',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: IdParams,
  body: z.strictObject({ keys: z.array(NodeKeyParam).min(1).max(500) }),
  response: CaseAnswer,
  handler: async ({ params, body, services, user }) => ({
    json: { case: await services.cases.pinEntities(user, params.id, body.keys) },
  }),
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: ({ body }) => ({ what: 'entities_added', keys: body.keys.map((k) => nodeKey(parseKey(k))) }),
  },
});

const unpinEntity = defineRoute({
  method: 'delete',
  path: '/api/cases/:id/entities/:key',
  summary: 'Unpin an entity',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: z.strictObject({ id: CaseId, key: NodeKeyParam }),
  response: CaseAnswer,
  handler: async ({ params, services, user }) => ({
    json: { case: await services.cases.unpinEntity(user, params.id, nodeKey(parseKey(params.key))) },
  }),
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: ({ params }) => ({ what: 'entity_removed', key: nodeKey(parseKey(params.key)) }),
  },
});

const addRing = defineRoute({
  method: 'post',
  path: '/api/cases/:id/rings',
  summary: 'Add a ring and its members to the case',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: IdParams,
  body: z.strictObject({ ringId: z.string().min(1).max(200) }),
  response: CaseAnswer,
  handler: async ({ params, body, services, user }) => ({
    json: { case: await services.cases.addRing(user, params.id, body.ringId) },
  }),
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: ({ body }) => ({ what: 'ring_added', ringId: body.ringId }),
  },
});

const addNote = defineRoute({
  method: 'post',
  path: '/api/cases/:id/notes',
  summary: 'Add a note',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: IdParams,
  body: z.strictObject({ text: NoteText }),
  response: CaseAnswer,
  handler: async ({ params, body, services, user }) => ({
    json: { case: await services.cases.addNote(user, params.id, body.text) },
  }),
  audit: { action: 'write', target: ({ params }) => params.id, detail: () => ({ what: 'note_added' }) },
});

const addEvidence = defineRoute({
  method: 'post',
  path: '/api/cases/:id/evidence',
  summary: 'Add an evidence item tied to declaration lines (and optionally a ring)',
  tag: 'cases',
  policy: CASE_WRITERS,
  params: IdParams,
  body: NewEvidence,
  response: CaseAnswer,
  handler: async ({ params, body, services, user }) => ({
    json: { case: await services.cases.addEvidence(user, params.id, body) },
  }),
  audit: {
    action: 'write',
    target: ({ params }) => params.id,
    detail: ({ body }) => ({ what: 'evidence_added', declarationIds: body.declarationIds }),
  },
});

export const caseRoutes = (): Route[] => [
  listCases,
  openCase,
  viewCase,
  changeCase,
  pinEntities,
  unpinEntity,
  addRing,
  addNote,
  addEvidence,
];
