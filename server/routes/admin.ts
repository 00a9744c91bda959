// Administration: user accounts and the audit trail (listing and chain verification).
import { z } from 'zod';
import { ApiUser } from '../api-shapes.ts';
import { ANCHOR_PATTERN, parseAnchor } from '../audit.ts';
import { NewPassword, Username, type User } from '../auth/users.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { ADMIN, Role } from '../policies.ts';

const Anchor = z
  .string()
  .regex(ANCHOR_PATTERN, 'an anchor is SEQ:HASH, the entry number and its 64-hex-digit hash')
  .transform((text) => parseAnchor(text) ?? z.NEVER);

const UserView = ApiUser.extend({
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
const view = (u: User) => ({
  username: u.username,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
});

export function adminRoutes(): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      summary: 'All user accounts',
      tag: 'admin',
      policy: ADMIN,
      response: z.object({ users: z.array(UserView) }),
      handler: ({ services }) => ({ json: { users: services.users.list().map(view) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      summary: 'Create a user (who must change the password at first sign-in)',
      tag: 'admin',
      policy: ADMIN,
      status: 201,
      body: z.strictObject({ username: Username, role: Role, password: NewPassword }),
      response: z.object({ user: UserView }),
      handler: async ({ body, services, user, requestId }) => {
        const created = await services.users.add({ ...body, mustChangePassword: true });
        services.audit.append({
          action: 'user_admin',
          username: user?.username ?? null,
          requestId,
          target: created.username,
          detail: { what: 'created', role: created.role },
        });
        return { status: 201, json: { user: view(created) } };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/users/:name',
      summary: 'Change a user’s role, disable or enable, or reset the password',
      tag: 'admin',
      policy: ADMIN,
      params: z.strictObject({ name: Username }),
      body: z
        .strictObject({
          role: Role.optional(),
          disabled: z.boolean().optional(),
          password: NewPassword.optional(),
        })
        .refine((b) => Object.keys(b).length > 0, 'name at least one field to change'),
      response: z.object({ user: UserView }),
      handler: async ({ params, body, services, user, requestId }) => {
        if (
          params.name === user?.username &&
          (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))
        ) {
          throw new ApiError(
            400,
            'invalid_request',
            'you cannot disable or demote your own account; ask another admin',
          );
        }
        let changed = services.users.update(params.name, {
          ...(body.role ? { role: body.role } : {}),
          ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        });
        if (body.password)
          changed = await services.users.setPassword(params.name, body.password, { mustChange: true });
        services.audit.append({
          action: 'user_admin',
          username: user?.username ?? null,
          requestId,
          target: params.name,
          detail: { what: 'changed', fields: Object.keys(body) },
        });
        return { json: { user: view(changed) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit',
      summary: 'Audit entries, newest first',
      tag: 'admin',
      policy: ADMIN,
      query: z.strictObject({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        before: z.coerce.number().int().min(1).optional(),
        action: z
          .string()
          .regex(/^[a-z_]{1,40}$/)
          .optional(),
        user: Username.optional(),
      }),
      handler: ({ query, services }) => ({
        json: {
          entries: services.audit.list({
            limit: query.limit,
            ...(query.before !== undefined ? { beforeSeq: query.before } : {}),
            ...(query.action !== undefined ? { action: query.action } : {}),
            ...(query.user !== undefined ? { username: query.user } : {}),
          }),
        },
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit/verify',
      summary:
        'Check the audit hash chain (and entries recorded elsewhere, `anchor=SEQ:HASH`); names the first broken entry',
      tag: 'admin',
      policy: ADMIN,
      query: z.strictObject({ anchor: z.union([Anchor, z.array(Anchor).max(100)]).optional() }),
      response: z.object({
        ok: z.boolean(),
        entries: z.number().int(),
        head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
        firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
      }),
      handler: ({ query, services }) => {
        const anchors =
          query.anchor === undefined ? [] : Array.isArray(query.anchor) ? query.anchor : [query.anchor];
        return { json: { ...services.audit.verify(anchors), head: services.audit.head() } };
      },
    }),
  ];
}
