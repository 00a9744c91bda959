// What the explorer does on the investigator's behalf that needs the API: expand a node, pick a
// search hit, open a ring. A failure becomes the notice above the canvas; success clears it.
import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { api } from './api/endpoints.ts';
import { describeError } from './api/http.ts';
import type { SearchHit } from './api/schemas.ts';
import {
  expandIntoLinks,
  expandIntoNeighbourhood,
  groupParty,
  linkLinesPage,
  nextLinkLimit,
  tradesByLinks,
} from './canvas/expansion.ts';
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
  /** Opens a node: a trading party into its trade links, a group node into more of them. */
  expand: (key: string, more?: boolean) => void;
  /** Opens a node into its neighbourhood with its declaration lines. */
  showLines: (key: string) => void;
  /** Puts (the next page of) a trade link's declaration lines on the canvas. */
  openLink: (linkId: string) => void;
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
        const party = groupParty(key);
        const target = party ?? key;
        const previous = stateRef.current.expansions[target];
        if (tradesByLinks(target)) {
          dispatch(await expandIntoLinks(target, nextLinkLimit(previous?.limit, more || party !== null)));
          return;
        }
        const limit = expansionLimit(previous, more);
        dispatch(await expandIntoNeighbourhood(target, limit, stateRef.current.filters));
      }),
    [attempt, dispatch],
  );
  const showLines = useCallback(
    (key: string) =>
      void attempt(async () => {
        const limit = expansionLimit(undefined, false);
        dispatch(await expandIntoNeighbourhood(key, limit, stateRef.current.filters));
      }),
    [attempt, dispatch],
  );
  const openLink = useCallback(
    (linkId: string) =>
      void attempt(async () => {
        const link = stateRef.current.links[linkId];
        if (!link) return;
        const opened = stateRef.current.linkLines[linkId];
        if (opened && opened.next === null) return;
        dispatch(await linkLinesPage(linkId, link, opened?.next ?? null));
      }),
    [attempt, dispatch],
  );

  // Stable for the life of the explorer (they read the state through stateRef), so the memoised
  // panels they are passed to do not render again on every canvas step.
  const open = useCallback(
    (key: string) =>
      void attempt(async () => {
        const detail = await api.node(key);
        dispatch({ type: 'graph/add', nodes: [detail.node], edges: [] });
        dispatch({ type: 'select', keys: [key] });
        setTab('entity');
        expand(key);
      }),
    [attempt, dispatch, setTab, expand],
  );
  const pick = useCallback((hit: SearchHit) => open(hit.key), [open]);

  const openRing = useCallback(
    (id: string) =>
      void attempt(async () => {
        dispatch({ type: 'ring/open', ring: await api.ring(id) });
        setTab('ring');
      }),
    [attempt, dispatch, setTab],
  );

  return { notice, expand, showLines, openLink, pick, open, openRing };
}
