// The parties officers watch (any declaration naming one raises an alert), each with why and
// who added it; clicking one opens it on the canvas. Read again when the list changes here.
import { useEffect, useState } from 'react';
import { describeError } from '../../api/http.ts';
import { riskApi } from '../../api/risk.ts';
import type { WatchEntry } from '../../api/schemas.ts';
import { partyTitle } from './text.ts';

export function WatchList({ version, onOpenParty }: { version: number; onOpenParty: (key: string) => void }) {
  const [entries, setEntries] = useState<WatchEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    riskApi
      .watchList()
      .then((answer) => current && setEntries(answer.entries))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [version]);
  return (
    <>
      <h3>Watched parties {entries && <span className="badge">{entries.length}</span>}</h3>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {entries?.length === 0 && <p className="muted small">No party is watched.</p>}
      <ul className="watch-list small" aria-label="Watched parties">
        {entries?.map((entry) => (
          <li key={entry.id}>
            <button type="button" className="link" onClick={() => onOpenParty(entry.party_key)}>
              {partyTitle(entry.party_key)}
            </button>{' '}
            <span className="muted">
              {entry.reason} ({entry.added_by})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
