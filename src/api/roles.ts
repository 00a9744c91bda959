// Roles and who may do what: the route policies the server enforces and the explorer's question
// "may this role change this area?", answered from the same lists.
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
/** Who records inspection results on declaration lines: the officers who act, not analysts alone. */
export const INSPECTION_WRITERS = ['case_officer', 'enforcement', 'admin'] as const satisfies readonly Role[];
export const ENFORCEMENT = ['enforcement', 'admin'] as const satisfies readonly Role[];
/**
 * Who may store an arriving declaration in the graph (`?store=true` on the scoring route): the
 * border officers who receive declarations. Every stored line changes what detection and training
 * see, so analysts and case officers score without storing.
 */
export const DECLARATION_WRITERS = ['enforcement', 'admin'] as const satisfies readonly Role[];
/** Who keeps the watch list (parties whose declarations raise an alert): the officers who act on alerts. */
export const WATCHLIST_WRITERS = ['case_officer', 'enforcement', 'admin'] as const satisfies readonly Role[];
/** Who acknowledges an alert (takes it in hand); every role sees the alerts. */
export const ALERT_HANDLERS = ['case_officer', 'enforcement', 'admin'] as const satisfies readonly Role[];
/** Who accepts or rejects a resolution candidate (two parties being one): investigators and up. */
export const RESOLUTION_REVIEWERS = [
  'investigator',
  'case_officer',
  'enforcement',
  'admin',
] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Who sends a partner administration a package: the officers who liaise with partners. */
export const SHARE_EXPORTERS = ['enforcement', 'admin'] as const satisfies readonly Role[];
/**
 * Who reads a partner's package against the store: analysts and enforcement. It carries another
 * administration's intelligence under a handling code, so not every role; case officers work
 * cases from what these find.
 */
export const SHARE_IMPORTERS = ['investigator', 'enforcement', 'admin'] as const satisfies readonly Role[];

export function allows(policy: Policy, role: Role | null): boolean {
  if (policy === 'public') return true;
  if (role === null) return false;
  if (policy === 'user') return true;
  return policy.includes(role);
}

/**
 * The policy of each area a user changes: cases, exports (suspect lists), jobs (ingest,
 * detection), declarations (storing an arriving one), the watch list, alerts (acknowledging),
 * inspection results and resolution (accepting or rejecting a candidate match).
 */
export const WRITE_POLICY = {
  cases: CASE_WRITERS,
  exports: ENFORCEMENT,
  jobs: ADMIN,
  declarations: DECLARATION_WRITERS,
  watchlist: WATCHLIST_WRITERS,
  alerts: ALERT_HANDLERS,
  inspections: INSPECTION_WRITERS,
  resolution: RESOLUTION_REVIEWERS,
} as const;
export type WriteArea = keyof typeof WRITE_POLICY;

/** Whether the role may change the area; the explorer shows or hides its controls by this. */
export function canWrite(role: string, area: WriteArea): boolean {
  const parsed = Role.safeParse(role);
  return parsed.success && allows(WRITE_POLICY[area], parsed.data);
}
