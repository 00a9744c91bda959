// Shortest and k-shortest paths between two nodes; the shown path is highlighted on the canvas.
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { Action } from '../state/reducer.ts';
import type { ExplorerState } from '../state/types.ts';

interface Props {
  state: ExplorerState;
  dispatch: (action: Action) => void;
}

export function PathFinder({ state, dispatch }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [k, setK] = useState(3);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // "Find paths from here" on the canvas fills the start.
  useEffect(() => {
    if (state.pathFrom) setFrom(state.pathFrom);
  }, [state.pathFrom]);

  // Two selected nodes fill the ends, the common way in.
  useEffect(() => {
    const [first, second] = state.selection;
    if (first && second) {
      setFrom(first);
      setTo(second);
    }
  }, [state.selection]);

  const find = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await api.paths(from, to, k);
      dispatch({ type: 'paths/found', paths: answer.paths });
      setMessage(answer.paths.length === 0 ? 'No path within 6 links.' : null);
    } catch (failure) {
      setMessage(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="paths-title" className="panel">
      <h2 id="paths-title">Path finder</h2>
      <p className="muted small">
        Select two nodes on the canvas (shift-click or box select), or type their keys.
      </p>
      <label>
        From
        <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="Importer:IM-0001" />
      </label>
      <label>
        To
        <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="Importer:IM-0002" />
      </label>
      <div className="row">
        <label>
          Paths
          <select value={k} onChange={(e) => setK(Number(e.target.value))}>
            <option value={1}>shortest</option>
            <option value={3}>3 shortest</option>
            <option value={5}>5 shortest</option>
          </select>
        </label>
        <button type="button" onClick={() => void find()} disabled={busy || !from || !to || from === to}>
          {busy ? 'Finding…' : 'Find paths'}
        </button>
      </div>
      {message && (
        <p role="status" className="small">
          {message}
        </p>
      )}
      {state.paths.length > 0 && <PathList state={state} dispatch={dispatch} />}
    </section>
  );
}

/** The paths found, the shown one pressed, and a way to clear them. */
function PathList({ state, dispatch }: Props) {
  const name = (key: string) => state.nodes[key]?.name ?? key;
  return (
    <>
      <ol className="paths" aria-label="Paths found">
        {state.paths.map((path, index) => (
          <li key={path.edges.join('|') || index}>
            <button
              type="button"
              aria-pressed={index === state.activePath}
              onClick={() => dispatch({ type: 'paths/show', index })}
            >
              {path.edges.length} links: {path.nodes.map(name).join(' → ')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => dispatch({ type: 'paths/clear' })}>
        Clear paths
      </button>
    </>
  );
}
