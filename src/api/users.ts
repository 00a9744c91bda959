// Accounts and the audit trail as the API shows them: the signed-in user, user administration,
// audit entries and the result of checking the audit chain.
import { z } from 'zod';
import { Role } from './roles.ts';

export const Username = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{1,63}$/, 'a lower-case name of 2–64 letters, digits, ".", "_" or "-"');

export const ApiUser = z.strictObject({ username: z.string(), role: Role });
export const UserAnswer = z.strictObject({ user: ApiUser });
/** The user of a session, who may have to change their password before anything else. */
export const SignedInUser = ApiUser.extend({ mustChangePassword: z.boolean() });
export type SignedInUser = z.infer<typeof SignedInUser>;
export const SignedInAnswer = z.strictObject({ user: SignedInUser });

export const Account = SignedInUser.extend({ disabled: z.boolean(), createdAt: z.string() });
export type Account = z.infer<typeof Account>;
export const AccountAnswer = z.strictObject({ user: Account });
export const AccountsAnswer = z.strictObject({ users: z.array(Account) });

export const AuditEntry = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  /** What was acted on: a node key, ring id, case id, job id or user name. */
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditEntriesAnswer = z.strictObject({ entries: z.array(AuditEntry) });

export const AuditAnchor = z.strictObject({ seq: z.number().int(), hash: z.string() });
export const AuditVerifyAnswer = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int(),
  head: AuditAnchor.nullable(),
  firstBroken: z.strictObject({ seq: z.number().int(), reason: z.string() }).nullable(),
});
