// What the explorer does on the investigator's behalf that needs the API: expand a node, pick a
// search hit, open a ring. A failure becomes the notice above the canvas; success clears it.
import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { api } from './api/endpoints.ts';
import { describeError } from './api/http.ts';
import type { SearchHit } from './api/schemas.ts';
import type { Action } from './state/reducer.ts';
import type { ExplorerState } from './state/types.ts';

/** Neighbours fetched per expansion; "more…" doubles it. */
export const EXPAND_LIMIT = 25;

export type Tab = 'entity' | 'ring' | 'live' | 'alerts' | 'cases' | 'share' | 'jobs';

/** The limit of the next expansion of a node: the first, the same again, or "more…". */
export function expansionLimit(previous: { limit: number } | undefined, more: boolean): number {
  return more && previous ? previous.limit * 2 : (previous?.limit ?? EXPAND_LIMIT);
}

export interface ExplorerActions {
  notice: string | null;
  expand: (key: string, more?: boolean) => void;
  pick: (hit: SearchHit) => void;
  /** Puts a node on the canvas, selects it, shows it in the entity panel and expands it. */
  open: (key: string) => void;
  openRing: (id: string) => void;
}

export function useExplorerActions(
  state: ExplorerState,
  dispatch: Dispatch<Action>,
  setTab: Dispatch<SetStateAction<Tab>>,
): ExplorerActions {
  const [notice, setNotice] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const attempt = useCallback(async (work: () => Promise<void>) => {
    try {
      await work();
      setNotice(null);
    } catch (failure) {
      setNotice(describeError(failure));
    }
  }, []);

  const expand = useCallback(
    (key: string, more = false) =>
      void attempt(async () => {
        const limit = expansionLimit(stateRef.current.expansions[key], more);
        const answer = await api.neighbourhood(key, limit, stateRef.current.filters);
        dispatch({
          type: 'graph/expanded',
          key,
          nodes: answer.nodes,
          edges: answer.edges,
          limit,
          truncated: answer.truncated,
        });
      }),
    [attempt, dispatch],
  );

  const open = (key: string) =>
    void attempt(async () => {
      const detail = await api.node(key);
      dispatch({ type: 'graph/add', nodes: [detail.node], edges: [] });
      dispatch({ type: 'select', keys: [key] });
      setTab('entity');
      expand(key);
    });
  const pick = (hit: SearchHit) => open(hit.key);

  const openRing = (id: string) =>
    void attempt(async () => {
      dispatch({ type: 'ring/open', ring: await api.ring(id) });
      setTab('ring');
    });

  return { notice, expand, pick, open, openRing };
}
