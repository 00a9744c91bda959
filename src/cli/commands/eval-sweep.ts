// `ringscope eval --sweep PARAMETER`: the robustness report. For each value of one world
// parameter (the others at their defaults) and each seed, a world is generated, ingested into a
// temporary embedded store, detected and scored, all in this process; the scores per typology are
// printed as a table and written as an SVG chart and a JSON of the figures.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { generateMeridian } from '../../../seed/meridian/generate.ts';
import { runDetection } from '../../detection/run-detection.ts';
import { readFindings } from '../../eval/findings.ts';
import { evaluate, targetsNeeded } from '../../eval/report.ts';
import { sweepSvg } from '../../eval/sweep-chart.ts';
import {
  SWEEP_REPORT_VERSION,
  SweepReport,
  formatSweepTable,
  poolScores,
  sweepTypologies,
  type SweepWorld,
} from '../../eval/sweep-report.ts';
import { PlantedTypology } from '../../eval/truth.ts';
import { ingestFiles, throwIfInvalid } from '../../ingest/ingest.ts';
import { NodeLabel } from '../../model/index.ts';
import { openStore } from '../../store/open.ts';
import { progressSink, type ProgressSink } from '../progress.ts';
import {
  SWEEP_PARAMETERS,
  SWEEP_PARAMETER_NAMES,
  SWEEP_SIZES,
  fixedParameters,
  readSweepValues,
  type SweepParameterName,
  type SweepValue,
} from './sweep-parameters.ts';

/** Seeds nobody tunes on; 1001–1005 are kept for the acceptance figures. */
export const DEFAULT_SWEEP_SEEDS = [2001, 2002, 2003] as const;
export const DEFAULT_SWEEP_OUT = './data/sweep';

/** The options only a sweep reads, by their attribute and flag. */
const SWEEP_ONLY = {
  values: '--values',
  seeds: '--seeds',
  size: '--size',
  generator: '--generator',
  out: '--out',
};

/** Adds the sweep's options to `ringscope eval`. */
export function withSweepOptions(command: Command): Command {
  return command
    .option(
      '--sweep <parameter>',
      `robustness report: vary one world parameter (${SWEEP_PARAMETER_NAMES.join(', ')}), generate, detect and score each world (--jaccard, --member-labels and --seed apply)`,
    )
    .option('--values <list>', 'with --sweep: values, comma-separated (0.4 or 40%, MIN-MAX, names)')
    .option(
      '--seeds <list>',
      `with --sweep: world seeds, comma-separated (default ${DEFAULT_SWEEP_SEEDS.join(',')})`,
    )
    .option('--size <size>', `with --sweep: world size, ${SWEEP_SIZES.join(', ')} (default small)`)
    .option('--generator <name>', 'with --sweep: world generator (meridian, the one with world parameters)')
    .option(
      '--out <dir>',
      `with --sweep: folder for sweep-PARAMETER.svg and .json (default ${DEFAULT_SWEEP_OUT})`,
    );
}

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const Seeds = z.string().transform((text, ctx) => {
  const seeds = list(text).map(Number);
  const bad = seeds.find((s) => !Number.isInteger(s) || s < 0 || s > 2 ** 32 - 1);
  if (seeds.length === 0 || bad !== undefined || new Set(seeds).size !== seeds.length) {
    ctx.addIssue({
      code: 'custom',
      message: `expected distinct whole numbers 0 … 4294967295, got "${text}"`,
    });
    return z.NEVER;
  }
  return seeds;
});

/** `eval`'s --member-labels, read the same way: labels among the model's, comma-separated. */
const MemberLabels = z.string().transform((text, ctx) => {
  const parsed = z.array(NodeLabel).min(1).safeParse(list(text));
  if (parsed.success) return parsed.data;
  ctx.addIssue({
    code: 'custom',
    message: `expected labels among ${NodeLabel.options.join(', ')}, got ${JSON.stringify(text)}`,
  });
  return z.NEVER;
});

const SweepOptions = z.object({
  sweep: z.enum(SWEEP_PARAMETER_NAMES as [SweepParameterName, ...SweepParameterName[]], {
    error: (issue) => `"${String(issue.input)}" is not one of ${SWEEP_PARAMETER_NAMES.join(', ')}`,
  }),
  values: z.string().optional(),
  seeds: Seeds.default([...DEFAULT_SWEEP_SEEDS]),
  size: z.enum(SWEEP_SIZES, { error: `expected one of ${SWEEP_SIZES.join(', ')}` }).default('small'),
  generator: z
    .string()
    .default('meridian')
    .refine((g) => g === 'meridian', {
      message:
        'only the meridian generator has world parameters to vary (the ringscope generator has none); use --generator meridian',
    }),
  out: z.string().min(1).default(DEFAULT_SWEEP_OUT),
  seed: z.coerce.number().int().min(0),
  jaccard: z.coerce.number().gt(0).max(1),
  memberLabels: MemberLabels,
  neo4j: z
    .undefined({ error: 'a sweep builds its worlds in temporary embedded stores; leave out --neo4j' })
    .optional(),
  truth: z.undefined({ error: 'give either --sweep or --truth, not both' }).optional(),
  communities: z.undefined({ error: 'give either --sweep or --communities, not both' }).optional(),
  json: z.boolean().optional(),
});

