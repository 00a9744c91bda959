// The live side of risk as plain data: the declarations scored while the explorer is open
// (newest first), the open alerts (newest first) and the highest alert id seen, from which the
// explorer catches up after its stream reconnects. One pure reducer changes it; the same
// declaration or alert arriving twice (from a list and from the stream) is kept once.
import type { Alert, LiveDeclaration } from '../api/schemas.ts';

/** Declarations the live lane keeps; older ones drop off the end. */
export const LIVE_LANE_SIZE = 100;

export interface LiveState {
  declarations: LiveDeclaration[];
  alerts: Alert[];
  /** The highest alert id seen (open or not); 0 before any. */
  lastAlertId: number;
}

export const INITIAL_LIVE: LiveState = { declarations: [], alerts: [], lastAlertId: 0 };

export type LiveAction =
  | { type: 'live/scored'; declarations: LiveDeclaration[] }
  | { type: 'alerts/raised'; alerts: Alert[] }
  | { type: 'alerts/acknowledged'; id: number };

/** One scoring of one declaration: the same declaration scored again is a new entry. */
export const liveKey = (d: LiveDeclaration): string => `${d.scored_at}|${d.declaration_id}`;

const newestFirst = <T>(items: T[], at: (item: T) => string, tie: (item: T) => string | number) =>
  items.sort((a, b) => {
    const byTime = at(b).localeCompare(at(a));
    if (byTime !== 0) return byTime;
    const [x, y] = [tie(a), tie(b)];
    return x < y ? 1 : x > y ? -1 : 0;
  });

function addDeclarations(current: LiveDeclaration[], arriving: LiveDeclaration[]): LiveDeclaration[] {
  const byKey = new Map(current.map((d) => [liveKey(d), d]));
  for (const d of arriving) byKey.set(liveKey(d), d);
  return newestFirst([...byKey.values()], (d) => d.scored_at, liveKey).slice(0, LIVE_LANE_SIZE);
}

function addAlerts(state: LiveState, arriving: Alert[]): LiveState {
  const byId = new Map(state.alerts.map((a) => [a.id, a]));
  for (const a of arriving) {
    if (a.acknowledged_at === null) byId.set(a.id, a);
    else byId.delete(a.id);
  }
  const lastAlertId = Math.max(state.lastAlertId, ...arriving.map((a) => a.id));
  return { ...state, alerts: [...byId.values()].sort((a, b) => b.id - a.id), lastAlertId };
}

export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'live/scored':
      return { ...state, declarations: addDeclarations(state.declarations, action.declarations) };
    case 'alerts/raised':
      return addAlerts(state, action.alerts);
    case 'alerts/acknowledged':
      return { ...state, alerts: state.alerts.filter((a) => a.id !== action.id) };
  }
}
