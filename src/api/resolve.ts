// Entity resolution in the API: the candidate matches between two parties of one kind
// (`POSSIBLY_SAME_AS` links, written by a resolve job or `ringscope resolve --write`), each with
// its score, evidence and review, and the investigator's accept / reject of one.
import { z } from 'zod';
import { ResolveLink, ResolveStatus } from '../model/index.ts';

export { ResolveLink as ResolveCandidate, ResolveStatus };

export const ResolveCandidateId = z.string().regex(/^[0-9a-f]{16}$/, 'a candidate id: 16 hex digits');

export const ResolveCandidatesQuery = z.strictObject({
  status: ResolveStatus.optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ResolveCandidatesQuery = z.output<typeof ResolveCandidatesQuery>;

export const ResolveCandidatesAnswer = z.strictObject({
  candidates: z.array(ResolveLink),
  /** Candidates matching the filters, before limit and offset. */
  total: z.number().int().nonnegative(),
});
export type ResolveCandidatesAnswer = z.infer<typeof ResolveCandidatesAnswer>;

export const ResolveReviewAnswer = z.strictObject({ candidate: ResolveLink });
export type ResolveReviewAnswer = z.infer<typeof ResolveReviewAnswer>;

/** The resolve job: candidates at or above minScore are stored (again: updated, reviews kept). */
export const ResolveJobBody = z.strictObject({
  minScore: z.number().gt(0).max(1).default(0.9),
});
export type ResolveJobBody = z.output<typeof ResolveJobBody>;
