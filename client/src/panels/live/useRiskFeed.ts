// The live lane and the open alerts, kept current: both lists are read when the explorer opens,
// then each `scored` and `alert` event of the risk stream is added as it comes. Whenever the
// stream (re)opens, what was missed is read again: the live lane, and the alerts raised after
// the last one seen (`after=`). Duplicates from the overlap are dropped by the reducer.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { describeError } from '../../api/http.ts';
import { riskApi } from '../../api/risk.ts';
import { Alert, LiveDeclaration } from '../../api/schemas.ts';
import { INITIAL_LIVE, liveReducer, type LiveState } from '../../state/live.ts';
import { parseData } from '../jobs/outcome.ts';

export interface RiskFeed extends LiveState {
  /** Whether the stream is open (false while it reconnects). */
  connected: boolean;
  error: string | null;
  acknowledge: (id: number) => Promise<void>;
}

export function useRiskFeed(): RiskFeed {
  const [state, dispatch] = useReducer(liveReducer, INITIAL_LIVE);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastAlertId = useRef(0);
  lastAlertId.current = state.lastAlertId;

  useEffect(() => {
    let alive = true;
    const catchUp = async () => {
      const after = lastAlertId.current > 0 ? lastAlertId.current : undefined;
      try {
        const [live, alerts] = await Promise.all([riskApi.live(), riskApi.openAlerts(after)]);
        if (!alive) return;
        dispatch({ type: 'live/scored', declarations: live.declarations });
        dispatch({ type: 'alerts/raised', alerts: alerts.alerts });
        setError(null);
      } catch (failure) {
        if (alive) setError(describeError(failure));
      }
    };
    const events = new EventSource(riskApi.streamUrl());
    events.addEventListener('open', () => {
      setConnected(true);
      void catchUp();
    });
    events.addEventListener('error', () => {
      setConnected(events.readyState === EventSource.OPEN);
      // The browser retries a dropped stream by itself; one it closed (refused, signed out) stays shut.
      if (events.readyState === EventSource.CLOSED)
        setError('The live stream was closed by the server; reload the page to follow it again.');
    });
    events.addEventListener('scored', (event) => {
      const parsed = LiveDeclaration.safeParse(parseData(event.data));
      if (parsed.success) dispatch({ type: 'live/scored', declarations: [parsed.data] });
    });
    events.addEventListener('alert', (event) => {
      const parsed = Alert.safeParse(parseData(event.data));
      if (parsed.success) dispatch({ type: 'alerts/raised', alerts: [parsed.data] });
    });
    void catchUp();
    return () => {
      alive = false;
      events.close();
    };
  }, []);

  const acknowledge = useCallback(async (id: number) => {
    await riskApi.acknowledge(id);
    dispatch({ type: 'alerts/acknowledged', id });
  }, []);

  return { ...state, connected, error, acknowledge };
}
