// The cases the user may see, the open case's detail, and the one way to change a case: run a
// write, show the case it answers with, refresh the list and report how it went.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { CaseDetail, CaseSummary } from '../../api/schemas.ts';
import { setOpenCase, useOpenCase } from './openCase.ts';

/**
 * Runs a case write; `done` is the message shown when it succeeds. Never rejects: resolves to the
 * failure (null on success), which the panel shows unless the form shows it itself (`ownFailure`).
 */
export type RunCaseWrite = (
  work: () => Promise<{ case: CaseDetail } | void>,
  done: string,
  options?: { ownFailure?: boolean },
) => Promise<unknown>;

export interface Cases {
  cases: CaseSummary[];
  detail: CaseDetail | null;
  message: string | null;
  run: RunCaseWrite;
}

export function useCases(caseId: string | null): Cases {
  const [cases, setCases] = useState<CaseSummary[]>([]);
  // Held outside the panel: the canvas adds evidence to the open case too.
  const detail = useOpenCase();
  const setDetail = setOpenCase;
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    setCases((await api.cases()).cases);
  }, []);
  useEffect(() => {
    refresh().catch((failure: unknown) => setMessage(describeError(failure)));
  }, [refresh]);
  useEffect(() => {
    if (!caseId) {
      setDetail(null);
      return;
    }
    api
      .caseDetail(caseId)
      .then((answer) => setDetail(answer.case))
      .catch((failure: unknown) => setMessage(describeError(failure)));
  }, [caseId]);

  const run: RunCaseWrite = async (work, done, options = {}) => {
    setMessage(null);
    try {
      const answer = await work();
      if (answer) setDetail(answer.case);
      await refresh();
      setMessage(done);
      return null;
    } catch (failure) {
      if (!options.ownFailure) setMessage(describeError(failure));
      return failure ?? new Error('the write failed');
    }
  };

  return { cases, detail, message, run };
}
