// The centre column: the toolbar, the saved investigation's bar, the notice of a failed action,
// the canvas with its legend, and a hint while the canvas is empty. Undo and redo (Ctrl+Z,
// Ctrl+Shift+Z or Ctrl+Y) and the "?" help answer anywhere on the page but in a text field.
import type { Core } from 'cytoscape';
import type { User } from '../api/schemas.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { GraphCanvas, type CanvasHandlers } from '../canvas/GraphCanvas.tsx';
import { canRedo, canUndo, type CanvasAction, type HistoryState } from '../state/history.ts';
import type { ExplorerState } from '../state/types.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { InvestigationBar } from './investigations/InvestigationBar.tsx';
import { Legend } from './Legend.tsx';
import { Toolbar } from './Toolbar.tsx';

/** `?renderer=webgl` switches the canvas to Cytoscape's WebGL renderer. */
const WEBGL = new URLSearchParams(window.location.search).get('renderer') === 'webgl';

type Handlers = Omit<CanvasHandlers, 'onReady' | 'onPositions' | 'onPathsFrom'>;

interface Props extends Handlers {
  history: HistoryState;
  dispatch: (action: CanvasAction) => void;
  notice: string | null;
  user: Pick<User, 'username' | 'role'>;
}

/** The history action a key press asks for, if any. */
export function historyKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): CanvasAction | null {
  if (!event.ctrlKey && !event.metaKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return { type: event.shiftKey ? 'history/redo' : 'history/undo' };
  if (key === 'y') return { type: 'history/redo' };
  return null;
}

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

function useShortcuts(dispatch: (action: CanvasAction) => void, openHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target)) return;
      const action = historyKey(event);
      if (action) {
        event.preventDefault();
        dispatch(action);
      } else if (event.key === '?') {
        event.preventDefault();
        openHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, openHelp]);
}

export function CanvasPane({ history, dispatch, notice, user, ...handlers }: Props) {
  const state: ExplorerState = history.present;
  const cyRef = useRef<Core | null>(null);
  const [help, setHelp] = useState(false);
  const [legend, setLegend] = useState(true);
  const [investigationName, setInvestigationName] = useState<string | null>(null);
  const onReady = useCallback((cy: Core | null) => {
    cyRef.current = cy;
  }, []);
  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(dispatch, openHelp);
  return (
    <main className="centre">
      <Toolbar
        state={state}
        dispatch={dispatch}
        cy={() => cyRef.current}
        canUndo={canUndo(history)}
        canRedo={canRedo(history)}
        legend={legend}
        onLegend={() => setLegend((shown) => !shown)}
        onHelp={openHelp}
        user={user}
        investigationName={investigationName}
      />
      <InvestigationBar
        state={state}
        dispatch={dispatch}
        cy={() => cyRef.current}
        onCurrent={setInvestigationName}
      />
      {notice && (
        <p role="alert" className="error notice">
          {notice}
        </p>
      )}
      <GraphCanvas
        state={state}
        {...handlers}
        onReady={onReady}
        onPositions={(positions) => dispatch({ type: 'positions/set', positions })}
        onPathsFrom={(key) => dispatch({ type: 'paths/from', key })}
        webgl={WEBGL}
      />
      {Object.keys(state.nodes).length === 0 && (
        <p className="canvas-empty muted">Search for a firm, person or declaration, or open a ring.</p>
      )}
      {legend && <Legend />}
      <HelpDialog open={help} onClose={() => setHelp(false)} />
    </main>
  );
}
