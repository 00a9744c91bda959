// The one access check for cases. A case the user may not know exists answers 404; one they may
// see but not change answers 403. Team cases are readable by every user; restricted cases only
// by their owner, their assignee and admins. Changing a case takes a case-writing role and being
// its owner or assignee (admins may change any case).
import type { CaseHeader as ApiCaseHeader } from '../../src/api/cases.ts';
import type { User } from '../auth/users.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { CASE_WRITERS } from '../policies.ts';

/** What access to a case depends on. */
export type CaseHeader = Pick<ApiCaseHeader, 'id' | 'visibility' | 'owner' | 'assignee'>;

export type CaseAccess = 'none' | 'read' | 'write';

export function caseAccess(user: User, c: CaseHeader): CaseAccess {
  if (user.role === 'admin') return 'write';
  const involved = c.owner === user.username || c.assignee === user.username;
  if (involved) return (CASE_WRITERS as readonly string[]).includes(user.role) ? 'write' : 'read';
  return c.visibility === 'team' ? 'read' : 'none';
}

/** A refusal by the access check: the route leaves a `denied` audit entry naming the case. */
export class CaseAccessDenied extends ApiError {
  constructor(
    status: 403 | 404,
    message: string,
    readonly caseId: string,
    readonly needed: 'read' | 'write',
  ) {
    super(status, status === 404 ? 'not_found' : 'forbidden', message);
  }
}

/** Throws 404 / 403 unless the user has the access needed; returns the case header. */
export function requireCaseAccess<C extends CaseHeader>(
  user: User,
  c: C | null,
  needed: 'read' | 'write',
  id: string,
): C {
  const access = c ? caseAccess(user, c) : 'none';
  if (!c || access === 'none') throw new CaseAccessDenied(404, notFound(`case ${id}`).message, id, needed);
  if (needed === 'write' && access !== 'write') {
    throw new CaseAccessDenied(
      403,
      `you may read case ${id} but not change it; ask its owner or an admin`,
      id,
      needed,
    );
  }
  return c;
}
