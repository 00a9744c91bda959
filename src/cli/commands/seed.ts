// `ringscope seed`: writes a synthetic customs world with planted fraud rings and its truth.json.
import type { Command } from 'commander';
import { z } from 'zod';
import { generateInWorker } from '../../../seed/worker.ts';
import { WorldSize } from '../../../seed/sizes.ts';
import { generateMeridian } from '../../../seed/meridian/generate.ts';
import { AdministrationName, MeridianSize, parseRange } from '../../../seed/meridian/params.ts';
import { progressReporter } from '../progress.ts';
import { plantVariants } from '../../../seed/variants.ts';

/** The world generators: `ringscope` (the default) and `meridian` (seed/meridian/SPEC.md). */
export const GENERATORS = ['ringscope', 'meridian'] as const;

interface MeridianFlags {
  ringSize?: string;
  undervaluation?: string;
  camouflage?: string;
  labelCoverage?: string;
  administration?: string;
  deMinimis?: string;
}

const MERIDIAN_FLAGS: Record<keyof MeridianFlags, string> = {
  ringSize: '--ring-size',
  undervaluation: '--undervaluation',
  camouflage: '--camouflage',
  labelCoverage: '--label-coverage',
  administration: '--administration',
  deMinimis: '--de-minimis',
};

/** Reads one Meridian option, naming it when it is wrong. */
function flag<T>(flags: MeridianFlags, key: keyof MeridianFlags, read: (text: string) => T): T | undefined {
  const text = flags[key];
  if (text === undefined) return undefined;
  try {
    return read(text);
  } catch (error) {
    throw new Error(
      `seed: ${MERIDIAN_FLAGS[key]}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

const share = (text: string): number => {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`not a number: "${text}"`);
  return x;
};

async function seedMeridian(size: string, seed: number, out: string, flags: MeridianFlags) {
  const sized = MeridianSize.safeParse(size);
  if (!sized.success)
    throw new Error(`seed: --size: the meridian generator has ${MeridianSize.options.join(', ')}`);
  const administration = flag(flags, 'administration', (t) => {
    const parsed = AdministrationName.safeParse(t);
    if (!parsed.success) throw new Error(`one of ${AdministrationName.options.join(', ')}`);
    return parsed.data;
  });
  const world = await generateMeridian({
    outDir: out,
    size: sized.data,
    seed,
    ringSize: flag(flags, 'ringSize', parseRange),
    undervaluation: flag(flags, 'undervaluation', parseRange),
    camouflage: flag(flags, 'camouflage', share),
    labelCoverage: flag(flags, 'labelCoverage', share),
    administration,
    deMinimis: flag(flags, 'deMinimis', share),
  });
  return { ...world, extra: { generator: 'meridian', params: world.params, worldFile: world.worldPath } };
}

const SeedOptions = z.object({
  size: WorldSize,
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  out: z.string().min(1),
});

/** The generator choice and Meridian's world parameters, one named option each. */
function withGeneratorOptions(command: Command): Command {
  return command
    .option(
      '--generator <name>',
      `world generator: ${GENERATORS.join(' (default) or ')} (seed/meridian/SPEC.md)`,
      'ringscope',
    )
    .option('--ring-size <min-max>', 'meridian: importers per ring (default 2-20)')
    .option('--undervaluation <min-max>', 'meridian: share of value left undeclared (default 0.1-0.6)')
    .option(
      '--camouflage <share>',
      "meridian: share of ring members' lines that are honest trade (default 0.35)",
    )
    .option(
      '--label-coverage <share>',
      'meridian: share of illicit lines inspected and seized (default 0.12)',
    )
    .option(
      '--administration <name>',
      `meridian: ${AdministrationName.options.join(', ')} (default: drawn from the seed)`,
    )
    .option('--de-minimis <value>', "meridian: duty de-minimis in the administration's currency")
    .option(
      '--variants <share>',
      'also enter this share of parties again, misspelt, under new ids (truth in variants.json)',
    );
}

/** Refuses an unknown generator, and Meridian's options given to the default generator. */
function checkGenerator(generator: string, flags: MeridianFlags): void {
  if (!(GENERATORS as readonly string[]).includes(generator))
    throw new Error(`seed: --generator: "${generator}" is not one of ${GENERATORS.join(', ')}`);
  const given = (Object.keys(MERIDIAN_FLAGS) as (keyof MeridianFlags)[]).filter(
    (k) => flags[k] !== undefined,
  );
  if (generator === 'ringscope' && given.length > 0)
    throw new Error(`seed: ${MERIDIAN_FLAGS[given[0]!]} is an option of --generator meridian`);
}

/** The share of parties entered twice: a number in (0, 0.5]. */
function checkVariants(text: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0 || x > 0.5)
    throw new Error(`seed: --variants: a share in (0, 0.5], got "${text}"`);
  return x;
}

export function register(program: Command): void {
  withGeneratorOptions(
    program
      .command('seed')
      .description(
        'generate a synthetic customs world with planted fraud rings (declarations.csv, entities.csv, truth.json)',
      )
      .option('--size <size>', 'tiny (≈2k lines), small (≈50k), medium (≈500k), large (≈5M)', 'small')
      .option('--seed <n>', 'random seed: the same seed gives the same files, byte for byte', '7')
      .option('--out <dir>', 'output folder', './data/world'),
  ).action(async (_opts: unknown, command: Command) => {
    const all = command.optsWithGlobals<
      {
        size: string;
        seed: string;
        out: string;
        json?: boolean;
        generator: string;
        variants?: string;
      } & MeridianFlags
    >();
    const parsed = SeedOptions.safeParse(all);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `seed: --${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'} (sizes: ${WorldSize.options.join(', ')}; seed: an integer 0 … 4294967295)`,
      );
    }
    const { seed, out } = parsed.data;
    const size = all.size;
    const generator = all.generator;
    checkGenerator(generator, all);
    const variantShare = all.variants === undefined ? null : checkVariants(all.variants);
    const progress = progressReporter('lines', Boolean(all.json));
    const started = performance.now();
    const result =
      generator === 'meridian'
        ? await seedMeridian(size, seed, out, all)
        : {
            ...(await generateInWorker({
              size: parsed.data.size,
              seed,
              outDir: out,
              onProgress: progress.update,
            })),
            extra: {},
          };
    progress.stop();
    const variants = variantShare === null ? null : await plantVariants(out, variantShare, seed);
    const seconds = (performance.now() - started) / 1000;
    const { counts } = result.truth;
    const summary = {
      out,
      size,
      seed,
      generator,
      ...result.extra,
      files: {
        declarations: result.declarationsPath,
        entities: result.entitiesPath,
        truth: result.truthPath,
        ...(variants ? { variants: variants.path } : {}),
      },
      counts,
      rings: result.truth.rings.length,
      illicitShare: counts.lines === 0 ? 0 : counts.illicitLines / counts.lines,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(counts.lines / Math.max(seconds, 1e-3)),
      /** Resident-set high-water mark of the process, MB. */
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    if (all.json) {
      process.stdout.write(JSON.stringify(summary) + '\n');
    } else {
      process.stdout.write(
        `Wrote ${counts.lines} lines in ${counts.declarations} declarations, ${counts.entities} entities and ${summary.rings} planted rings ` +
          `(${(summary.illicitShare * 100).toFixed(2)}% illicit lines, ${counts.seizedLines} seized) to ${out} in ${summary.seconds} s (peak memory ${summary.peakRssMb} MB).\n`,
      );
    }
  });
}
