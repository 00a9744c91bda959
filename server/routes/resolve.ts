// Entity resolution: the candidate matches between two parties of one kind, with their evidence,
// and the investigator's accept (the pair is one party to the next detection run) or reject;
// a resolve job writes them (POST /api/jobs/resolve, in jobs.ts).
import { z } from 'zod';
import {
  ResolveCandidateId,
  ResolveCandidatesAnswer,
  ResolveCandidatesQuery,
  ResolveReviewAnswer,
} from '../../src/api/resolve.ts';
import type { ResolveDecision } from '../../src/model/index.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { CASE_READERS, RESOLUTION_REVIEWERS } from '../policies.ts';

const CandidateParams = z.strictObject({ id: ResolveCandidateId });

const candidates = defineRoute({
  method: 'get',
  path: '/api/resolve/candidates',
  summary:
    'Candidate matches between parties (possible duplicates), best first, filterable by status and score',
  tag: 'resolve',
  policy: CASE_READERS,
  query: ResolveCandidatesQuery,
  response: ResolveCandidatesAnswer,
  handler: async ({ query, services }) => ({ json: await services.resolveCandidates.list(query) }),
  audit: {
    action: 'view_resolve_candidates',
    target: () => null,
    detail: ({ query }, out) => ({
      status: query.status ?? null,
      minScore: query.minScore ?? null,
      limit: query.limit,
      offset: query.offset,
      candidates: out.json.candidates.length,
    }),
  },
});

const SUMMARIES: Record<ResolveDecision, string> = {
  accepted:
    'Accept a candidate: the two parties are one (SAME_AS) to the next detection run; nothing is merged',
  rejected: 'Reject a candidate (also one accepted before): the two parties are two again',
  open: 'Reopen a reviewed candidate: open again, and two parties again if it was accepted',
};

function review(decision: ResolveDecision, verb: 'accept' | 'reject' | 'reopen') {
  return defineRoute({
    method: 'post',
    path: `/api/resolve/candidates/:id/${verb}`,
    summary: SUMMARIES[decision],
    tag: 'resolve',
    policy: RESOLUTION_REVIEWERS,
    params: CandidateParams,
    response: ResolveReviewAnswer,
    handler: async ({ params, services, user }) => ({
      json: { candidate: await services.resolveCandidates.review(params.id, decision, user.username) },
    }),
    audit: {
      action: 'resolve_review',
      target: ({ params }) => params.id,
      detail: (_ctx, out) => ({
        decision,
        a: `${out.json.candidate.a.label}:${out.json.candidate.a.id}`,
        b: `${out.json.candidate.b.label}:${out.json.candidate.b.id}`,
        score: out.json.candidate.score,
      }),
    },
  });
}

export const resolveRoutes = (): Route[] => [
  candidates,
  review('accepted', 'accept'),
  review('rejected', 'reject'),
  review('open', 'reopen'),
];
