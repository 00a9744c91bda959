// Entity-resolution links kept in a store (the semantics both adapters reproduce, pinned by
// tests/store/contract-resolve-links.ts):
// - writeResolveCandidates upserts by pair: a new pair is stored `open`; a stored one gets the
//   new names, score, weight and evidence and keeps its review. Nothing else changes.
// - reviewResolveLink sets the status to the decision with who and when; accepting makes the
//   pair `SAME_AS`, rejecting or reopening (status `open` again) undoes that. An unknown id: null.
// - listResolveLinks by (score desc, id), filtered by status and minScore, `total` counted
//   before offset/limit. sameAsPairs: the accepted pairs, by (a, b) node key.
// The parties themselves are never touched: a link names them, it does not merge them.
import { createHash } from 'node:crypto';
import {
  ResolveCandidateInput,
  ResolveDecision,
  ResolveStatus,
  nodeKey,
  type NodeRef,
  type ResolveLinkQuery,
  type ResolveReview,
} from '../model/index.ts';
import { StoreError } from './errors.ts';
import { requireWholeNumber } from './findings-input.ts';

/** The id of the link between two parties: 16 hex digits of SHA-256 over their node keys. */
export function resolveLinkId(a: NodeRef, b: NodeRef): string {
  return createHash('sha256')
    .update(`${nodeKey(a)}\n${nodeKey(b)}`)
    .digest('hex')
    .slice(0, 16);
}

/** The candidates, validated, each with its id; the first bad one is refused, by position. */
export function parseResolveCandidates(
  input: readonly ResolveCandidateInput[],
): (ResolveCandidateInput & { id: string })[] {
  return input.map((candidate, i) => {
    const parsed = ResolveCandidateInput.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StoreError(
        'invalid',
        `Resolution candidate ${i}: ${issue?.path.join('.') || '(pair)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    return { ...parsed.data, id: resolveLinkId(parsed.data.a, parsed.data.b) };
  });
}

export function checkResolveLinkQuery(q: ResolveLinkQuery): void {
  requireWholeNumber('limit', q.limit, 0);
  requireWholeNumber('offset', q.offset, 0);
  if (q.status !== undefined && !ResolveStatus.safeParse(q.status).success)
    throw new StoreError('invalid', `status must be open, accepted or rejected (got ${String(q.status)})`);
  if (q.minScore !== undefined && !(q.minScore >= 0 && q.minScore <= 1))
    throw new StoreError('invalid', `minScore must be in [0, 1] (got ${q.minScore})`);
}

export function checkResolveReview(review: ResolveReview): void {
  if (!ResolveDecision.safeParse(review.decision).success)
    throw new StoreError(
      'invalid',
      `decision must be accepted, rejected or open (got ${String(review.decision)})`,
    );
  if (review.by === '' || review.at === '')
    throw new StoreError('invalid', 'A review needs who made it (by) and when (at)');
}

/** Pairs by (a, b) node key, compared as JavaScript strings. */
export function sortPairs(pairs: [NodeRef, NodeRef][]): [NodeRef, NodeRef][] {
  const key = (p: [NodeRef, NodeRef]) => [nodeKey(p[0]), nodeKey(p[1])] as const;
  return pairs.sort((x, y) => {
    const [xa, xb] = key(x);
    const [ya, yb] = key(y);
    return xa < ya ? -1 : xa > ya ? 1 : xb < yb ? -1 : xb > yb ? 1 : 0;
  });
}
