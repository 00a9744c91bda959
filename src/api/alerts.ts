// The live side of risk: declarations as they are scored (the live lane), the watch list officers
// keep, and the alerts a red-lane line or a watch-listed party raises. The server pushes both
// `scored` and `alert` events over one Server-Sent Events stream; the explorer lists them.
import { z } from 'zod';
import { textProblem } from '../model/text.ts';
import { Lane } from './risk.ts';

const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((text, ctx) => {
      const problem = textProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: `contains ${problem.found}; remove it` });
    });

/** `POST /api/declarations/score` query: `store=true` also ingests the declaration (all or nothing). */
export const ScoreQuery = z.strictObject({
  store: z.enum(['true', 'false']).optional(),
  /** `flagged` (default): reasons for red and amber lines; `all`: for every line. */
  reasons: z.enum(['flagged', 'all']).optional(),
});
export type ScoreQuery = z.infer<typeof ScoreQuery>;

/** A party key as the graph names it: `Importer:IM-0042` (labels from the closed list). */
export const PartyKey = z
  .string()
  .regex(
    /^(Importer|Consignee|Broker|Supplier|Person):[^\s].{0,199}$/,
    'a party key such as Importer:IM-0042',
  );

export const WatchEntryBody = z.strictObject({
  party_key: PartyKey,
  reason: cleanText(2000).pipe(z.string().min(1, 'say why the party is watched')),
});
export type WatchEntryBody = z.infer<typeof WatchEntryBody>;

export const WatchEntry = WatchEntryBody.extend({
  id: z.number().int(),
  added_by: z.string(),
  added_at: z.string(),
});
export type WatchEntry = z.infer<typeof WatchEntry>;
export const WatchListAnswer = z.strictObject({ entries: z.array(WatchEntry) });
/** `:id` of a watch-list entry or an alert. */
export const NumericIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const AlertKind = z.enum(['red_lane', 'watch_list']);
export const Alert = z.strictObject({
  id: z.number().int(),
  kind: AlertKind,
  declaration_id: z.string(),
  /** The line that raised it (red lane); null for a watch-list alert on the whole declaration. */
  line: z.number().int().nullable(),
  /** The watch-listed party (watch_list) or the line's importer (red_lane). */
  party_key: z.string().nullable(),
  score: z.number().nullable(),
  lane: Lane.nullable(),
  reasons: z.array(z.string()),
  /** Content hash of the model that scored the line. */
  model: z.string().nullable(),
  created_at: z.string(),
  acknowledged_by: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertsQuery = z.strictObject({
  /** Only alerts with a greater id (to catch up after a reconnect). */
  after: z.coerce.number().int().nonnegative().optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const AlertsAnswer = z.strictObject({ alerts: z.array(Alert) });

/** One scored declaration as the live lane shows it. */
export const LiveDeclaration = z.strictObject({
  declaration_id: z.string(),
  scored_at: z.string(),
  scored_by: z.string(),
  stored: z.boolean(),
  /** The highest lane among its lines. */
  lane: Lane,
  importer_key: z.string(),
  /** Content hash of the model that scored it (its version). */
  model: z.string(),
  lines: z.array(
    z.strictObject({ line: z.number().int(), score: z.number(), lane: Lane, reasons: z.array(z.string()) }),
  ),
});
export type LiveDeclaration = z.infer<typeof LiveDeclaration>;
export const LiveQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).optional() });
/** Most recent first. */
export const LiveAnswer = z.strictObject({ declarations: z.array(LiveDeclaration) });
