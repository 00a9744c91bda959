// Resolution candidates into the store as POSSIBLY_SAME_AS links (`ringscope resolve --write`
// and the API's resolve job): upserted by pair, so writing again is harmless and keeps every
// investigator's review.
import { parseNodeKey, type ResolveCandidateInput } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { MatchCandidate } from './resolve.ts';

/** Candidates per store write: progress shows between them. */
const CHUNK = 2_000;

export function candidateInputs(candidates: readonly MatchCandidate[]): ResolveCandidateInput[] {
  return candidates.map((c) => ({
    a: parseNodeKey(c.a),
    b: parseNodeKey(c.b),
    aName: c.aName,
    bName: c.bName,
    score: c.score,
    weight: c.weight,
    evidence: c.evidence,
  }));
}

/** Upserts the candidates as links, reporting how many are written so far. */
export async function writeCandidateLinks(
  store: Pick<GraphStore, 'writeResolveCandidates'>,
  candidates: readonly MatchCandidate[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<number> {
  const inputs = candidateInputs(candidates);
  onProgress(0, inputs.length);
  for (let start = 0; start < inputs.length; start += CHUNK) {
    await store.writeResolveCandidates(inputs.slice(start, start + CHUNK));
    onProgress(Math.min(start + CHUNK, inputs.length), inputs.length);
  }
  return inputs.length;
}
