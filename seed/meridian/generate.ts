// Meridian's orchestration: the administration, the lawful population and its look-alikes, the
// six schemes, low-value platforms, lawful trade up to the size's line count, then the files.
import { mkdir } from 'node:fs/promises';
import { Rng } from '../../src/model/rng.ts';
import { ADMINISTRATIONS, type Administration } from './administrations.ts';
import { lawfulTrade, lowValuePlatforms } from './lawful.ts';
import { AdministrationName, MERIDIAN_DEFAULTS, MeridianParams, sizePlan } from './params.ts';
import { buildPopulation, plantLookAlikes } from './population.ts';
import type { SchemeContext } from './schemes/common.ts';
import { plantBrokerCentred } from './schemes/broker.ts';
import { plantSharedIdentifiers } from './schemes/identifiers.ts';
import { plantPhoenix } from './schemes/phoenix.ts';
import { plantSplitShipments } from './schemes/split.ts';
import { plantTransshipment } from './schemes/transshipment.ts';
import { plantUndervaluation } from './schemes/undervaluation.ts';
import { writeWorld, type WrittenWorld } from './output.ts';
import { World } from './world.ts';

export const MERIDIAN_SCHEMES: readonly (readonly [string, (ctx: SchemeContext) => void])[] = [
  ['shared_identifiers', plantSharedIdentifiers],
  ['broker_centred', plantBrokerCentred],
  ['phoenix', plantPhoenix],
  ['undervaluation', plantUndervaluation],
  ['origin_misdeclaration', plantTransshipment],
  ['split_shipments', plantSplitShipments],
];

/** The world's administration: the named one (or one drawn from the seed), its de-minimis overridden. */
export function administrationOf(params: MeridianParams): Administration {
  const name =
    params.administration ??
    Rng.derive(params.seed, 'meridian:administration').pick(AdministrationName.options);
  const admin = ADMINISTRATIONS[name];
  return params.deMinimis === undefined ? admin : { ...admin, deMinimis: params.deMinimis };
}

/** Builds the world in memory (deterministic for the parameters). */
export function buildMeridianWorld(params: MeridianParams): World {
  const world = new World(params, administrationOf(params));
  const plan = sizePlan(params.size);
  const populationRng = Rng.derive(params.seed, 'meridian:population');
  const pop = buildPopulation(world, populationRng, plan);
  plantLookAlikes(world, populationRng, pop);
  for (const [name, plant] of MERIDIAN_SCHEMES)
    for (let index = 1; index <= plan.ringsPerScheme; index++)
      plant({ world, pop, index, rng: Rng.derive(params.seed, `meridian:${name}:${index}`) });
  lowValuePlatforms(world, Rng.derive(params.seed, 'meridian:platforms'), Math.round(plan.lines * 0.03));
  lawfulTrade(world, Rng.derive(params.seed, 'meridian:trade'), pop, plan.lines);
  return world;
}

export type MeridianOptions = Partial<MeridianParams> & { outDir: string };

/** Generates a Meridian world into `outDir`. */
export async function generateMeridian(
  options: MeridianOptions,
): Promise<WrittenWorld & { params: MeridianParams }> {
  const { outDir, ...given } = options;
  const set = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const parsed = MeridianParams.safeParse({ ...MERIDIAN_DEFAULTS, ...set });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`meridian: ${issue?.path.join('.') || 'parameters'}: ${issue?.message ?? 'invalid'}`);
  }
  const params = parsed.data;
  const world = buildMeridianWorld(params);
  await mkdir(outDir, { recursive: true });
  return { ...(await writeWorld(world, params, outDir)), params };
}
