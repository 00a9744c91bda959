// What the signed-in user may do with one case, decided as the server decides it
// (server/services/case-access.ts): admins change any case; the owner and the assignee change it
// when their role writes cases, else read it; anyone else reads a team case and never sees a
// restricted one. The case answer carries no such flag, so the explorer derives it from the same
// facts; tests/client pins the two together.
import { CASE_WRITERS } from '../../../../src/api/roles.ts';
import type { CaseSummary, Role } from '../../api/schemas.ts';

export type CaseAccess = 'none' | 'read' | 'write';

type CaseFacts = Pick<CaseSummary, 'visibility' | 'owner' | 'assignee'>;

export function caseAccess(user: { username: string; role: Role }, c: CaseFacts): CaseAccess {
  if (user.role === 'admin') return 'write';
  const involved = c.owner === user.username || c.assignee === user.username;
  if (involved) return (CASE_WRITERS as readonly string[]).includes(user.role) ? 'write' : 'read';
  return c.visibility === 'team' ? 'read' : 'none';
}