const flagOf = (key: PropertyKey): string =>
  `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

interface Matching {
  jaccardThreshold: number;
  memberLabels: readonly NodeLabel[];
}

/**
 * Runs the sweep when `--sweep` is given and returns true; returns false when it is not (and
 * refuses the sweep's own options without it). `--jaccard`, `--member-labels` and `--seed` (of
 * the community detection) are `eval`'s own options.
 */
export async function sweepCommand(command: Command): Promise<boolean> {
  const all = command.optsWithGlobals<Record<string, unknown>>();
  if (all.sweep === undefined) {
    const stray = Object.entries(SWEEP_ONLY).find(([key]) => all[key] !== undefined);
    if (stray) throw new Error(`eval: ${stray[1]} is an option of --sweep`);
    return false;
  }
  const parsed = SweepOptions.safeParse(all);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `eval: ${issue?.path[0] ? `${flagOf(issue.path[0])}: ` : ''}${issue?.message ?? 'invalid'}`,
    );
  }
  const o = parsed.data;
  let values: SweepValue[];
  try {
    values = readSweepValues(
      o.sweep,
      o.values === undefined ? SWEEP_PARAMETERS[o.sweep].defaults : list(o.values),
    );
  } catch (error) {
    throw new Error(`eval: --values: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const report = await runSweep(
    { ...o, values, matching: { jaccardThreshold: o.jaccard, memberLabels: o.memberLabels } },
    progressSink(o.json === true),
  );
  await mkdir(o.out, { recursive: true });
  const svgPath = join(o.out, `sweep-${o.sweep}.svg`);
  const jsonPath = join(o.out, `sweep-${o.sweep}.json`);
  await writeFile(svgPath, sweepSvg(report));
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    o.json
      ? `${JSON.stringify(report)}\n`
      : `${formatSweepTable(report)}\nWrote ${svgPath} and ${jsonPath}.\n`,
  );
  return true;
}

interface SweepPlan {
  sweep: SweepParameterName;
  values: SweepValue[];
  seeds: number[];
  size: (typeof SWEEP_SIZES)[number];
  /** Seed of the community detection. */
  seed: number;
  matching: Matching;
}

/** Every world of the plan, one after the other, with a progress line per world. */
export async function runSweep(plan: SweepPlan, progress: ProgressSink): Promise<SweepReport> {
  const total = plan.values.length * plan.seeds.length;
  let done = 0;
  const points = [];
  for (const v of plan.values) {
    const worlds: SweepWorld[] = [];
    for (const seed of plan.seeds) {
      const step = `[${++done}/${total}] ${plan.sweep} ${v.value}, seed ${seed}`;
      progress.line(`${step}: generating, ingesting, detecting…`);
      const started = performance.now();
      const world = await scoreWorld({ ...v.params, size: plan.size, seed }, plan);
      worlds.push(world);
      const overall = world.rings.find((r) => r.typology === 'overall');
      progress.line(
        `${step}: ${world.lines.toLocaleString('en')} lines, ${overall?.found ?? 0} of ${overall?.planted ?? 0} rings found, ${overall?.reported ?? 0} reported, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    points.push({
      value: v.value,
      x: v.x,
      rings: poolScores(
        worlds.map((w) => w.rings),
        PlantedTypology.options,
      ),
      worlds,
    });
  }
  return SweepReport.parse({
    version: SWEEP_REPORT_VERSION,
    generator: 'meridian',
    size: plan.size,
    parameter: plan.sweep,
    parameterLabel: SWEEP_PARAMETERS[plan.sweep].label,
    seeds: plan.seeds,
    fixed: fixedParameters(plan.sweep),
    matching: {
      jaccardThreshold: plan.matching.jaccardThreshold,
      memberLabels: [...plan.matching.memberLabels],
    },
    typologies: sweepTypologies(points, PlantedTypology.options),
    points,
  });
}

/** One world: generated, ingested into a fresh embedded store, detected and scored; then removed. */
async function scoreWorld(
  params: SweepValue['params'] & { size: SweepPlan['size']; seed: number },
  plan: SweepPlan,
): Promise<SweepWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-sweep-'));
  try {
    const world = await generateMeridian({ ...params, outDir: join(dir, 'world') });
    const store = await openStore({ db: join(dir, 'store.db') });
    try {
      throwIfInvalid(await ingestFiles(store, [world.entitiesPath, world.declarationsPath]));
      await runDetection(store, { seed: plan.seed });
      const findings = await readFindings(store, targetsNeeded(world.truth));
      const report = evaluate(world.truth, findings, plan.matching);
      return {
        seed: params.seed,
        lines: world.truth.counts.lines,
        rings: [...report.rings.byTypology, report.rings.overall],
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
