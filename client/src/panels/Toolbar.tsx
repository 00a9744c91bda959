// Canvas controls: undo and redo, layout choice and relayout, fit, zoom, PNG export (with a
// header and legend), unhide,
// clear, the legend and the help.
import type { Core } from 'cytoscape';
import type { User } from '../api/schemas.ts';
import { LAYOUT_NAMES, LAYOUT_TITLES } from '../canvas/layouts.ts';
import type { CanvasAction } from '../state/history.ts';
import type { ExplorerState, LayoutName } from '../state/types.ts';
import { ExportPng } from './png/ExportPng.tsx';
import { RouteMapButton } from '../routemap/RouteMapButton.tsx';

interface Props {
  state: ExplorerState;
  dispatch: (action: CanvasAction) => void;
  cy: () => Core | null;
  canUndo: boolean;
  canRedo: boolean;
  legend: boolean;
  onLegend: () => void;
  onHelp: () => void;
  user: Pick<User, 'username' | 'role'>;
  investigationName: string | null;
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

export function Toolbar(props: Props) {
  const { state, dispatch, cy, canUndo, canRedo, legend, onLegend, onHelp, user, investigationName } = props;
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
      <ExportPng state={state} cy={cy} user={user} investigationName={investigationName} />
      <RouteMapButton state={state} />
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
