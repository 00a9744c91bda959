// Possible duplicates: candidate matches between two parties of one kind, best first, each with
// its score and evidence; either party opens on the canvas. Investigators and up accept a pair
// (one party to the next detection run; nothing is merged) or reject it, and reopen a reviewed
// one from the accepted or rejected list (open again: two parties again).
import { memo } from 'react';
import type { ResolveCandidate, Role } from '../../api/schemas.ts';
import { canWrite, formatScore } from '../../format.ts';
import { useResolveCandidates, type CandidateStatus, type ReviewVerb } from './useResolveCandidates.ts';

type Party = ResolveCandidate['a'];

function PartyLink({ party, name, onOpen }: { party: Party; name: string; onOpen: (key: string) => void }) {
  return (
    <button type="button" className="link" onClick={() => onOpen(`${party.label}:${party.id}`)}>
      {name || party.id} <span className="muted">({party.id})</span>
    </button>
  );
}

const SHOWN: readonly [CandidateStatus, string][] = [
  ['open', 'Open'],
  ['accepted', 'Accepted'],
  ['rejected', 'Rejected'],
];

function ReviewActions({
  candidate,
  disabled,
  review,
}: {
  candidate: ResolveCandidate;
  disabled: boolean;
  review: (id: string, verb: ReviewVerb) => void;
}) {
  const button = (verb: ReviewVerb, label: string) => (
    <button type="button" disabled={disabled} onClick={() => review(candidate.id, verb)}>
      {label}
    </button>
  );
  return (
    <span className="resolve-actions">
      {candidate.status === 'open' ? (
        <>
          {button('accept', 'Accept')}
          {button('reject', 'Reject')}
        </>
      ) : (
        <>
          <span className="small muted">
            {candidate.status} by {candidate.reviewedBy ?? '?'}
          </span>
          {button('reopen', 'Reopen')}
        </>
      )}
    </span>
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
  const { candidates, total, error, busy, status, show, review } = useResolveCandidates();
  const mayReview = canWrite(role, 'resolution');
  return (
    <section aria-labelledby="resolve-title" className="panel resolve">
      <h2 id="resolve-title">
        Possible duplicates{' '}
        <span className="muted small">{total > 0 ? `${candidates.length} of ${total}` : ''}</span>
      </h2>
      <label className="small">
        Show{' '}
        <select
          aria-label="Possible duplicates shown"
          value={status}
          onChange={(e) => show(e.target.value as CandidateStatus)}
        >
          {SHOWN.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {candidates.length === 0 && !error && (
        <p className="muted small">{status === 'open' ? 'No candidates to review.' : `None ${status}.`}</p>
      )}
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
            {mayReview && <ReviewActions candidate={c} disabled={busy !== null} review={review} />}
          </li>
        ))}
      </ol>
    </section>
  );
});
