// The live side of risk: the watch list, the alerts arriving declarations raise, the most recent
// scored declarations, and one Server-Sent Events stream of both (`scored`, `alert`).
import { z } from 'zod';
import {
  Alert,
  AlertsAnswer,
  AlertsQuery,
  LiveAnswer,
  LiveQuery,
  NumericIdParams,
  WatchEntry,
  WatchEntryBody,
  WatchListAnswer,
} from '../../src/api/alerts.ts';
import { ApiError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { streamEvents } from '../http/sse.ts';
import { ALERT_HANDLERS, CASE_READERS, WATCHLIST_WRITERS } from '../policies.ts';

const watchList = defineRoute({
  method: 'get',
  path: '/api/watchlist',
  summary: 'The watch list: parties whose arriving declarations raise an alert',
  tag: 'risk',
  policy: CASE_READERS,
  response: WatchListAnswer,
  handler: ({ services }) => ({ json: { entries: services.watchList.list() } }),
  audit: {
    action: 'view_watch_list',
    target: () => null,
    detail: (_ctx, out) => ({ count: out.json.entries.length }),
  },
});

const watch = defineRoute({
  method: 'post',
  path: '/api/watchlist',
  summary: 'Put a party on the watch list, with why (409 when it is on it already)',
  tag: 'risk',
  policy: WATCHLIST_WRITERS,
  body: WatchEntryBody,
  response: WatchEntry,
  status: 201,
  handler: ({ body, services, user }) => ({ status: 201, json: services.watchList.add(user.username, body) }),
  audit: {
    action: 'watch_list',
    target: ({ body }) => body.party_key,
    detail: (_ctx, out) => ({ change: 'added', entry: out.json.id, reason: out.json.reason }),
  },
});

const unwatch = defineRoute({
  method: 'delete',
  path: '/api/watchlist/:id',
  summary: 'Take an entry off the watch list',
  tag: 'risk',
  policy: WATCHLIST_WRITERS,
  params: NumericIdParams,
  response: WatchEntry,
  handler: ({ params, services }) => ({ json: services.watchList.remove(params.id) }),
  audit: {
    action: 'watch_list',
    target: (_ctx, out) => out.json.party_key,
    detail: (_ctx, out) => ({ change: 'removed', entry: out.json.id }),
  },
});

const alerts = defineRoute({
  method: 'get',
  path: '/api/alerts',
  summary: 'Alerts: the most recent first, or with `after` those after an id, oldest first; `open` filters',
  tag: 'risk',
  policy: CASE_READERS,
  query: AlertsQuery,
  response: AlertsAnswer,
  handler: ({ query, services }) => ({ json: { alerts: services.liveLane.listAlerts(query) } }),
  audit: {
    action: 'view_alerts',
    target: () => null,
    detail: ({ query }, out) => ({ ...query, count: out.json.alerts.length }),
  },
});

const acknowledge = defineRoute({
  method: 'post',
  path: '/api/alerts/:id/acknowledge',
  summary: 'Acknowledge an alert (take it in hand); a second acknowledgement keeps the first',
  tag: 'risk',
  policy: ALERT_HANDLERS,
  params: NumericIdParams,
  response: Alert,
  handler: ({ params, services, user }) => ({
    json: services.liveLane.acknowledge(params.id, user.username),
  }),
  audit: { action: 'acknowledge_alert', target: ({ params }) => String(params.id) },
});

const live = defineRoute({
  method: 'get',
  path: '/api/declarations/live',
  summary: 'The most recently scored declarations, newest first (the last 200 since the server started)',
  tag: 'risk',
  policy: CASE_READERS,
  query: LiveQuery,
  response: LiveAnswer,
  handler: ({ query, services }) => ({
    json: { declarations: services.liveLane.recentDeclarations(query.limit) },
  }),
  audit: {
    action: 'view_live',
    target: () => null,
    detail: (_ctx, out) => ({ count: out.json.declarations.length }),
  },
});

/** Last-Event-ID as the browser sends it back: the id of the last event received. */
const LastEventId = z.string().regex(/^\d{1,15}$/, 'Last-Event-ID must be an event id (a whole number)');

function lastEventIdOf(header: string | undefined): number | null {
  if (header === undefined || header === '') return null;
  const parsed = LastEventId.safeParse(header.trim());
  if (!parsed.success)
    throw new ApiError(
      400,
      'invalid_request',
      'the Last-Event-ID header must be an event id (a whole number)',
    );
  return Number(parsed.data);
}

const stream = defineRoute({
  method: 'get',
  path: '/api/risk/stream',
  summary:
    'Server-Sent Events: `scored` (a declaration as the live lane shows it) and `alert`; with Last-Event-ID, the alerts missed first',
  tag: 'risk',
  policy: CASE_READERS,
  produces: 'text/event-stream',
  handler: ({ req, res, services }) =>
    streamEvents(req, res, services.liveLane.stream(lastEventIdOf(req.get('Last-Event-ID')))),
});

export const liveRoutes = (): Route[] => [watchList, watch, unwatch, alerts, acknowledge, live, stream];
