// truth.json: the ground truth of a generated world — every planted ring with its members, its
// illicit declaration lines and the revenue they put at risk, plus the lawful look-alikes that
// must not be flagged. The seed generator (seed/) writes it and `ringscope eval` reads it. The zod
// schema is the single source of the type; `version` changes when a field changes meaning.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { NodeLabel, Typology } from '../model/index.ts';

export const TRUTH_VERSION = 1;

/** The typologies the generator plants (a subset of the detectors' typologies). */
export const PlantedTypology = Typology.extract([
  'shared_identifiers',
  'broker_centred',
  'phoenix',
  'undervaluation',
  'origin_misdeclaration',
  'split_shipments',
]);
export type PlantedTypology = z.infer<typeof PlantedTypology>;

export const TruthMember = z
  .object({
    label: NodeLabel,
    id: z.string().min(1),
    /** What the member does in the scheme, e.g. `shell_importer`, `complicit_broker`. */
    role: z.string().min(1),
  })
  .strict();
export type TruthMember = z.infer<typeof TruthMember>;

export const IllicitLine = z
  .object({
    /** Shipment id, `declaration_id/line`. */
    id: z.string().regex(/^[^/]+\/\d+$/),
    /** Duty shortfall of this line, in `currency`. */
    revenueAtRisk: z.number().finite().nonnegative(),
  })
  .strict();
export type IllicitLine = z.infer<typeof IllicitLine>;

export const PlantedRing = z
  .object({
    id: z.string().min(1),
    typology: PlantedTypology,
    description: z.string(),
    members: z.array(TruthMember).min(3).max(40),
    illicitLines: z.array(IllicitLine).min(1),
    /** Sum of the illicit lines' shortfall. */
    revenueAtRisk: z.number().finite().nonnegative(),
  })
  .strict();
export type PlantedRing = z.infer<typeof PlantedRing>;

export const LookAlike = z
  .object({
    kind: z.enum([
      'business_centre',
      'family_group',
      'consignee_hub',
      'big_broker',
      'lawful_reopening',
      'discount_importer',
      'low_value_platform',
    ]),
    description: z.string(),
    members: z.array(z.object({ label: NodeLabel, id: z.string().min(1) }).strict()),
  })
  .strict();
export type LookAlike = z.infer<typeof LookAlike>;

export const Truth = z
  .object({
    version: z.literal(TRUTH_VERSION),
    generator: z.enum(['ringscope-seed', 'meridian']),
    seed: z.number().int(),
    size: z.enum(['tiny', 'small', 'medium', 'large']),
    period: z.object({ from: z.string(), to: z.string() }).strict(),
    currency: z.string(),
    counts: z
      .object({
        declarations: z.number().int().nonnegative(),
        lines: z.number().int().nonnegative(),
        entities: z.number().int().nonnegative(),
        illicitLines: z.number().int().nonnegative(),
        seizedLines: z.number().int().nonnegative(),
      })
      .strict(),
    rings: z.array(PlantedRing),
    lookAlikes: z.array(LookAlike),
  })
  .strict();
export type Truth = z.infer<typeof Truth>;

/** Reads and validates a truth file, saying what is wrong and where. */
export async function readTruth(path: string): Promise<Truth> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${path}: cannot read a truth file (${error instanceof Error ? error.message : String(error)}); generate one with \`ringscope seed --out DIR\``,
      { cause: error },
    );
  }
  const parsed = Truth.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path}: not a Ringscope truth file (version ${TRUTH_VERSION}): ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    );
  }
  return parsed.data;
}
