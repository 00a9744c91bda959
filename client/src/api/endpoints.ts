// One function per API call the explorer makes (server/API.md), so panels never build URLs.
import { z } from 'zod';
import { request, withQuery } from './http.ts';
import {
  CaseAnswer,
  CasesAnswer,
  JobAnswer,
  LeadsAnswer,
  ResolveCandidatesAnswer,
  ResolveReviewAnswer,
  NodeDetail,
  PathsAnswer,
  RingDetail,
  RingsAnswer,
  SearchAnswer,
  Subgraph,
  SignedInAnswer,
  ShippingRoutesAnswer,
  NeighboursAnswer,
  TradeLinkLinesAnswer,
  TradeLinksAnswer,
} from './schemas.ts';
import type { ResolveCandidate } from './schemas.ts';
import type { CanvasPictureRecord } from '../../../src/api/exports.ts';
import type { Filters } from '../state/types.ts';

const enc = encodeURIComponent;
const NoContent = z.unknown();

export const api = {
  login: (username: string, password: string) =>
    request('/api/auth/login', SignedInAnswer, { method: 'POST', body: { username, password } }),
  logout: () => request('/api/auth/logout', NoContent, { method: 'POST', body: {} }),
  me: () => request('/api/auth/me', SignedInAnswer),
  /** Records a PNG of the canvas in the audit trail; the picture is saved only once recorded. */
  recordCanvasPicture: (record: CanvasPictureRecord) =>
    request('/api/exports/canvas-png', NoContent, { method: 'POST', body: record }),

  search: (q: string, signal?: AbortSignal) =>
    request(withQuery('/api/search', { q, limit: 12 }), SearchAnswer, signal ? { signal } : {}),
  node: (key: string) => request(`/api/nodes/${enc(key)}`, NodeDetail),
  neighbourhood: (key: string, limit: number, filters: Filters) =>
    request(
      withQuery(`/api/nodes/${enc(key)}/neighbourhood`, {
        hops: 1,
        limit,
        dateFrom: filters.dateFrom,
        dateTo: filters.dateTo,
        hsPrefix: filters.hsChapter,
      }),
      Subgraph,
    ),
  /** Up to `limit` declaration lines next to a node (the currency probe reads one). */
  lines: (key: string, limit: number) =>
    request(
      withQuery(`/api/nodes/${enc(key)}/neighbourhood`, { hops: 1, limit, labels: 'Shipment' }),
      Subgraph,
    ),
  /** A party's trade links, at most `limit` per role, the rest grouped per role. */
  tradeLinks: (key: string, limit: number) =>
    request(withQuery('/api/graph/trade-links', { key, limit }), TradeLinksAnswer),
  /** One page of the declaration lines two parties share. */
  tradeLinkLines: (from: string, to: string, cursor: string | null, limit: number) =>
    request(withQuery('/api/graph/trade-link-lines', { from, to, cursor, limit }), TradeLinkLinesAnswer),
  /** One page of a node's direct neighbours of the given labels. */
  neighbours: (key: string, labels: readonly string[], limit: number) =>
    request(
      withQuery(`/api/nodes/${enc(key)}/neighbours`, { labels: labels.join(','), limit }),
      NeighboursAnswer,
    ),
  /** The route map of a ring or of parties: their lines by origin, departure and entry office. */
  shippingRoutes: (of: { ring: string } | { keys: readonly string[] }) =>
    request(
      'ring' in of
        ? withQuery('/api/graph/shipping-routes', { ring: of.ring })
        : `/api/graph/shipping-routes?${of.keys.map((k) => `key=${enc(k)}`).join('&')}`,
      ShippingRoutesAnswer,
    ),
  paths: (from: string, to: string, k: number) =>
    request(withQuery('/api/paths', { from, to, k, maxLength: 6 }), PathsAnswer),

  /** Rings, highest priority first (the API's own order). */
  rings: (limit = 500) => request(withQuery('/api/rings', { limit }), RingsAnswer),
  leads: (limit = 500) => request(withQuery('/api/leads', { limit }), LeadsAnswer),
  /** Resolution candidates (possible duplicates) of one status, open by default, best first. */
  resolveCandidates: (limit = 100, status: ResolveCandidate['status'] = 'open') =>
    request(withQuery('/api/resolve/candidates', { status, limit }), ResolveCandidatesAnswer),
  reviewCandidate: (id: string, verb: 'accept' | 'reject' | 'reopen') =>
    request(`/api/resolve/candidates/${enc(id)}/${verb}`, ResolveReviewAnswer, { method: 'POST' }),
  ring: (id: string) => request(`/api/rings/${enc(id)}`, RingDetail),

  cases: () => request('/api/cases', CasesAnswer),
  caseDetail: (id: string) => request(`/api/cases/${enc(id)}`, CaseAnswer),
  createCase: (title: string, description: string) =>
    request('/api/cases', CaseAnswer, {
      method: 'POST',
      body: description ? { title, description } : { title },
    }),
  setCaseStatus: (id: string, status: string) =>
    request(`/api/cases/${enc(id)}`, CaseAnswer, { method: 'PATCH', body: { status } }),
  /** Changes the case's description, assignee (null: none) or visibility. */
  changeCase: (
    id: string,
    change: { description?: string; assignee?: string | null; visibility?: 'team' | 'restricted' },
  ) => request(`/api/cases/${enc(id)}`, CaseAnswer, { method: 'PATCH', body: change }),
  addCaseEntities: (id: string, keys: string[]) =>
    request(`/api/cases/${enc(id)}/entities`, CaseAnswer, { method: 'POST', body: { keys } }),
  addCaseRing: (id: string, ringId: string) =>
    request(`/api/cases/${enc(id)}/rings`, CaseAnswer, { method: 'POST', body: { ringId } }),
  addCaseNote: (id: string, text: string) =>
    request(`/api/cases/${enc(id)}/notes`, CaseAnswer, { method: 'POST', body: { text } }),
  addCaseEvidence: (id: string, description: string, declarationIds: string[], ringId: string | null) =>
    request(`/api/cases/${enc(id)}/evidence`, CaseAnswer, {
      method: 'POST',
      body: ringId ? { description, declarationIds, ringId } : { description, declarationIds },
    }),
  casePackUrl: (id: string) => `/api/cases/${enc(id)}/pack`,
  suspectsCsvUrl: () => withQuery('/api/exports/suspects', { format: 'csv' }),

  startIngest: (files: File[], preset: string) => {
    const form = new FormData();
    if (preset) form.set('preset', preset);
    for (const file of files) form.append('file', file, file.name);
    return request('/api/jobs/ingest', JobAnswer, { method: 'POST', body: form });
  },
  startDetection: () => request('/api/jobs/detect', JobAnswer, { method: 'POST', body: {} }),
  jobEventsUrl: (id: string) => `/api/jobs/${enc(id)}/events`,
};
