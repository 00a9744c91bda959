// The risk model the server scores with, as `GET /api/risk/model` shows it (its model card) and
// `POST /api/risk/model/reload` answers after swapping in the file again.
import { z } from 'zod';

const Period = z.strictObject({ lines: z.number().int(), from: z.string(), to: z.string() });

export const RiskModelCard = z.strictObject({
  /** Names this exact model; every scored decision's audit entry carries it. */
  content_hash: z.string(),
  created_at: z.string(),
  /** When this server read the model. */
  loaded_at: z.string(),
  /** Where it was read from: RINGSCOPE_RISK_MODEL's file (its name), or the store's current model. */
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('file'), name: z.string() }),
    z.strictObject({ kind: z.literal('store') }),
  ]),
  schema_version: z.number().int(),
  features: z.array(z.string()),
  /** Trained with the network's features (party risk, rings), which come from the last detection run. */
  network_features: z.boolean(),
  trees: z.number().int(),
  /** Probability thresholds of the red and amber lanes and the inspection budget they were set for. */
  lanes: z.strictObject({
    red: z.number(),
    amber: z.number(),
    budget: z.strictObject({ red: z.number(), amber: z.number() }),
  }),
  /** Held-out metrics as `ringscope train` measured them. */
  metrics: z.record(z.string(), z.unknown()),
  training_data: z.strictObject({
    files: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
    lines: z.number().int(),
    labelled: z.number().int(),
    trained_on: Period,
    held_out: Period,
    /** The detection run that gave the network features (null: none). */
    detection_run: z.string().nullable(),
  }),
});
export type RiskModelCard = z.infer<typeof RiskModelCard>;

export const RiskModelReloadAnswer = z.strictObject({
  /** Content hash of the model served before (null: none was loaded). */
  previous: z.string().nullable(),
  model: RiskModelCard,
});
export type RiskModelReloadAnswer = z.infer<typeof RiskModelReloadAnswer>;
