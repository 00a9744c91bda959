// The detail of one node (risk, rings, declarations, properties), fetched when the key changes;
// an answer for a key no longer selected is dropped. A new `version` reads it again.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { describeError } from '../../api/http.ts';
import type { NodeDetail } from '../../api/schemas.ts';

export function useNodeDetail(
  key: string | undefined,
  version = 0,
): { detail: NodeDetail | null; error: string | null } {
  const [detail, setDetail] = useState<NodeDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownKey = useRef(key);
  useEffect(() => {
    // Another node: drop the old detail at once. The same node read again keeps it until the answer.
    if (shownKey.current !== key) setDetail(null);
    shownKey.current = key;
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
  }, [key, version]);
  return { detail, error };
}
