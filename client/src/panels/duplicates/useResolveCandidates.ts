// The resolution candidates of one status (GET /api/resolve/candidates?status=…, best first; open
// unless the investigator picks the accepted or rejected ones), and accepting, rejecting or
// reopening one: a reviewed or reopened candidate leaves the list it was in.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { ResolveCandidate } from '../../api/schemas.ts';

export type ReviewVerb = 'accept' | 'reject' | 'reopen';
export type CandidateStatus = ResolveCandidate['status'];

export interface ResolveCandidates {
  candidates: ResolveCandidate[];
  total: number;
  error: string | null;
  /** The id of the candidate whose review is being sent, if any. */
  busy: string | null;
  /** Which candidates are listed. */
  status: CandidateStatus;
  show: (status: CandidateStatus) => void;
  review: (id: string, verb: ReviewVerb) => void;
}

export function useResolveCandidates(): ResolveCandidates {
  const [answer, setAnswer] = useState<{ candidates: ResolveCandidate[]; total: number }>({
    candidates: [],
    total: 0,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<CandidateStatus>('open');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api
      .resolveCandidates(100, status)
      .then((read) => current && setAnswer(read))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [version, status]);
  const review = useCallback((id: string, verb: ReviewVerb) => {
    setBusy(id);
    setError(null);
    api
      .reviewCandidate(id, verb)
      .then(() => setVersion((v) => v + 1))
      .catch((failure: unknown) => setError(describeError(failure)))
      .finally(() => setBusy(null));
  }, []);
  const show = useCallback((next: CandidateStatus) => {
    setError(null);
    setStatus(next);
  }, []);
  return { ...answer, error, busy, status, show, review };
}
