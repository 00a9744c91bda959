// The open resolution candidates (GET /api/resolve/candidates?status=open, best first), and
// accepting or rejecting one: a reviewed candidate leaves the list.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { ResolveCandidate } from '../../api/schemas.ts';

export interface ResolveCandidates {
  candidates: ResolveCandidate[];
  total: number;
  error: string | null;
  /** The id of the candidate whose review is being sent, if any. */
  busy: string | null;
  review: (id: string, verb: 'accept' | 'reject') => void;
}

export function useResolveCandidates(): ResolveCandidates {
  const [answer, setAnswer] = useState<{ candidates: ResolveCandidate[]; total: number }>({
    candidates: [],
    total: 0,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api
      .resolveCandidates()
      .then((read) => current && setAnswer(read))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [version]);
  const review = useCallback((id: string, verb: 'accept' | 'reject') => {
    setBusy(id);
    setError(null);
    api
      .reviewCandidate(id, verb)
      .then(() => setVersion((v) => v + 1))
      .catch((failure: unknown) => setError(describeError(failure)))
      .finally(() => setBusy(null));
  }, []);
  return { ...answer, error, busy, review };
}
