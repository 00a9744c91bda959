// The shapes of the API's answers (server/API.md), validated at the boundary so that a
// mismatch with the server shows as a clear error instead of a broken canvas.
import { z } from 'zod';
import type { ShipmentPoint } from '../../../server/api-shapes.ts';
import {
  ApiEdge,
  ApiNode,
  NodeDetailAnswer,
  PathsAnswer,
  RingDetailAnswer,
  RingsAnswer,
  RingSummary,
  SearchAnswer,
  SubgraphAnswer,
  UserAnswer,
} from '../../../server/api-shapes.ts';

// The graph, search, ring and auth answers are the server's own schemas (server/api-shapes.ts).
export { ApiEdge, ApiNode, PathsAnswer, RingsAnswer, RingSummary, SearchAnswer, UserAnswer };
export const NodeDetail = NodeDetailAnswer;
export const Subgraph = SubgraphAnswer;
export const RingDetail = RingDetailAnswer;

export type RingSummary = z.infer<typeof RingSummary>;
export type User = z.infer<typeof UserAnswer>['user'];
export type Role = User['role'];
export type SearchHit = z.infer<typeof SearchAnswer>['hits'][number];
export type SeriesPoint = z.infer<typeof ShipmentPoint>;
export type NodeDetail = z.infer<typeof NodeDetailAnswer>;
export type Subgraph = z.infer<typeof SubgraphAnswer>;
export type RingDetail = z.infer<typeof RingDetailAnswer>;

/** The case workflow, as the server's case service defines it. */
export const CASE_STATUSES = ['open', 'in_review', 'referred', 'closed'] as const;
export const CaseStatus = z.string();
export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: CaseStatus,
  assignee: z.string().nullable().optional(),
  updatedAt: z.string(),
  entityCount: z.number(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasesAnswer = z.object({ cases: z.array(CaseSummary) });

export const CaseNote = z.looseObject({ text: z.string(), author: z.string(), at: z.string() });
export const CaseEvidence = z.looseObject({
  description: z.string(),
  declarationIds: z.array(z.string()).default([]),
  ringId: z.string().nullable().optional(),
});
export const CaseDetail = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable().optional(),
  status: CaseStatus,
  assignee: z.string().nullable().optional(),
  entities: z.array(ApiNode).default([]),
  rings: z.array(RingSummary).default([]),
  notes: z.array(CaseNote).default([]),
  evidence: z.array(CaseEvidence).default([]),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
export const CaseAnswer = z.object({ case: CaseDetail });
export const CaseCreated = z.object({ case: z.looseObject({ id: z.string() }) });

export const JobProgress = z.object({
  phase: z.string(),
  done: z.number(),
  total: z.number().nullable().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;
export const Job = z.looseObject({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  progress: JobProgress.nullable().optional(),
});
export const JobAnswer = z.object({ job: Job });

export const RowProblem = z.object({
  file: z.string().optional(),
  row: z.number().optional(),
  column: z.string().nullable().optional(),
  code: z.string().optional(),
  message: z.string(),
});
export type RowProblem = z.infer<typeof RowProblem>;
export const JobFailure = z.object({
  message: z.string(),
  problems: z.array(RowProblem).optional(),
  total: z.number().optional(),
});
export type JobFailure = z.infer<typeof JobFailure>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    problems: z.array(RowProblem).optional(),
    total: z.number().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
