// The investigation screen: header, left column (search results go to the canvas, rings, leads,
// filters, path finder), the canvas, and the right column (entity, ring, live lane, alerts,
// cases, jobs). The live lane and alerts are followed here, so the header can count open alerts;
// the data's currency is learned here, so every panel formats money alike.
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { User } from './api/schemas.ts';
import { CurrencyContext, useCurrency } from './money.tsx';
import { CanvasPane } from './panels/CanvasPane.tsx';
import { DetailTabs } from './panels/DetailTabs.tsx';
import { FiltersPanel } from './panels/FiltersPanel.tsx';
import { Header } from './panels/Header.tsx';
import { LeadsPanel } from './panels/leads/LeadsPanel.tsx';
import { useLeads } from './panels/leads/useLeads.ts';
import { useRiskFeed } from './panels/live/useRiskFeed.ts';
import { PathFinder } from './panels/PathFinder.tsx';
import { ResolvePanel } from './panels/duplicates/ResolvePanel.tsx';
import { RingsPanel } from './panels/RingsPanel.tsx';
import { RouteMapOverlay } from './routemap/RouteMapOverlay.tsx';
import { ScreenLinks, ScreenOverlay, type ScreenName } from './screens/Screens.tsx';
import { historyReducer, INITIAL_HISTORY } from './state/history.ts';
import type { ExplorerState } from './state/types.ts';
import { useExplorerActions, type Tab } from './useExplorerActions.ts';

/**
 * The detail tab shown, and the open ring's id: a ring view put back (a saved investigation
 * reopened, an undo) is shown, as an opened one is.
 */
function useDetailTab(state: ExplorerState) {
  const [tab, setTab] = useState<Tab>('entity');
  const openRingId = state.openRing?.ring.id ?? null;
  useEffect(() => {
    if (openRingId !== null) setTab('ring');
  }, [openRingId]);
  return { tab, setTab, openRingId };
}

export function Explorer({ user, onLogout }: { user: User; onLogout: () => void }) {
  const [history, dispatch] = useReducer(historyReducer, INITIAL_HISTORY);
  const state = history.present;
  const { tab, setTab, openRingId } = useDetailTab(state);
  const [ringsVersion, setRingsVersion] = useState(0);
  const [watchVersion, setWatchVersion] = useState(0);
  const [screen, setScreen] = useState<ScreenName | null>(null);
  const { notice, expand, showLines, openLink, pick, open, openRing } = useExplorerActions(
    state,
    dispatch,
    setTab,
  );
  const feed = useRiskFeed();
  const leads = useLeads(ringsVersion);
  const currency = useCurrency(state.nodes);

  const onSelect = useCallback((keys: string[]) => {
    dispatch({ type: 'select', keys });
    if (keys.length > 0)
      setTab((current) => (current === 'ring' || current === 'entity' ? 'entity' : current));
  }, []);
  const onHide = useCallback((keys: string[]) => dispatch({ type: 'hide', keys }), []);
  const onTogglePin = useCallback((keys: string[]) => dispatch({ type: 'pin/toggle', keys }), []);
  // Stable callbacks and elements: the memoised panels that do not read the canvas's state
  // (header, rings, leads, duplicates) then skip the render an undo or redo causes.
  const onShowAlerts = useCallback(() => setTab('alerts'), []);
  const screens = useMemo(() => <ScreenLinks role={user.role} onOpen={setScreen} />, [user.role]);
  const onDetectionDone = useCallback(() => setRingsVersion((v) => v + 1), []);
  const onWatchChanged = useCallback(() => setWatchVersion((v) => v + 1), []);

  return (
    <CurrencyContext value={currency}>
      <div className="app">
        <Header
          user={user}
          onPick={pick}
          onLogout={onLogout}
          openAlerts={feed.alerts.length}
          onShowAlerts={onShowAlerts}
          screens={screens}
        />
        {screen && <ScreenOverlay screen={screen} onClose={() => setScreen(null)} />}
        <RouteMapOverlay />
        <aside className="left" aria-label="Rings, leads, filters and paths">
          <RingsPanel key={ringsVersion} openRingId={openRingId} onOpen={openRing} />
          <LeadsPanel leads={leads} onOpen={open} />
          <ResolvePanel role={user.role} onOpen={open} />
          <FiltersPanel state={state} dispatch={dispatch} />
          <PathFinder state={state} dispatch={dispatch} />
        </aside>
        <CanvasPane
          history={history}
          dispatch={dispatch}
          notice={notice}
          user={user}
          onExpand={expand}
          onShowLines={showLines}
          onOpenLink={openLink}
          onSelect={onSelect}
          onHide={onHide}
          onTogglePin={onTogglePin}
        />
        <DetailTabs
          state={state}
          dispatch={dispatch}
          role={user.role}
          user={user}
          leads={leads.byKey}
          tab={tab}
          onTab={setTab}
          onExpand={expand}
          onHide={onHide}
          onTogglePin={onTogglePin}
          onOpenRing={openRing}
          onDetectionDone={onDetectionDone}
          feed={feed}
          onOpenParty={open}
          watchVersion={watchVersion}
          onWatchChanged={onWatchChanged}
        />
      </div>
    </CurrencyContext>
  );
}
