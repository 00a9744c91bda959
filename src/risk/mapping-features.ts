// Extra model features a mapping file names: columns of the declarations file, beside the
// mapped canonical fields, that the risk model should learn from, e.g.
// `"features": {"categorical": ["payment_type"], "numeric": ["freight_cost"]}`. Categorical
// columns are coded like the procedure columns; numeric ones are read as numbers (empty: missing).
import { z } from 'zod';

const ColumnName = z.string().trim().min(1, 'a column name, not an empty string');

export const MappingFeatures = z
  .object({
    categorical: z.array(ColumnName).default([]),
    numeric: z.array(ColumnName).default([]),
  })
  .strict()
  .refine((f) => !f.categorical.some((c) => f.numeric.includes(c)), {
    message: 'a column cannot be both categorical and numeric',
  });
export type MappingFeatures = z.infer<typeof MappingFeatures>;

/**
 * The `features` of a mapping file's JSON (none when it has no such key); an invalid one is an
 * error naming the mapping file and the field (`features.numeric.0`).
 */
export function mappingFeaturesOf(json: unknown, where: string): MappingFeatures {
  const value =
    typeof json === 'object' && json !== null ? (json as { features?: unknown }).features : undefined;
  if (value === undefined) return { categorical: [], numeric: [] };
  const parsed = MappingFeatures.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = ['features', ...(issue?.path ?? [])].join('.');
  throw new Error(
    `mapping file ${where}: ${path}: ${issue?.message ?? 'invalid'} ` +
      '(expected "features": {"categorical": ["COLUMN", …], "numeric": ["COLUMN", …]})',
  );
}
