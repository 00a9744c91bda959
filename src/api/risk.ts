// Real-time risk: one arriving declaration as the scoring route takes it (its lines in the
// canonical fields of declarations.csv, required as that file requires them), the answer per
// line (score, lane, reasons, the parties' risk and rings), and inspection results.
import { z } from 'zod';
import { textProblem } from '../model/text.ts';

/** Text without NUL, control or bidirectional characters (as ingest refuses them in a cell). */
const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = textProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `contains ${problem.found}; remove it` });
    });
const Id = cleanText(200).pipe(z.string().min(1, 'an id, not empty'));
const Text = cleanText(2000);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code');
const Amount = z.number().finite().nonnegative();

/** One line in the canonical fields; label fields are taken (a canonical row fits) and ignored. */
export const DeclarationLineInput = z.strictObject({
  line: z.number().int().positive().optional(),
  date: IsoDate,
  office: Text.optional(),
  importer_id: Id,
  importer_name: Text.optional(),
  broker_id: Id.optional(),
  broker_name: Text.optional(),
  consignee_id: Id.optional(),
  consignee_name: Text.optional(),
  supplier_id: Id.optional(),
  supplier_name: Text.optional(),
  supplier_country: Country.optional(),
  hs_code: z.string().regex(/^\d{2,12}$/, 'an HS code of 2 to 12 digits'),
  description: Text.optional(),
  origin_country: Country.optional(),
  departure_country: Country.optional(),
  quantity: Amount.optional(),
  net_mass_kg: Amount.optional(),
  gross_mass_kg: Amount.optional(),
  customs_value: Amount,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code')
    .optional(),
  duty_paid: Amount.optional(),
  duty_rate: Amount.optional(),
  fob_value: Amount.optional(),
  courier_id: Id.optional(),
  inspected: z.boolean().optional(),
  illicit: z.boolean().optional(),
  revenue_recovered: Amount.optional(),
  fraud: z.boolean().optional(),
  critical_fraud: z.boolean().optional(),
  /** Procedure attributes beside the canonical fields (a model trained with them uses them). */
  attributes: z.record(z.string().max(100), cleanText(200)).optional(),
});
export type DeclarationLineInput = z.infer<typeof DeclarationLineInput>;

export const ScoreDeclarationBody = z.strictObject({
  declaration_id: Id,
  lines: z.array(DeclarationLineInput).min(1).max(500),
});
export type ScoreDeclarationBody = z.infer<typeof ScoreDeclarationBody>;

export const Lane = z.enum(['red', 'amber', 'green']);

export const ScoredParty = z.strictObject({
  /** Node key, e.g. `Importer:IM-0042`. */
  key: z.string(),
  /** The party's risk in the last detection run; null when it was not scored (or no run yet). */
  risk: z.number().nullable(),
  /** Ids of the rings the party belongs to in the last detection run. */
  rings: z.array(z.string()),
});

export const ScoredDeclarationLine = z.strictObject({
  declaration_id: z.string(),
  line: z.number().int(),
  /** Probability of fraud. */
  score: z.number(),
  lane: Lane,
  reasons: z.array(z.string()),
  parties: z.array(ScoredParty),
});

/** A declaration as the model scored it. */
export const ScoredDeclaration = z.strictObject({
  model: z.strictObject({ content_hash: z.string(), created_at: z.string() }),
  /** In the declaration's line order. */
  lines: z.array(ScoredDeclarationLine),
});
export type ScoredDeclaration = z.infer<typeof ScoredDeclaration>;

/** The scoring route's answer: the scores, whether the declaration was stored, the alerts it raised. */
export const ScoreAnswer = ScoredDeclaration.extend({
  /** True when `?store=true` ingested it into the graph store. */
  stored: z.boolean(),
  /** Ids of the alerts it raised (red-lane lines, watch-listed parties). */
  alerts: z.array(z.number().int()),
});
export type ScoreAnswer = z.infer<typeof ScoreAnswer>;

export const InspectionBody = z.strictObject({
  declaration_id: Id,
  line: z.number().int().positive(),
  found: z.boolean(),
  revenue_recovered: Amount.optional(),
  notes: cleanText(5000).optional(),
});
export type InspectionBody = z.infer<typeof InspectionBody>;

export const Inspection = InspectionBody.extend({
  id: z.number().int(),
  recorded_by: z.string(),
  recorded_at: z.string(),
  revenue_recovered: Amount.nullable(),
  notes: z.string(),
});
export type Inspection = z.infer<typeof Inspection>;

/** `POST /api/inspections`: the result recorded, and whether its line is in the graph store (labelled there). */
export const RecordedInspection = Inspection.extend({ in_store: z.boolean() });
export type RecordedInspection = z.infer<typeof RecordedInspection>;

export const InspectionsQuery = z.strictObject({ declaration_id: Id });
export const InspectionsAnswer = z.strictObject({ inspections: z.array(Inspection) });
