// The boosted trees as JSON: plain arrays per tree, categorical sets as lists of bins, and a
// schema version so a file written by another layout is refused with what to do, not misread.
import { z } from 'zod';
import { BIN_SLOTS } from './binning.ts';
import { DEFAULTS, type GbdtModel, type GbdtParams } from './gbdt.ts';
import type { Tree } from './tree.ts';

export const GBDT_SCHEMA_VERSION = 1;

const TreeJson = z.object({
  feature: z.array(z.number().int()),
  threshold: z.array(z.number().int()),
  /** Per node: the bins going left of a categorical split, null otherwise. */
  categories: z.array(
    z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(BIN_SLOTS - 1),
      )
      .nullable(),
  ),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  value: z.array(z.number()),
  cover: z.array(z.number()),
});

export const GbdtJson = z.object({
  schemaVersion: z.literal(GBDT_SCHEMA_VERSION),
  baseScore: z.number(),
  features: z.array(
    z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']), edges: z.array(z.number()) }),
  ),
  params: z.record(z.string(), z.number()),
  trees: z.array(TreeJson),
});
export type GbdtJson = z.infer<typeof GbdtJson>;

function treeToJson(t: Tree): z.infer<typeof TreeJson> {
  const categories = Array.from(t.categorySet, (offset) => {
    if (offset < 0) return null;
    const bins: number[] = [];
    for (let b = 0; b < BIN_SLOTS; b++) if (t.categories[offset + b] === 1) bins.push(b);
    return bins;
  });
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    categories,
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
    cover: Array.from(t.cover),
  };
}

function treeFromJson(j: z.infer<typeof TreeJson>): Tree {
  const sets = j.categories.filter((c): c is number[] => c !== null);
  const categories = new Uint8Array(sets.length * BIN_SLOTS);
  let next = 0;
  const categorySet = Int32Array.from(j.categories, (c) => {
    if (c === null) return -1;
    const offset = next++ * BIN_SLOTS;
    for (const b of c) categories[offset + b] = 1;
    return offset;
  });
  return {
    feature: Int32Array.from(j.feature),
    threshold: Int32Array.from(j.threshold),
    categorySet,
    categories,
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    value: Float64Array.from(j.value),
    cover: Float64Array.from(j.cover),
  };
}

export function gbdtToJson(model: GbdtModel): GbdtJson {
  return {
    schemaVersion: GBDT_SCHEMA_VERSION,
    baseScore: model.baseScore,
    features: model.features.map((f) => ({ name: f.name, kind: f.kind, edges: [...f.edges] })),
    params: { ...model.params },
    trees: model.trees.map(treeToJson),
  };
}

/** Reads trees written by gbdtToJson; refuses another schema version, saying what to do. */
export function gbdtFromJson(value: unknown): GbdtModel {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== GBDT_SCHEMA_VERSION)
    throw new Error(
      `risk model: trees in schema version ${String(version)}, this Ringscope reads version ` +
        `${GBDT_SCHEMA_VERSION}: retrain the model with \`ringscope train\``,
    );
  const parsed = GbdtJson.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`risk model: invalid trees at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const j = parsed.data;
  return {
    baseScore: j.baseScore,
    features: j.features,
    params: { ...DEFAULTS, ...(j.params as Partial<GbdtParams>) },
    trees: j.trees.map(treeFromJson),
  };
}
