// Above the canvas: save it as a named investigation (shared read-only with the users named),
// save the open one again or delete it, open a saved one (its link, `?investigation=ID`, opens it
// too), and download the graph around the selection (or the whole firm network) for Gephi.
import type { Core } from 'cytoscape';
import { useEffect, useState, type FormEvent } from 'react';
import { adminApi } from '../../api/admin.ts';
import type { Action } from '../../state/reducer.ts';
import type { ExplorerState } from '../../state/types.ts';
import { useInvestigation } from './useInvestigation.ts';

interface Props {
  state: ExplorerState;
  dispatch: (action: Action) => void;
  cy: () => Core | null;
  /** Told the open investigation's name (null when none is open). */
  onCurrent?: (name: string | null) => void;
}

const names = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);

export function InvestigationBar({ state, dispatch, cy, onCurrent }: Props) {
  const { list, current, message, opened, open, save, remove } = useInvestigation(state, dispatch, cy);
  const [name, setName] = useState('');
  const [shares, setShares] = useState('');
  useEffect(() => onCurrent?.(current?.name ?? null), [current?.name, onCurrent]);
  useEffect(() => {
    if (!current) return;
    setName(current.name);
    setShares(current.sharedWith.join(', '));
  }, [current?.id]);
  const submit = (event: FormEvent, asNew: boolean) => {
    event.preventDefault();
    void save(name.trim(), names(shares), asNew);
  };
  const focus = state.selection[0] ?? null;
  const empty = Object.keys(state.nodes).length === 0;
  return (
    <form
      className="investigation-bar"
      aria-label="Investigation"
      onSubmit={(e) => submit(e, false)}
      data-testid="investigation-bar"
      data-opened={opened ?? ''}
    >
      <input
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="Investigation name"
        aria-label="Investigation name"
        required
      />
      <input
        value={shares}
        onChange={(e) => setShares(e.target.value)}
        placeholder="share with (user names)"
        aria-label="Share with"
      />
      <button type="submit" disabled={empty}>
        {current?.access === 'write' ? 'Save' : 'Save investigation'}
      </button>
      {current?.access === 'write' && (
        <button type="button" disabled={empty} onClick={(e) => submit(e, true)}>
          Save as new
        </button>
      )}
      {current?.access === 'write' && (
        <button type="button" onClick={() => void remove()}>
          Delete
        </button>
      )}
      <select
        aria-label="Open investigation"
        value=""
        onChange={(e) => e.target.value && void open(e.target.value)}
      >
        <option value="">Open investigation…</option>
        {list.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name} ({i.nodeCount} nodes{i.access === 'read' ? `, shared by ${i.owner}` : ''})
          </option>
        ))}
      </select>
      <span className="muted small">Export graph{focus ? ' around selection' : ''}:</span>
      <a className="button" href={adminApi.graphFileUrl('graphml', focus)} download>
        GraphML
      </a>
      <a className="button" href={adminApi.graphFileUrl('gexf', focus)} download>
        GEXF
      </a>
      {message && (
        <span role="status" className="small" data-testid="investigation-status">
          {message}
        </span>
      )}
    </form>
  );
}
