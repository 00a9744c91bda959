// Cases: list, open, view, change, pin entities and rings, notes and evidence. Every case route
// goes through the one access check in services/case-access.ts (404 unseen, 403 read-only).
import { z } from 'zod';
import { nodeKey } from '../../src/model/index.ts';
import { NodeKeyParam } from '../api-shapes.ts';
import { Username } from '../auth/users.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route, type RouteContext } from '../http/route.ts';
import { CASE_READERS, CASE_WRITERS } from '../policies.ts';
import { CaseStatus, CaseVisibility } from '../services/cases.ts';
import { caseDetail } from '../services/case-detail.ts';
import { parseKey } from '../services/graph-view.ts';
import type { User } from '../auth/users.ts';
import type { Services } from '../services/index.ts';

const CaseId = z.string().regex(/^C-[0-9a-f]{12}$/, 'a case id, e.g. C-0123456789ab');
const IdParams = z.strictObject({ id: CaseId });
const Title = z.string().trim().min(1).max(200);
/** A declaration line as `declarationId/line`, the id of its Shipment node. */
const DeclarationLine = z
  .string()
  .regex(/^.{1,200}\/\d{1,6}$/, 'a declaration line as declarationId/line, e.g. DECL-0001/1');

const CaseAnswer = z.object({
  case: z.looseObject({ id: z.string(), title: z.string(), status: CaseStatus }),
});

async function answer(
  services: Services,
  user: User | null,
  id: string,
  audit?: { requestId: string; what: string; detail?: Record<string, unknown> },
) {
  const me = user as User;
  if (audit)
    services.audit.append({
      action: 'write',
      username: me.username,
      requestId: audit.requestId,
      target: id,
      detail: { what: audit.what, ...audit.detail },
    });
  return { json: { case: await caseDetail(services, me, id) } };
}

function assigneeMustWrite(services: Services, username: string | null | undefined): void {
  if (username === null || username === undefined) return;
  const assignee = services.users.get(username);
  if (!assignee || assignee.disabled || !(CASE_WRITERS as readonly string[]).includes(assignee.role)) {
    throw new ApiError(400, 'invalid_request', `assignee ${username} is not an active case officer or admin`);
  }
}

type Ctx = RouteContext<{ id: string }, undefined, unknown>;
const writer = (ctx: Ctx) => ctx.services.cases.get(ctx.user as User, ctx.params.id, 'write');

