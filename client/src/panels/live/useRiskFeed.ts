// The live lane and the open alerts, kept current: both lists are read when the explorer opens,
// then each `scored` and `alert` event of the risk stream is added as it comes. Whenever the
// stream (re)opens, what was missed is read again: the live lane, and the alerts raised after
// the last one seen (`after=`). Duplicates from the overlap are dropped by the reducer.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { riskApi } from '../../api/risk.ts';
import { INITIAL_LIVE, liveReducer, type LiveState } from '../../state/live.ts';
import { followRiskFeed } from './follow.ts';

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

  useEffect(
    () =>
      followRiskFeed(
        {
          open: () => new EventSource(riskApi.streamUrl()),
          live: riskApi.live,
          openAlerts: riskApi.openAlerts,
        },
        { dispatch, lastAlertId: () => lastAlertId.current, connected: setConnected, error: setError },
      ),
    [],
  );

  const acknowledge = useCallback(async (id: number) => {
    await riskApi.acknowledge(id);
    dispatch({ type: 'alerts/acknowledged', id });
  }, []);

  return { ...state, connected, error, acknowledge };
}
