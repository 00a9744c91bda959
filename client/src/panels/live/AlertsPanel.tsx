// Open alerts, newest first: what raised each (a red-lane line or a watch-listed party), its
// reasons, the party to open on the canvas and Acknowledge. Below them, the watched parties.
import { useState } from 'react';
import { describeError } from '../../api/http.ts';
import type { Alert } from '../../api/schemas.ts';
import { LaneBadge } from './LaneBadge.tsx';
import { alertTitle, clockTime, partyTitle, percent } from './text.ts';
import { WatchList } from './WatchList.tsx';

interface Props {
  alerts: Alert[];
  onAcknowledge: (id: number) => Promise<void>;
  onOpenParty: (key: string) => void;
  watchVersion: number;
  /** Whether the role may acknowledge alerts (every role sees them). */
  mayAcknowledge: boolean;
}

export function AlertsPanel({ alerts, onAcknowledge, onOpenParty, watchVersion, mayAcknowledge }: Props) {
  const [error, setError] = useState<string | null>(null);
  const acknowledge = (id: number) => {
    setError(null);
    onAcknowledge(id).catch((failure: unknown) => setError(describeError(failure)));
  };
  return (
    <section aria-labelledby="alerts-title" className="alerts">
      <h2 id="alerts-title">
        Open alerts <span className="badge">{alerts.length}</span>
      </h2>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {alerts.length === 0 && <p className="muted small">No open alerts.</p>}
      <ol className="feed" aria-label="Open alerts">
        {alerts.map((alert) => (
          <AlertItem
            key={alert.id}
            alert={alert}
            onAcknowledge={mayAcknowledge ? acknowledge : null}
            onOpenParty={onOpenParty}
          />
        ))}
      </ol>
      <WatchList version={watchVersion} onOpenParty={onOpenParty} />
    </section>
  );
}

function AlertItem({
  alert,
  onAcknowledge,
  onOpenParty,
}: {
  alert: Alert;
  onAcknowledge: ((id: number) => void) | null;
  onOpenParty: (key: string) => void;
}) {
  const party = alert.party_key;
  return (
    <li className={`feed-item lane-edge-${alert.lane ?? 'watch'}`} data-alert-id={alert.id}>
      <div className="feed-head">
        {alert.lane ? <LaneBadge lane={alert.lane} /> : <span className="lane lane-watch">Watch</span>}
        <strong className="grow">{alertTitle(alert)}</strong>
        <span className="small muted">{clockTime(alert.created_at)}</span>
      </div>
      <p className="small">
        {party && (
          <button type="button" className="link" onClick={() => onOpenParty(party)}>
            {partyTitle(party)}
          </button>
        )}
        {alert.score !== null && ` · score ${percent(alert.score)}`}
      </p>
      {alert.reasons.length > 0 && (
        <ul className="small reasons">
          {alert.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {onAcknowledge && (
        <button type="button" onClick={() => onAcknowledge(alert.id)}>
          Acknowledge
        </button>
      )}
    </li>
  );
}
