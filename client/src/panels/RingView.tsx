// The open ring: explanation, indicator breakdown (click one to highlight its evidence), members.
import type { Role } from '../api/schemas.ts';
import type { Action } from '../state/reducer.ts';
import type { ExplorerState } from '../state/types.ts';
import { formatScore, restateMoney, typologyTitle } from '../format.ts';
import { useCurrencyCode, useMoney } from '../money.tsx';
import { IndicatorChart } from './charts.tsx';
import { ShareWithPartner } from './sharing/ShareWithPartner.tsx';
import { openRouteMap } from '../routemap/open-route-map.ts';

interface Props {
  state: ExplorerState;
  dispatch: (action: Action) => void;
  role: Role;
}

export function RingView({ state, dispatch, role }: Props) {
  const open = state.openRing;
  const money = useMoney();
  const currency = useCurrencyCode();
  if (!open) return <p className="muted">Open a ring from the list to see its members and evidence.</p>;
  const { ring } = open;
  return (
    <section aria-labelledby="ring-title" className="ring-view">
      <h2 id="ring-title">
        {typologyTitle(ring.typology)} ring <span className="muted small">{ring.id}</span>
      </h2>
      <p>
        Score <strong>{formatScore(ring.score)}</strong> · {ring.members.length} members ·{' '}
        <strong>{money(ring.revenueAtRisk)}</strong> revenue at risk
      </p>
      <p className="explanation" data-testid="ring-explanation">
        {/* Detection may state an older figure than the ring's own: one figure, the ring's. */}
        {restateMoney(ring.explanation, currency, ring.revenueAtRisk)}
      </p>
      <h3>Indicators</h3>
      <IndicatorChart
        indicators={ring.indicators}
        highlighted={state.highlightedIndicator}
        onPick={(name) => dispatch({ type: 'ring/highlight', indicator: name })}
      />
      <h3>Members</h3>
      <ul className="members">
        {ring.members.map((member) => {
          const key = `${member.label}:${member.id}`;
          return (
            <li key={key}>
              <button
                type="button"
                className="link"
                onClick={() => dispatch({ type: 'select', keys: [key] })}
              >
                {state.nodes[key]?.name ?? member.id}
              </button>{' '}
              <span className="muted small">
                {member.label} · {member.role}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="row">
        <button
          type="button"
          onClick={() => openRouteMap({ title: `ring ${ring.id}`, of: { ring: ring.id } })}
        >
          Route map
        </button>
        <ShareWithPartner selection={{ ring: ring.id }} role={role} />
        <button type="button" onClick={() => dispatch({ type: 'ring/close' })}>
          Close ring
        </button>
      </div>
    </section>
  );
}
