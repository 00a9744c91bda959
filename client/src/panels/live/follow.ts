// Following the risk stream, apart from React so it can be tested with a fake stream: the lists
// are read at once and again whenever the stream (re)opens (alerts only after the last one seen),
// and each `scored` and `alert` event becomes a reducer action.
import { describeError } from '../../api/http.ts';
import { Alert, LiveDeclaration, type AlertsAnswer, type LiveAnswer } from '../../api/schemas.ts';
import type { LiveAction } from '../../state/live.ts';
import { parseData } from '../jobs/outcome.ts';
import type { z } from 'zod';

/** EventSource's readyState values (the constants are not on every runtime's global). */
const OPEN = 1;
const CLOSED = 2;

/** What of an EventSource this uses. */
export interface StreamLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface FeedSources {
  open: () => StreamLike;
  live: () => Promise<z.infer<typeof LiveAnswer>>;
  openAlerts: (after?: number) => Promise<z.infer<typeof AlertsAnswer>>;
}

export interface FeedListeners {
  dispatch: (action: LiveAction) => void;
  /** The highest alert id seen so far (0 before any). */
  lastAlertId: () => number;
  connected: (open: boolean) => void;
  error: (message: string | null) => void;
}

export const STREAM_CLOSED = 'The live stream was closed by the server; reload the page to follow it again.';

/** Starts following; answers the function that stops. */
export function followRiskFeed(sources: FeedSources, on: FeedListeners): () => void {
  let alive = true;
  const catchUp = async () => {
    const last = on.lastAlertId();
    try {
      const [live, alerts] = await Promise.all([
        sources.live(),
        sources.openAlerts(last > 0 ? last : undefined),
      ]);
      if (!alive) return;
      on.dispatch({ type: 'live/scored', declarations: live.declarations });
      on.dispatch({ type: 'alerts/raised', alerts: alerts.alerts });
      on.error(null);
    } catch (failure) {
      if (alive) on.error(describeError(failure));
    }
  };
  const events = sources.open();
  events.addEventListener('open', () => {
    on.connected(true);
    void catchUp();
  });
  events.addEventListener('error', () => {
    on.connected(events.readyState === OPEN);
    // The browser retries a dropped stream by itself; one it closed (refused, signed out) stays shut.
    if (events.readyState === CLOSED) on.error(STREAM_CLOSED);
  });
  events.addEventListener('scored', (event) => {
    const parsed = LiveDeclaration.safeParse(parseData(event.data));
    if (parsed.success) on.dispatch({ type: 'live/scored', declarations: [parsed.data] });
  });
  events.addEventListener('alert', (event) => {
    const parsed = Alert.safeParse(parseData(event.data));
    if (parsed.success) on.dispatch({ type: 'alerts/raised', alerts: [parsed.data] });
  });
  void catchUp();
  return () => {
    alive = false;
    events.close();
  };
}
