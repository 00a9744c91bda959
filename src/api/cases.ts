// Cases: the investigator's evidence trail as the API shows it, from the list row to the whole
// case with its entities, rings, notes, evidence and timeline.
import { z } from 'zod';
import { textProblem } from '../model/text.ts';
import { ApiNode, RingSummary } from './graph.ts';
import { Username } from './users.ts';

export const CaseId = z.string().regex(/^C-[0-9a-f]{12}$/, 'a case id, e.g. C-0123456789ab');
export const CaseStatus = z.enum(['open', 'in_review', 'referred', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUSES = CaseStatus.options;
/** `team`: every user may read it; `restricted`: only its owner, its assignee and admins. */
export const CaseVisibility = z.enum(['team', 'restricted']);
export type CaseVisibility = z.infer<typeof CaseVisibility>;

/**
 * Text a person writes into a case: refused when it holds what ingest refuses in a cell (NUL,
 * control characters but tab and newline, bidirectional controls) or a lone surrogate, naming
 * the field.
 */
const caseText = (field: string, limits: { min: number; max: number }, trim = true) =>
  (trim ? z.string().trim() : z.string())
    .min(limits.min)
    .max(limits.max)
    .superRefine((text, ctx) => {
      const problem = textProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field} contains ${problem.found}; remove it` });
    });
export const CaseTitle = caseText('title', { min: 1, max: 200 });
export const CaseDescription = caseText('description', { min: 0, max: 10_000 }, false);
export const NoteText = caseText('text', { min: 1, max: 20_000 });
export const EvidenceDescription = caseText('description', { min: 1, max: 5000 });

export const CaseHeader = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: CaseStatus,
  visibility: CaseVisibility,
  owner: z.string(),
  assignee: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseHeader = z.infer<typeof CaseHeader>;

export const CaseSummary = CaseHeader.pick({
  id: true,
  title: true,
  status: true,
  visibility: true,
  owner: true,
  assignee: true,
  updatedAt: true,
}).extend({ entityCount: z.number().int() });
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasesAnswer = z.strictObject({ cases: z.array(CaseSummary) });

export const CaseNote = z.strictObject({
  id: z.number().int(),
  author: z.string(),
  text: z.string(),
  at: z.string(),
});
export type CaseNote = z.infer<typeof CaseNote>;
export const CaseEvidence = z.strictObject({
  id: z.number().int(),
  author: z.string(),
  description: z.string(),
  /** Declaration lines as `declarationId/line`. */
  declarationIds: z.array(z.string()),
  ringId: z.string().nullable(),
  at: z.string(),
});
export type CaseEvidence = z.infer<typeof CaseEvidence>;
export const CaseEvent = z.strictObject({
  at: z.string(),
  actor: z.string(),
  kind: z.string(),
  summary: z.string(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const CaseDetail = CaseHeader.extend({
  entities: z.array(ApiNode),
  rings: z.array(RingSummary),
  /** Rings pinned to the case that the last detection run no longer has. */
  missingRings: z.array(z.string()),
  notes: z.array(CaseNote),
  evidence: z.array(CaseEvidence),
  timeline: z.array(CaseEvent),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
export const CaseAnswer = z.strictObject({ case: CaseDetail });

/** A declaration line as `declarationId/line`, the id of its Shipment node. */
export const DeclarationLine = z
  .string()
  .regex(/^.{1,200}\/\d{1,6}$/, 'a declaration line as declarationId/line, e.g. DECL-0001/1');

/** What opening a case takes. */
export const NewCase = z.strictObject({
  title: CaseTitle,
  description: CaseDescription.optional(),
  visibility: CaseVisibility.optional(),
  assignee: Username.nullable().optional(),
});
export type NewCase = z.infer<typeof NewCase>;

/** An evidence item: what it shows, the declaration lines it rests on, and its ring if any. */
export const NewEvidence = z.strictObject({
  description: EvidenceDescription,
  declarationIds: z.array(DeclarationLine).min(1).max(1000),
  ringId: z.string().min(1).max(200).optional(),
});
export type NewEvidence = z.infer<typeof NewEvidence>;
