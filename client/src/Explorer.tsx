// The investigation screen: header, left column (search results go to the canvas, rings,
// filters, path finder), the canvas, and the right column (entity, ring, cases, jobs).
import type { Core } from 'cytoscape';
import { useCallback, useReducer, useRef, useState } from 'react';
import { api } from './api/endpoints.ts';
import { describeError } from './api/http.ts';
import type { SearchHit, User } from './api/schemas.ts';
import { GraphCanvas } from './canvas/GraphCanvas.tsx';
import { canWrite } from './format.ts';
import { CasesPanel } from './panels/CasesPanel.tsx';
import { EntityPanel } from './panels/EntityPanel.tsx';
import { FiltersPanel } from './panels/FiltersPanel.tsx';
import { JobsPanel } from './panels/JobsPanel.tsx';
import { PathFinder } from './panels/PathFinder.tsx';
import { RingsPanel } from './panels/RingsPanel.tsx';
import { RingView } from './panels/RingView.tsx';
import { SearchBox } from './panels/SearchBox.tsx';
import { Toolbar } from './panels/Toolbar.tsx';
import { reducer } from './state/reducer.ts';
import { INITIAL_STATE } from './state/types.ts';

/** Neighbours fetched per expansion; "more…" doubles it. */
export const EXPAND_LIMIT = 25;

type Tab = 'entity' | 'ring' | 'cases' | 'jobs';
const TAB_TITLES: Record<Tab, string> = { entity: 'Entity', ring: 'Ring', cases: 'Cases', jobs: 'Jobs' };

/** `?renderer=webgl` switches the canvas to Cytoscape's WebGL renderer. */
const WEBGL = new URLSearchParams(window.location.search).get('renderer') === 'webgl';

export function Explorer({ user, onLogout }: { user: User; onLogout: () => void }) {
  const [state, dispatch] = useReducer(reducer, INITIAL_STATE);
  const [tab, setTab] = useState<Tab>('entity');
  const [notice, setNotice] = useState<string | null>(null);
  const [ringsVersion, setRingsVersion] = useState(0);
  const cyRef = useRef<Core | null>(null);
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
        const previous = stateRef.current.expansions[key];
        const limit = more && previous ? previous.limit * 2 : (previous?.limit ?? EXPAND_LIMIT);
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
    [attempt],
  );

  const pick = (hit: SearchHit) =>
    void attempt(async () => {
      const detail = await api.node(hit.key);
      dispatch({ type: 'graph/add', nodes: [detail.node], edges: [] });
      dispatch({ type: 'select', keys: [hit.key] });
      setTab('entity');
      expand(hit.key);
    });

  const openRing = (id: string) =>
    void attempt(async () => {
      dispatch({ type: 'ring/open', ring: await api.ring(id) });
      setTab('ring');
    });

  const onSelect = useCallback((keys: string[]) => {
    dispatch({ type: 'select', keys });
    if (keys.length > 0)
      setTab((current) => (current === 'ring' || current === 'entity' ? 'entity' : current));
  }, []);
  const onHide = useCallback((keys: string[]) => dispatch({ type: 'hide', keys }), []);
  const onTogglePin = useCallback((keys: string[]) => dispatch({ type: 'pin/toggle', keys }), []);
  const onReady = useCallback((cy: Core | null) => {
    cyRef.current = cy;
  }, []);

  const tabs: Tab[] = canWrite(user.role, 'jobs')
    ? ['entity', 'ring', 'cases', 'jobs']
    : ['entity', 'ring', 'cases'];
  return (
    <div className="app">
      <header className="header">
        <span className="brand">Ringscope</span>
        <SearchBox onPick={pick} />
        <span className="user" data-testid="user">
          {user.username} <span className="badge">{user.role.replace('_', ' ')}</span>
        </span>
        <button type="button" onClick={onLogout}>
          Log out
        </button>
      </header>
      <aside className="left" aria-label="Rings, filters and paths">
        <RingsPanel key={ringsVersion} openRingId={state.openRing?.ring.id ?? null} onOpen={openRing} />
        <FiltersPanel state={state} dispatch={dispatch} />
        <PathFinder state={state} dispatch={dispatch} />
      </aside>
      <main className="centre">
        <Toolbar state={state} dispatch={dispatch} cy={() => cyRef.current} />
        {notice && (
          <p role="alert" className="error notice">
            {notice}
          </p>
        )}
        <GraphCanvas
          state={state}
          onExpand={expand}
          onSelect={onSelect}
          onHide={onHide}
          onTogglePin={onTogglePin}
          onReady={onReady}
          webgl={WEBGL}
        />
        {Object.keys(state.nodes).length === 0 && (
          <p className="canvas-empty muted">Search for a firm, person or declaration, or open a ring.</p>
        )}
      </main>
      <aside className="right" aria-label="Details">
        <div role="tablist" aria-label="Detail panels" className="tabs">
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              onClick={() => setTab(name)}
            >
              {TAB_TITLES[name]}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
          {tab === 'entity' && (
            <EntityPanel
              state={state}
              onExpand={expand}
              onCollapse={(key) => dispatch({ type: 'graph/collapse', key })}
              onHide={onHide}
              onTogglePin={onTogglePin}
              onOpenRing={openRing}
            />
          )}
          {tab === 'ring' && <RingView state={state} dispatch={dispatch} />}
          {tab === 'cases' && (
            <CasesPanel
              state={state}
              role={user.role}
              onOpenCase={(id) => dispatch({ type: 'case/open', id })}
            />
          )}
          {tab === 'jobs' && <JobsPanel onDetectionDone={() => setRingsVersion((v) => v + 1)} />}
        </div>
      </aside>
    </div>
  );
}
