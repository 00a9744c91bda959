// Canvas controls: undo and redo, layout choice and relayout, fit, zoom, PNG export, unhide,
// clear, the legend and the help.
import type { Core } from 'cytoscape';
import { LAYOUT_NAMES, LAYOUT_TITLES } from '../canvas/layouts.ts';
import type { CanvasAction } from '../state/history.ts';
import type { ExplorerState, LayoutName } from '../state/types.ts';

interface Props {
  state: ExplorerState;
  dispatch: (action: CanvasAction) => void;
  cy: () => Core | null;
  canUndo: boolean;
  canRedo: boolean;
  legend: boolean;
  onLegend: () => void;
  onHelp: () => void;
}

function downloadPng(cy: Core): void {
  const blob = cy.png({
    output: 'blob',
    full: true,
    bg: '#ffffff',
    scale: 2,
    maxWidth: 8000,
    maxHeight: 8000,
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `ringscope-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.png`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function HistoryButtons({ dispatch, canUndo, canRedo }: Pick<Props, 'dispatch' | 'canUndo' | 'canRedo'>) {
  return (
    <>
      <button
        type="button"
        onClick={() => dispatch({ type: 'history/undo' })}
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'history/redo' })}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
    </>
  );
}

export function Toolbar({ state, dispatch, cy, canUndo, canRedo, legend, onLegend, onHelp }: Props) {
  const zoom = (factor: number) => {
    const core = cy();
    if (core)
      core.zoom({
        level: core.zoom() * factor,
        renderedPosition: { x: core.width() / 2, y: core.height() / 2 },
      });
  };
  const count = Object.keys(state.nodes).length;
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas">
      <HistoryButtons dispatch={dispatch} canUndo={canUndo} canRedo={canRedo} />
      <label>
        Layout{' '}
        <select
          value={state.layout}
          onChange={(e) => dispatch({ type: 'layout/set', layout: e.target.value as LayoutName })}
        >
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_TITLES[name]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => dispatch({ type: 'layout/run' })} disabled={count === 0}>
        Relayout
      </button>
      <button type="button" onClick={() => cy()?.fit(undefined, 30)} disabled={count === 0}>
        Fit
      </button>
      <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => zoom(0.8)} aria-label="Zoom out">
        −
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'unhideAll' })}
        disabled={state.hidden.length === 0}
      >
        Unhide {state.hidden.length > 0 ? `(${state.hidden.length})` : ''}
      </button>
      <button
        type="button"
        onClick={() => {
          const core = cy();
          if (core) downloadPng(core);
        }}
        disabled={count === 0}
      >
        Export PNG
      </button>
      <button type="button" onClick={() => dispatch({ type: 'graph/clear' })} disabled={count === 0}>
        Clear
      </button>
      <button type="button" onClick={onLegend} aria-pressed={legend}>
        Legend
      </button>
      <button type="button" onClick={onHelp} aria-label="Help: keyboard shortcuts" title="Help (?)">
        ?
      </button>
      <span className="muted small" aria-live="polite">
        {count} nodes · {Object.keys(state.edges).length + Object.keys(state.links).length} links
      </span>
    </div>
  );
}
