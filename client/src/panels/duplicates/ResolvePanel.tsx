// Possible duplicates: candidate matches between two parties of one kind, best first, each with
// its score and evidence; either party opens on the canvas. Investigators and up accept a pair
// (one party to the next detection run; nothing is merged) or reject it.
import { memo } from 'react';
import type { ResolveCandidate, Role } from '../../api/schemas.ts';
import { canWrite, formatScore } from '../../format.ts';
import { useResolveCandidates } from './useResolveCandidates.ts';

type Party = ResolveCandidate['a'];

function PartyLink({ party, name, onOpen }: { party: Party; name: string; onOpen: (key: string) => void }) {
  return (
    <button type="button" className="link" onClick={() => onOpen(`${party.label}:${party.id}`)}>
      {name || party.id} <span className="muted">({party.id})</span>
    </button>
  );
}

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const ResolvePanel = memo(function ResolvePanel({
  role,
  onOpen,
}: {
  role: Role;
  onOpen: (key: string) => void;
}) {
  const { candidates, total, error, busy, review } = useResolveCandidates();
  const mayReview = canWrite(role, 'resolution');
  return (
    <section aria-labelledby="resolve-title" className="panel resolve">
      <h2 id="resolve-title">
        Possible duplicates{' '}
        <span className="muted small">{total > 0 ? `${candidates.length} of ${total}` : ''}</span>
      </h2>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {candidates.length === 0 && !error && <p className="muted small">No candidates to review.</p>}
      <ol className="lead-list resolve-list" aria-label="Possible duplicates">
        {candidates.map((c) => (
          <li key={c.id} data-candidate-id={c.id}>
            <span className="ring-head">
              <span>
                <PartyLink party={c.a} name={c.aName} onOpen={onOpen} /> ~{' '}
                <PartyLink party={c.b} name={c.bName} onOpen={onOpen} />
              </span>
              <span>{formatScore(c.score)}</span>
            </span>
            <span className="small muted">
              {c.a.label} · {c.evidence.join(', ')}
            </span>
            {mayReview && (
              <span className="resolve-actions">
                <button type="button" disabled={busy !== null} onClick={() => review(c.id, 'accept')}>
                  Accept
                </button>
                <button type="button" disabled={busy !== null} onClick={() => review(c.id, 'reject')}>
                  Reject
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});