export function caseRoutes(): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases',
      summary: 'Cases you may see, most recently changed first',
      tag: 'cases',
      policy: CASE_READERS,
      handler: ({ services, user }) => ({
        json: {
          cases: services.cases.list(user as User).map((c) => ({
            id: c.id,
            title: c.title,
            status: c.status,
            visibility: c.visibility,
            owner: c.owner,
            assignee: c.assignee,
            updatedAt: c.updatedAt,
            entityCount: c.entityCount,
          })),
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases',
      summary: 'Open a case',
      tag: 'cases',
      policy: CASE_WRITERS,
      status: 201,
      body: z.strictObject({
        title: Title,
        description: z.string().max(10_000).optional(),
        visibility: CaseVisibility.optional(),
        assignee: Username.nullable().optional(),
      }),
      response: CaseAnswer,
      handler: async ({ body, services, user, requestId }) => {
        assigneeMustWrite(services, body.assignee);
        const c = services.cases.create(user as User, body);
        return { status: 201, ...(await answer(services, user, c.id, { requestId, what: 'case_created' })) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:id',
      summary: 'One case with entities, rings, notes, evidence and timeline',
      tag: 'cases',
      policy: CASE_READERS,
      params: IdParams,
      response: CaseAnswer,
      handler: async ({ params, services, user, requestId }) => {
        const result = await answer(services, user, params.id);
        services.audit.append({
          action: 'view_case',
          username: user?.username ?? null,
          requestId,
          target: params.id,
        });
        return result;
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/cases/:id',
      summary: 'Change title, description, status, assignee or visibility',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: IdParams,
      body: z
        .strictObject({
          title: Title.optional(),
          description: z.string().max(10_000).optional(),
          status: CaseStatus.optional(),
          assignee: Username.nullable().optional(),
          visibility: CaseVisibility.optional(),
        })
        .refine((b) => Object.keys(b).length > 0, 'name at least one field to change'),
      response: CaseAnswer,
      handler: async ({ params, body, services, user, requestId }) => {
        assigneeMustWrite(services, body.assignee);
        services.cases.update(user as User, params.id, body);
        return answer(services, user, params.id, {
          requestId,
          what: 'case_updated',
          detail: { fields: Object.keys(body) },
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/entities',
      summary: 'Pin entities to the case',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: IdParams,
      body: z.strictObject({ keys: z.array(NodeKeyParam).min(1).max(500) }),
      response: CaseAnswer,
      handler: async (ctx) => {
        writer(ctx);
        const refs = ctx.body.keys.map(parseKey);
        const found = new Set((await ctx.services.store.getNodes(refs)).map(nodeKey));
        const unknown = refs.map(nodeKey).filter((k) => !found.has(k));
        if (unknown.length > 0)
          throw new ApiError(400, 'unknown_nodes', `no such nodes: ${unknown.slice(0, 20).join(', ')}`);
        ctx.services.cases.addEntities(ctx.user as User, ctx.params.id, refs.map(nodeKey), 'pinned');
        return answer(ctx.services, ctx.user, ctx.params.id, {
          requestId: ctx.requestId,
          what: 'entities_added',
          detail: { keys: refs.map(nodeKey) },
        });
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/cases/:id/entities/:key',
      summary: 'Unpin an entity',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: z.strictObject({ id: CaseId, key: NodeKeyParam }),
      response: CaseAnswer,
      handler: async ({ params, services, user, requestId }) => {
        const key = nodeKey(parseKey(params.key));
        if (!services.cases.removeEntity(user as User, params.id, key))
          throw new ApiError(404, 'not_found', `${key} is not pinned to case ${params.id}`);
        return answer(services, user, params.id, { requestId, what: 'entity_removed', detail: { key } });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/rings',
      summary: 'Add a ring and its members to the case',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: IdParams,
      body: z.strictObject({ ringId: z.string().min(1).max(200) }),
      response: CaseAnswer,
      handler: async (ctx) => {
        writer(ctx);
        const ring = await ctx.services.store.getRing(ctx.body.ringId);
        if (!ring)
          throw new ApiError(400, 'unknown_ring', `no ring ${ctx.body.ringId} in the last detection run`);
        ctx.services.cases.addRing(ctx.user as User, ctx.params.id, ring.id, ring.members.map(nodeKey));
        return answer(ctx.services, ctx.user, ctx.params.id, {
          requestId: ctx.requestId,
          what: 'ring_added',
          detail: { ringId: ring.id },
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/notes',
      summary: 'Add a note',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: IdParams,
      body: z.strictObject({ text: z.string().trim().min(1).max(20_000) }),
      response: CaseAnswer,
      handler: async ({ params, body, services, user, requestId }) => {
        services.cases.addNote(user as User, params.id, body.text);
        return answer(services, user, params.id, { requestId, what: 'note_added' });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:id/evidence',
      summary: 'Add an evidence item tied to declaration lines (and optionally a ring)',
      tag: 'cases',
      policy: CASE_WRITERS,
      params: IdParams,
      body: z.strictObject({
        description: z.string().trim().min(1).max(5000),
        declarationIds: z.array(DeclarationLine).min(1).max(1000),
        ringId: z.string().min(1).max(200).optional(),
      }),
      response: CaseAnswer,
      handler: async (ctx) => {
        writer(ctx);
        const { body, services } = ctx;
        const refs = body.declarationIds.map((d) => ({ label: 'Shipment' as const, id: d }));
        const found = new Set((await services.store.getNodes(refs)).map((n) => n.id));
        const unknown = body.declarationIds.filter((d) => !found.has(d));
        if (unknown.length > 0)
          throw new ApiError(
            400,
            'unknown_declarations',
            `no such declaration lines: ${unknown.slice(0, 20).join(', ')}`,
          );
        if (body.ringId && !(await services.store.getRing(body.ringId)))
          throw new ApiError(400, 'unknown_ring', `no ring ${body.ringId}`);
        services.cases.addEvidence(ctx.user as User, ctx.params.id, body);
        return answer(services, ctx.user, ctx.params.id, {
          requestId: ctx.requestId,
          what: 'evidence_added',
          detail: { declarationIds: body.declarationIds },
        });
      },
    }),
  ];
}
