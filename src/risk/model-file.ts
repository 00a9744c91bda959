// A trained risk model as a file: the feature plan, the trees, the lane thresholds and what it
// was trained on and measured at, with a content hash that names this exact model. A file of
// another schema version is refused with what to do.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FeaturePlan } from './features.ts';
import { gbdtFromJson, gbdtToJson, GbdtJson } from './gbdt-json.ts';
import type { RiskModel } from './model.ts';

export const MODEL_FILE_VERSION = 1 as const;

export const Lanes = z.object({
  /** Probability at or above which a line goes to the red lane (inspect). */
  red: z.number(),
  /** Probability at or above which a line goes to amber (documents); below it, green. */
  amber: z.number(),
  /** The inspection budget they were set for: shares of lines (0.02 = 2 %). */
  budget: z.object({ red: z.number(), amber: z.number() }),
});
export type Lanes = z.infer<typeof Lanes>;
export type Lane = 'red' | 'amber' | 'green';

const Metadata = z.object({
  createdAt: z.string(),
  features: z.array(z.string()),
  trainingData: z.object({
    files: z.array(z.object({ path: z.string(), sha256: z.string() })),
    lines: z.number().int(),
    labelled: z.number().int(),
    trainedOn: z.object({ lines: z.number().int(), from: z.string(), to: z.string() }),
    heldOut: z.object({ lines: z.number().int(), from: z.string(), to: z.string() }),
    /** The detection run whose findings gave the network features (null: none). */
    detectionRun: z.string().nullable().optional(),
  }),
  metrics: z.record(z.string(), z.unknown()),
  lanes: Lanes,
});
export type ModelMetadata = z.infer<typeof Metadata>;

const ModelFile = Metadata.extend({
  kind: z.literal('ringscope-risk-model'),
  schemaVersion: z.literal(MODEL_FILE_VERSION),
  contentHash: z.string(),
  plan: z.custom<FeaturePlan>((v) => typeof v === 'object' && v !== null && 'histories' in v),
  trees: GbdtJson,
});
export type ModelFile = z.infer<typeof ModelFile>;

function hashOf(body: object): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}

export function toModelFile(model: RiskModel, metadata: ModelMetadata): ModelFile {
  const body = {
    kind: 'ringscope-risk-model' as const,
    schemaVersion: MODEL_FILE_VERSION,
    ...metadata,
    plan: model.plan,
    trees: gbdtToJson(model.trees),
  };
  return { ...body, contentHash: hashOf(body) };
}

/** Reads a model file's JSON; `where` names it in errors. */
export function fromModelFile(value: unknown, where: string): { model: RiskModel; file: ModelFile } {
  const head = value as { kind?: unknown; schemaVersion?: unknown } | null;
  if (head?.kind !== 'ringscope-risk-model')
    throw new Error(`${where} is not a Ringscope risk model (no "kind": "ringscope-risk-model")`);
  if (head.schemaVersion !== MODEL_FILE_VERSION)
    throw new Error(
      `${where}: model schema version ${String(head.schemaVersion)}, this Ringscope reads version ` +
        `${MODEL_FILE_VERSION}: retrain it with \`ringscope train\` (or score with the Ringscope that wrote it)`,
    );
  const parsed = ModelFile.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: invalid model file at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  // The hash is over the file's own key order, as written (parsing reorders keys).
  const { contentHash, ...body } = value as Record<string, unknown>;
  if (hashOf(body) !== contentHash)
    throw new Error(
      `${where}: content does not match its hash ${String(contentHash)}: the file was changed after training; retrain it`,
    );
  return { model: { plan: parsed.data.plan, trees: gbdtFromJson(parsed.data.trees) }, file: parsed.data };
}

export function laneOf(lanes: Lanes, probability: number): Lane {
  return probability >= lanes.red ? 'red' : probability >= lanes.amber ? 'amber' : 'green';
}

/** Thresholds that send the top `budget.red` of these probabilities red and the next `budget.amber` amber. */
export function lanesFor(probabilities: ArrayLike<number>, budget = { red: 0.02, amber: 0.05 }): Lanes {
  const sorted = Array.from(probabilities).sort((a, b) => b - a);
  const at = (share: number): number => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)] ?? 1;
  return { red: at(budget.red), amber: at(budget.red + budget.amber), budget };
}
