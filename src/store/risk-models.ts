// Risk models kept in a store: each trained model's JSON (as `ringscope train` writes it) with its
// content hash, training date and held-out metrics. Saving one makes it the store's current
// model; earlier versions are kept and listed newest first. The store does not read the model:
// src/risk does, so this layer only checks the record's shape.
import { z } from 'zod';
import { StoreError } from './errors.ts';

export const RiskModelRecord = z.object({
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a content hash sha256:<64 hex digits>'),
  /** When the model was trained (ISO 8601). */
  createdAt: z.string().min(1),
  /** Held-out metrics, as JSON. */
  metrics: z.record(z.string(), z.unknown()),
  /** The whole model file, as JSON text. */
  json: z.string().min(2),
});
export type RiskModelRecord = z.infer<typeof RiskModelRecord>;

/** A model to save, with the moment it is saved (ISO 8601; versions list by it). */
export const RiskModelSave = RiskModelRecord.extend({ savedAt: z.string().min(1) });
export type RiskModelSave = z.infer<typeof RiskModelSave>;

/** A stored version, without its JSON: when it was saved and whether it is the current one. */
export interface RiskModelVersion {
  contentHash: string;
  createdAt: string;
  savedAt: string;
  metrics: Record<string, unknown>;
  current: boolean;
}

export function parseRiskModelSave(input: RiskModelSave): RiskModelSave {
  const parsed = RiskModelSave.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError('invalid', `Invalid risk model record: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
