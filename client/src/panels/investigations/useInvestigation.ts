// The saved investigation the canvas shows: the list the user may open, saving the canvas (new,
// or again when the user may change the open one), and opening one, also from the page's URL
// (`?investigation=ID`), which then names the open investigation so it can be shared. Opening one
// also puts back the ring view it had open, asked from the API again.
import type { Core } from 'cytoscape';
import { useCallback, useEffect, useState } from 'react';
import type { Investigation, InvestigationSummary } from '../../../../src/api/investigations.ts';
import { api } from '../../api/endpoints.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { investigationsApi } from '../../api/investigations.ts';
import type { Action } from '../../state/reducer.ts';
import type { ExplorerState } from '../../state/types.ts';
import { canvasOf, restoreActions, ringToReopen, type Positions } from './snapshot.ts';

const PARAM = 'investigation';

function showInUrl(id: string | null): void {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set(PARAM, id);
  else url.searchParams.delete(PARAM);
  window.history.replaceState(null, '', url);
}

function positionsOf(cy: Core | null): Positions {
  const positions: Positions = {};
  cy?.nodes().forEach((node) => {
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  return positions;
}

/**
 * Once the canvas has laid the nodes out, moves them to where they were saved (and says so to the
 * state), then pins.
 */
function placeWhenDrawn(
  cy: Core | null,
  open: Investigation,
  dispatch: (a: Action) => void,
  done: () => void,
) {
  const { positions, pinned } = open.canvas;
  if (!cy || open.canvas.nodes.length === 0) return done();
  cy.one('layoutstop', () => {
    cy.batch(() => {
      for (const [key, at] of Object.entries(positions)) cy.getElementById(key).unlock().position(at);
    });
    cy.fit(undefined, 30);
    // The layout reported its own positions first; the state must hold the saved ones, or an
    // undo after the next step would put the nodes back where the layout had left them.
    dispatch({ type: 'positions/set', positions: positionsOf(cy) });
    if (pinned.length > 0) dispatch({ type: 'pin/toggle', keys: pinned });
    done();
  });
}

/**
 * Puts back the ring view a saved canvas had open, asked from the API again: a later detection
 * run may have replaced the ring, which the message then says (the canvas stays as saved).
 */
async function reopenRing(
  investigation: Investigation,
  dispatch: (a: Action) => void,
  setMessage: (m: string) => void,
): Promise<void> {
  const saved = ringToReopen(investigation.canvas);
  if (!saved) return;
  try {
    dispatch({ type: 'ring/restore', ring: await api.ring(saved.id), indicator: saved.indicator });
  } catch (e) {
    const reason =
      e instanceof ApiError && e.status === 404
        ? 'is no longer among the findings'
        : `could not be opened (${describeError(e)})`;
    setMessage(`Opened “${investigation.name}”; the ring ${saved.id} it had open ${reason}.`);
  }
}

export function useInvestigation(state: ExplorerState, dispatch: (a: Action) => void, cy: () => Core | null) {
  const [list, setList] = useState<InvestigationSummary[]>([]);
  const [current, setCurrent] = useState<InvestigationSummary | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [opened, setOpened] = useState<string | null>(null);

  const refresh = useCallback(() => {
    investigationsApi
      .list()
      .then((answer) => setList(answer.investigations))
      .catch((e: unknown) => setMessage(describeError(e)));
  }, []);

  const open = useCallback(async (id: string) => {
    setOpened(null);
    try {
      const { investigation } = await investigationsApi.open(id);
      setCurrent(investigation);
      showInUrl(investigation.id);
      placeWhenDrawn(cy(), investigation, dispatch, () => setOpened(investigation.id));
      for (const action of restoreActions(investigation.canvas)) dispatch(action);
      setMessage(
        `Opened “${investigation.name}” (${investigation.nodeCount} nodes, by ${investigation.owner}).`,
      );
      await reopenRing(investigation, dispatch, setMessage);
    } catch (e) {
      setMessage(describeError(e));
    }
  }, []);

  const save = async (name: string, sharedWith: string[], asNew: boolean): Promise<boolean> => {
    const body = { name, sharedWith, canvas: canvasOf(state, positionsOf(cy())) };
    try {
      const again = !asNew && current?.access === 'write';
      const { investigation } = again
        ? await investigationsApi.replace(current.id, body)
        : await investigationsApi.save(body);
      setCurrent(investigation);
      showInUrl(investigation.id);
      setMessage(`Saved “${investigation.name}” (${investigation.nodeCount} nodes).`);
      refresh();
      return true;
    } catch (e) {
      setMessage(describeError(e));
      return false;
    }
  };

  const remove = async (): Promise<void> => {
    if (!current || current.access !== 'write') return;
    try {
      await investigationsApi.remove(current.id);
      setMessage(`Deleted “${current.name}”; the canvas stays as it is.`);
      setCurrent(null);
      showInUrl(null);
      refresh();
    } catch (e) {
      setMessage(describeError(e));
    }
  };

  useEffect(() => {
    refresh();
    const id = new URLSearchParams(window.location.search).get(PARAM);
    if (id) void open(id);
  }, []);

  return { list, current, message, opened, open, save, remove, refresh };
}
