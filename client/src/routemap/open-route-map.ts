// Which route map is open, held once for the whole explorer: the ring view and the toolbar open
// one, the overlay (RouteMapOverlay) shows it. A small external store, as the open case is.
import { useSyncExternalStore } from 'react';

export interface RouteMapRequest {
  /** What the map is of, for its heading ("ring R-…", "3 selected parties"). */
  title: string;
  of: { ring: string } | { keys: readonly string[] };
}

let current: RouteMapRequest | null = null;
const listeners = new Set<() => void>();

export function openRouteMap(request: RouteMapRequest | null): void {
  current = request;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRouteMapRequest(): RouteMapRequest | null {
  return useSyncExternalStore(subscribe, () => current);
}
