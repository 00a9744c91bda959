// Administration: user accounts and the audit trail (listing and chain verification).
import { z } from 'zod';
import { IsoDate } from '../../src/api/graph.ts';
import { AccountAnswer, AccountsAnswer, AuditEntriesAnswer, AuditVerifyAnswer } from '../../src/api/users.ts';
import { ANCHOR_PATTERN, parseAnchor } from '../audit.ts';
import { NewPassword, Username } from '../auth/users.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { ADMIN, Role } from '../policies.ts';

const Anchor = z
  .string()
  .regex(ANCHOR_PATTERN, 'an anchor is SEQ:HASH, the entry number and its 64-hex-digit hash')
  .transform((text) => parseAnchor(text) ?? z.NEVER);

const listUsers = defineRoute({
  method: 'get',
  path: '/api/users',
  summary: 'All user accounts',
  tag: 'admin',
  policy: ADMIN,
  response: AccountsAnswer,
  handler: ({ services }) => ({ json: { users: services.accounts.list() } }),
});

const createUser = defineRoute({
  method: 'post',
  path: '/api/users',
  summary: 'Create a user (who must change the password at first sign-in)',
  tag: 'admin',
  policy: ADMIN,
  status: 201,
  body: z.strictObject({ username: Username, role: Role, password: NewPassword }),
  response: AccountAnswer,
  handler: async ({ body, services }) => ({
    status: 201,
    json: { user: await services.accounts.create(body) },
  }),
  audit: {
    action: 'user_admin',
    target: (_ctx, out) => out.json.user.username,
    detail: (_ctx, out) => ({ what: 'created', role: out.json.user.role }),
  },
});

const changeUser = defineRoute({
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
  response: AccountAnswer,
  handler: async ({ params, body, services, user }) => ({
    json: { user: await services.accounts.change(user, params.name, body) },
  }),
  audit: {
    action: 'user_admin',
    target: ({ params }) => params.name,
    detail: ({ body }) => ({ what: 'changed', fields: Object.keys(body) }),
  },
});

const auditEntries = defineRoute({
  method: 'get',
  path: '/api/audit',
  summary:
    'Audit entries, newest first; filter by action, user and day range (from, to: YYYY-MM-DD, inclusive)',
  tag: 'admin',
  policy: ADMIN,
  query: z
    .strictObject({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      before: z.coerce.number().int().min(1).optional(),
      action: z
        .string()
        .regex(/^[a-z_]{1,40}$/)
        .optional(),
      user: Username.optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
    })
    .refine((q) => !q.from || !q.to || q.from <= q.to, {
      message: 'from must be on or before to',
      path: ['from'],
    }),
  response: AuditEntriesAnswer,
  handler: ({ query, services }) => ({
    json: {
      entries: services.audit.list({
        limit: query.limit,
        ...(query.before !== undefined ? { beforeSeq: query.before } : {}),
        ...(query.action !== undefined ? { action: query.action } : {}),
        ...(query.user !== undefined ? { username: query.user } : {}),
        // Entry times are ISO instants: a day's range runs from its first to its last millisecond.
        ...(query.from !== undefined ? { from: `${query.from}T00:00:00.000Z` } : {}),
        ...(query.to !== undefined ? { to: `${query.to}T23:59:59.999Z` } : {}),
      }),
    },
  }),
  audit: {
    action: 'view_audit',
    target: () => null,
    detail: ({ query }, out) => ({ ...query, entries: out.json.entries.length }),
  },
});

const verifyAudit = defineRoute({
  method: 'get',
  path: '/api/audit/verify',
  summary:
    'Check the audit hash chain (and entries recorded elsewhere, `anchor=SEQ:HASH`); names the first broken entry',
  tag: 'admin',
  policy: ADMIN,
  query: z.strictObject({ anchor: z.union([Anchor, z.array(Anchor).max(100)]).optional() }),
  response: AuditVerifyAnswer,
  handler: ({ query, services }) => ({
    json: services.audit.check(query.anchor === undefined ? [] : [query.anchor].flat()),
  }),
});

export const adminRoutes = (): Route[] => [listUsers, createUser, changeUser, auditEntries, verifyAudit];
