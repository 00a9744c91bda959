// "Watch" on a party: a watched party raises an alert whenever a declaration names it. Adding
// asks why; the button shows whether the party is watched and, pressed again, stops watching.
import { useEffect, useState, type FormEvent } from 'react';
import { describeError } from '../../api/http.ts';
import { riskApi } from '../../api/risk.ts';
import type { WatchEntry } from '../../api/schemas.ts';

interface Props {
  partyKey: string;
  mayEdit: boolean;
  /** Bumped by any change to the watch list, here or in the alerts panel. */
  version: number;
  onChanged: () => void;
}

export function WatchToggle({ partyKey, mayEdit, version, onChanged }: Props) {
  const [entry, setEntry] = useState<WatchEntry | null | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setAsking(false);
    riskApi
      .watchList()
      .then((answer) => current && setEntry(answer.entries.find((e) => e.party_key === partyKey) ?? null))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [partyKey, version]);

  const run = (work: () => Promise<unknown>) => {
    setError(null);
    work()
      .then(() => {
        setAsking(false);
        setReason('');
        onChanged();
      })
      .catch((failure: unknown) => setError(describeError(failure)));
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    run(() => riskApi.watch(partyKey, reason.trim()));
  };
  const toggle = () => (entry ? run(() => riskApi.unwatch(entry.id)) : setAsking((a) => !a));

  if (entry === undefined && !error) return null;
  return (
    <div className="watch">
      {mayEdit && (
        <button type="button" aria-pressed={Boolean(entry)} onClick={toggle}>
          {entry ? 'Watched' : 'Watch'}
        </button>
      )}
      {entry && (
        <p className="small muted" data-testid="watch-reason">
          Watched by {entry.added_by}: {entry.reason}
        </p>
      )}
      {asking && !entry && (
        <form onSubmit={add} className="row">
          <label className="grow">
            Why watch this party?
            <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
          </label>
          <button type="submit">Add to watch list</button>
        </form>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
