// The right column: a tab list (entity, ring, the live lane, alerts, cases and, for those who may
// run them, jobs) and the panel of the chosen tab.
import type { Lead, Role, User } from '../api/schemas.ts';
import { canWrite } from '../format.ts';
import type { Action } from '../state/reducer.ts';
import type { ExplorerState } from '../state/types.ts';
import type { Tab } from '../useExplorerActions.ts';
import { CasesPanel } from './CasesPanel.tsx';
import { EntityPanel } from './EntityPanel.tsx';
import { JobsPanel } from './JobsPanel.tsx';
import { AlertsPanel } from './live/AlertsPanel.tsx';
import { LiveLanePanel } from './live/LiveLanePanel.tsx';
import type { RiskFeed } from './live/useRiskFeed.ts';
import { RingView } from './RingView.tsx';
import { ImportPackage } from './sharing/ImportPackage.tsx';
import { allows, SHARE_IMPORTERS } from '../../../src/api/roles.ts';

const TAB_TITLES: Record<Tab, string> = {
  entity: 'Entity',
  ring: 'Ring',
  live: 'Live',
  alerts: 'Alerts',
  cases: 'Cases',
  share: 'Share',
  jobs: 'Jobs',
};

interface Props {
  state: ExplorerState;
  dispatch: (action: Action) => void;
  role: Role;
  /** The signed-in user: a case's own access depends on who they are. */
  user: User;
  /** Leads by party key, for the entity panel. */
  leads: ReadonlyMap<string, Lead>;
  tab: Tab;
  onTab: (tab: Tab) => void;
  onExpand: (key: string, more: boolean) => void;
  onHide: (keys: string[]) => void;
  onTogglePin: (keys: string[]) => void;
  onOpenRing: (id: string) => void;
  onDetectionDone: () => void;
  feed: RiskFeed;
  onOpenParty: (key: string) => void;
  watchVersion: number;
  onWatchChanged: () => void;
}

export function DetailTabs({ tab, onTab, role, ...panel }: Props) {
  const tabs: Tab[] = ['entity', 'ring', 'live', 'alerts', 'cases'];
  if (allows(SHARE_IMPORTERS, role)) tabs.push('share');
  if (canWrite(role, 'jobs')) tabs.push('jobs');
  return (
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
            onClick={() => onTab(name)}
          >
            {TAB_TITLES[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
        <TabPanel tab={tab} role={role} {...panel} />
      </div>
    </aside>
  );
}

function TabPanel({ tab, role, state, dispatch, ...on }: Omit<Props, 'onTab'>) {
  switch (tab) {
    case 'entity':
      return (
        <EntityPanel
          state={state}
          onExpand={on.onExpand}
          onCollapse={(key) => dispatch({ type: 'graph/collapse', key })}
          onHide={on.onHide}
          onTogglePin={on.onTogglePin}
          onOpenRing={on.onOpenRing}
          role={role}
          lead={state.selection.length === 1 ? on.leads.get(state.selection[0] ?? '') : undefined}
          onOpenParty={on.onOpenParty}
          watchVersion={on.watchVersion}
          onWatchChanged={on.onWatchChanged}
        />
      );
    case 'live':
      return (
        <LiveLanePanel
          declarations={on.feed.declarations}
          connected={on.feed.connected}
          error={on.feed.error}
          onOpenParty={on.onOpenParty}
        />
      );
    case 'alerts':
      return (
        <AlertsPanel
          alerts={on.feed.alerts}
          onAcknowledge={on.feed.acknowledge}
          onOpenParty={on.onOpenParty}
          watchVersion={on.watchVersion}
          mayAcknowledge={canWrite(role, 'alerts')}
        />
      );
    case 'ring':
      return <RingView state={state} dispatch={dispatch} role={role} />;
    case 'cases':
      return (
        <CasesPanel
          state={state}
          user={on.user}
          onOpenCase={(id) => dispatch({ type: 'case/open', id })}
          onShowCase={(nodes, edges, members) => dispatch({ type: 'case/show', nodes, edges, members })}
        />
      );
    case 'share':
      return <ImportPackage onOpenParty={on.onOpenParty} />;
    case 'jobs':
      return <JobsPanel onDetectionDone={on.onDetectionDone} />;
  }
}
