// The detail of one node (risk, rings, declarations, properties), fetched when the key changes;
// an answer for a key no longer selected is dropped.
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { NodeDetail } from '../../api/schemas.ts';

export function useNodeDetail(key: string | undefined): { detail: NodeDetail | null; error: string | null } {
  const [detail, setDetail] = useState<NodeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!key) return;
    let current = true;
    api
      .node(key)
      .then((answer) => current && setDetail(answer))
      .catch((failure: unknown) => current && setError(describeError(failure)));
    return () => {
      current = false;
    };
  }, [key]);
  return { detail, error };
}
