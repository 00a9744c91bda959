// Roles and route policies. Every route declares one policy; the role matrix test enumerates
// every route × role against these declarations.
import { z } from 'zod';

export const Role = z.enum(['investigator', 'case_officer', 'enforcement', 'admin']);
export type Role = z.infer<typeof Role>;
export const ROLES = Role.options;

/**
 * `public`: no session needed (login, the OpenAPI document). `user`: any signed-in user.
 * A role list: only those roles (admin is always listed explicitly, never implied).
 */
export type Policy = 'public' | 'user' | readonly Role[];

export const CASE_WRITERS = ['case_officer', 'admin'] as const satisfies readonly Role[];
export const CASE_READERS = [
  'investigator',
  'case_officer',
  'enforcement',
  'admin',
] as const satisfies readonly Role[];
export const ENFORCEMENT = ['enforcement', 'admin'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];

export function allows(policy: Policy, role: Role | null): boolean {
  if (policy === 'public') return true;
  if (role === null) return false;
  if (policy === 'user') return true;
  return policy.includes(role);
}
