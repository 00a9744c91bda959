// The leads of the last detection run (GET /api/leads, best first), read once and again after a
// detection job, with a lookup by party key for the entity panel.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { Lead } from '../../api/schemas.ts';

export interface Leads {
  leads: Lead[];
  total: number;
  byKey: ReadonlyMap<string, Lead>;
  error: string | null;
}

export const leadKey = (lead: Lead): string => `${lead.label}:${lead.id}`;

export function useLeads(version: number): Leads {
  const [answer, setAnswer] = useState<{ leads: Lead[]; total: number }>({ leads: [], total: 0 });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    api
      .leads()
      .then((read) => current && setAnswer(read))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [version]);
  // A party may carry a lead from each detector: the entity panel shows the best (listed first).
  const byKey = useMemo(() => {
    const map = new Map<string, Lead>();
    for (const lead of answer.leads) if (!map.has(leadKey(lead))) map.set(leadKey(lead), lead);
    return map;
  }, [answer]);
  // One object while nothing changed, so the memoised leads panel skips the canvas's renders.
  return useMemo(() => ({ ...answer, byKey, error }), [answer, byKey, error]);
}
