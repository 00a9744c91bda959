// Meridian's world parameters: one zod schema, its defaults, and the sizes. Each parameter is a
// named option of `ringscope seed --generator meridian`, so a robustness sweep can vary one.
import { z } from 'zod';

export const MeridianSize = z.enum(['tiny', 'small', 'medium']);
export type MeridianSize = z.infer<typeof MeridianSize>;

export const AdministrationName = z.enum(['us', 'eu', 'uk', 'au', 'ca', 'jp']);
export type AdministrationName = z.infer<typeof AdministrationName>;

const Range = (min: number, max: number) =>
  z
    .tuple([z.number().min(min).max(max), z.number().min(min).max(max)])
    .refine(([lo, hi]) => lo <= hi, 'the range must read MIN-MAX with MIN ≤ MAX');

export const MeridianParams = z
  .object({
    size: MeridianSize,
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    /** Importers per ring (firms of a phoenix chain), inclusive. */
    ringSize: Range(2, 20),
    /** Share of the true value left undeclared, inclusive. */
    undervaluation: Range(0.05, 0.9),
    /** Share of ring members' lines that are honest camouflage trade. */
    camouflage: z.number().min(0).max(0.9),
    /** Share of illicit lines that were inspected and seized. */
    labelCoverage: z.number().min(0).max(1),
    /** The administration; drawn from the seed when absent. */
    administration: AdministrationName.optional(),
    /** De-minimis in the administration's currency; its own when absent. */
    deMinimis: z.number().positive().optional(),
  })
  .strict();
export type MeridianParams = z.infer<typeof MeridianParams>;

export const MERIDIAN_DEFAULTS = {
  size: 'small',
  seed: 2001,
  ringSize: [2, 20],
  undervaluation: [0.1, 0.6],
  camouflage: 0.35,
  labelCoverage: 0.12,
} as const satisfies Omit<MeridianParams, 'administration' | 'deMinimis'>;

export interface SizePlan {
  lines: number;
  ringsPerScheme: number;
  importers: number;
  suppliers: number;
  consignees: number;
  brokers: number;
}

const LINES: Record<MeridianSize, number> = { tiny: 3_000, small: 18_000, medium: 180_000 };
const RINGS: Record<MeridianSize, number> = { tiny: 1, small: 3, medium: 8 };

export function sizePlan(size: MeridianSize): SizePlan {
  const lines = LINES[size];
  const importers = Math.max(120, Math.round(lines / 30));
  return {
    lines,
    ringsPerScheme: RINGS[size],
    importers,
    suppliers: Math.max(90, Math.round(importers * 0.6)),
    consignees: Math.max(40, Math.round(importers * 0.25)),
    brokers: Math.max(12, Math.round(importers / 25)),
  };
}

/** Reads `MIN-MAX` (or one number) as a range, for the command line. */
export function parseRange(text: string): [number, number] {
  const parts = text.split(/-(?=\d|\.)/).map((p) => Number(p.trim()));
  const [lo, hi] = parts.length === 1 ? [parts[0], parts[0]] : parts;
  if (
    parts.length > 2 ||
    lo === undefined ||
    hi === undefined ||
    !Number.isFinite(lo) ||
    !Number.isFinite(hi)
  )
    throw new Error(`not a range: "${text}" (write MIN-MAX, e.g. 2-20 or 0.1-0.6)`);
  return [lo, hi];
}
