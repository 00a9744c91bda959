// The shapes of the API's answers (server/API.md), validated at the boundary so that a
// mismatch with the server shows as a clear error instead of a broken canvas.
import { z } from 'zod';
import { NodeLabel, PartyRisk, RelType, Ring, SourceRef, Typology, PropValue } from '../../../src/model/index.ts';

export const Role = z.enum(['investigator', 'case_officer', 'enforcement', 'admin']);
export type Role = z.infer<typeof Role>;

export const User = z.object({ username: z.string(), role: Role });
export type User = z.infer<typeof User>;
export const UserAnswer = z.object({ user: User });

export const ApiNode = z.object({
  key: z.string(),
  label: NodeLabel,
  id: z.string(),
  name: z.string().nullable().optional(),
  props: z.record(z.string(), PropValue),
  risk: z.number().nullable(),
});
export type ApiNode = z.infer<typeof ApiNode>;

export const ApiEdge = z.object({
  id: z.string(),
  type: RelType,
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), PropValue).default({}),
});
export type ApiEdge = z.infer<typeof ApiEdge>;

export const RingSummary = z.object({
  id: z.string(),
  typology: Typology,
  score: z.number(),
  revenueAtRisk: z.number(),
  explanation: z.string(),
  memberCount: z.number(),
});
export type RingSummary = z.infer<typeof RingSummary>;

export const SearchHit = z.object({
  key: z.string(),
  label: NodeLabel,
  id: z.string(),
  name: z.string().nullable().optional(),
  match: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchAnswer = z.object({ hits: z.array(SearchHit) });

export const Subgraph = z.object({
  nodes: z.array(ApiNode),
  edges: z.array(ApiEdge),
  truncated: z.boolean().default(false),
});
export type Subgraph = z.infer<typeof Subgraph>;

export const SeriesPoint = z.object({
  shipmentId: z.string(),
  declarationId: z.string(),
  line: z.number(),
  date: z.string(),
  customsValue: z.number(),
  hsCode: z.string(),
  illicit: z.boolean().nullable().optional(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const NodeDetail = z.object({
  node: ApiNode.extend({ source: SourceRef.nullable().optional() }),
  risk: PartyRisk.nullable(),
  rings: z.array(RingSummary),
  shipments: z.object({
    count: z.number(),
    totalValue: z.number(),
    first: z.string().nullable(),
    last: z.string().nullable(),
    series: z.array(SeriesPoint),
  }),
});
export type NodeDetail = z.infer<typeof NodeDetail>;

export const PathsAnswer = z.object({
  paths: z.array(z.object({ nodes: z.array(ApiNode), edges: z.array(ApiEdge) })),
});
export type GraphPathAnswer = z.infer<typeof PathsAnswer>['paths'][number];

export const RingsAnswer = z.object({ rings: z.array(RingSummary), total: z.number() });
export const RingDetail = z.object({ ring: Ring, nodes: z.array(ApiNode), edges: z.array(ApiEdge) });
export type RingDetail = z.infer<typeof RingDetail>;

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

export const CaseNote = z.looseObject({ text: z.string(), author: z.string().optional(), at: z.string().optional() });
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

export const JobProgress = z.object({ phase: z.string(), done: z.number(), total: z.number().nullable().optional() });
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
