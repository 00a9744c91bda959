// The explorer's calls to the real-time risk API: the live lane, alerts and their stream, the
// watch list and inspection results (server/API.md). Answers are validated with the server's
// own schemas.
import { z } from 'zod';
import type { InspectionBody } from '../../../src/api/risk.ts';
import { request, withQuery } from './http.ts';
import {
  Alert,
  AlertsAnswer,
  Inspection,
  InspectionsAnswer,
  LiveAnswer,
  WatchEntry,
  WatchListAnswer,
} from './schemas.ts';

const enc = encodeURIComponent;
const NoContent = z.unknown();

export type { InspectionBody };

export const riskApi = {
  live: () => request('/api/declarations/live', LiveAnswer),
  /** Open alerts; with `after`, only those raised after that id (catching up after a reconnect). */
  openAlerts: (after?: number) => request(withQuery('/api/alerts', { open: 'true', after }), AlertsAnswer),
  acknowledge: (id: number) =>
    request(`/api/alerts/${id}/acknowledge`, z.strictObject({ alert: Alert }).or(NoContent), {
      method: 'POST',
      body: {},
    }),
  streamUrl: () => '/api/risk/stream',

  watchList: () => request('/api/watchlist', WatchListAnswer),
  watch: (partyKey: string, reason: string) =>
    request('/api/watchlist', z.strictObject({ entry: WatchEntry }).or(NoContent), {
      method: 'POST',
      body: { party_key: partyKey, reason },
    }),
  unwatch: (partyKey: string) => request(`/api/watchlist/${enc(partyKey)}`, NoContent, { method: 'DELETE' }),

  inspections: (declarationId: string) =>
    request(withQuery('/api/inspections', { declaration_id: declarationId }), InspectionsAnswer),
  recordInspection: (body: InspectionBody) =>
    request('/api/inspections', z.strictObject({ inspection: Inspection }).or(NoContent), {
      method: 'POST',
      body,
    }),
};
