// The explorer's calls to the real-time risk API: the live lane, alerts and their stream, the
// watch list and inspection results (server/API.md). Answers are validated with the server's
// own schemas.
import { z } from 'zod';
import { RecordedInspection, type InspectionBody } from '../../../src/api/risk.ts';
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

/** What recording answers: the result as kept (and, from newer servers, whether its line is in the store). */
const Recorded = z.union([Inspection, RecordedInspection]);

export type { InspectionBody };

export const riskApi = {
  live: () => request('/api/declarations/live', LiveAnswer),
  /** Open alerts; with `after`, only those raised after that id (catching up after a reconnect). */
  openAlerts: (after?: number) => request(withQuery('/api/alerts', { open: 'true', after }), AlertsAnswer),
  acknowledge: (id: number) =>
    request(`/api/alerts/${id}/acknowledge`, Alert, {
      method: 'POST',
      body: {},
    }),
  streamUrl: () => '/api/risk/stream',

  watchList: () => request('/api/watchlist', WatchListAnswer),
  watch: (partyKey: string, reason: string) =>
    request('/api/watchlist', WatchEntry, {
      method: 'POST',
      body: { party_key: partyKey, reason },
    }),
  /** Takes the watch-list entry `id` off the list. */
  unwatch: (id: number) => request(`/api/watchlist/${id}`, WatchEntry, { method: 'DELETE' }),

  inspections: (declarationId: string) =>
    request(withQuery('/api/inspections', { declaration_id: declarationId }), InspectionsAnswer),
  recordInspection: (body: InspectionBody) =>
    request('/api/inspections', Recorded, {
      method: 'POST',
      body,
    }),
};
