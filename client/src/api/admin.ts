// The explorer's calls for the admin and enforcement screens: user accounts, the audit trail and
// its chain check, inspection targets, and graph files for Gephi (server/API.md). Answers are
// validated with the server's own schemas.
import {
  AccountAnswer,
  AccountsAnswer,
  AuditEntriesAnswer,
  AuditVerifyAnswer,
  TargetsAnswer,
  type Role,
} from '../../../src/api/index.ts';
import { request, withQuery } from './http.ts';

const enc = encodeURIComponent;

/** The audit screen's filters: '' leaves one unset; days are YYYY-MM-DD, inclusive. */
export interface AuditFilter {
  user: string;
  action: string;
  from: string;
  to: string;
}

export interface AccountChange {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export const adminApi = {
  users: () => request('/api/users', AccountsAnswer),
  createUser: (username: string, role: Role, password: string) =>
    request('/api/users', AccountAnswer, { method: 'POST', body: { username, role, password } }),
  changeUser: (username: string, change: AccountChange) =>
    request(`/api/users/${enc(username)}`, AccountAnswer, { method: 'PATCH', body: change }),
  /** Newest first; `before` (an entry number) pages to older entries. */
  audit: (filter: AuditFilter, limit: number, before?: number) =>
    request(withQuery('/api/audit', { ...filter, limit, before }), AuditEntriesAnswer),
  verifyAudit: () => request('/api/audit/verify', AuditVerifyAnswer),
  targets: (limit: number) => request(withQuery('/api/targets', { limit }), TargetsAnswer),
  /** A GraphML or GEXF file around `key` (the whole firm network without one). */
  graphFileUrl: (format: 'graphml' | 'gexf', key: string | null) =>
    withQuery('/api/exports/graph', { format, key: key ?? undefined }),
};
