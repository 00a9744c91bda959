// The centre column: the toolbar, the saved investigation's bar, the notice of a failed action, the canvas, and a hint while
// the canvas is empty.
import type { Core } from 'cytoscape';
import { useCallback, useRef } from 'react';
import { GraphCanvas, type CanvasHandlers } from '../canvas/GraphCanvas.tsx';
import type { Action } from '../state/reducer.ts';
import type { ExplorerState } from '../state/types.ts';
import { InvestigationBar } from './investigations/InvestigationBar.tsx';
import { Toolbar } from './Toolbar.tsx';

/** `?renderer=webgl` switches the canvas to Cytoscape's WebGL renderer. */
const WEBGL = new URLSearchParams(window.location.search).get('renderer') === 'webgl';

interface Props extends Omit<CanvasHandlers, 'onReady'> {
  state: ExplorerState;
  dispatch: (action: Action) => void;
  notice: string | null;
}

export function CanvasPane({ state, dispatch, notice, ...handlers }: Props) {
  const cyRef = useRef<Core | null>(null);
  const onReady = useCallback((cy: Core | null) => {
    cyRef.current = cy;
  }, []);
  return (
    <main className="centre">
      <Toolbar state={state} dispatch={dispatch} cy={() => cyRef.current} />
      <InvestigationBar state={state} dispatch={dispatch} cy={() => cyRef.current} />
      {notice && (
        <p role="alert" className="error notice">
          {notice}
        </p>
      )}
      <GraphCanvas state={state} {...handlers} onReady={onReady} webgl={WEBGL} />
      {Object.keys(state.nodes).length === 0 && (
        <p className="canvas-empty muted">Search for a firm, person or declaration, or open a ring.</p>
      )}
    </main>
  );
}
