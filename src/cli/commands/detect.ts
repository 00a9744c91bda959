// `ringscope detect [--json [OUT]] [--seed N] [--from DATE] [--to DATE] [--profile FILE]`: runs
// every detector, writes the run to the store, prints counts by typology, the top 10 rings by
// priority and the top 10 leads; with --json the published contract goes to OUT (or stdout).
import type { Command } from 'commander';
import { z } from 'zod';
import { loadProfile, ProfileError } from '../../detection/profile.ts';
import { deMinimisValues } from '../../model/profile.ts';
import { runDetection, type DetectionOutcome } from '../../detection/run-detection.ts';
import { DETECTION_ENGINES, type DetectionEngine } from '../../detection/gds-engine.ts';
import { detectJson } from '../../export/contract.ts';
import { formatMoney } from '../../detectors/money.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import { InputError } from '../../ingest/errors.ts';
import { GdsError } from '../../store/neo4j/gds.ts';
import { globalOptions, withStore } from './store-options.ts';
import { writeOutput } from '../output.ts';
import { progressSink, type ProgressSink } from '../progress.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DetectOptions = z.object({
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  profile: z.string().min(1).optional(),
  engine: z.enum(DETECTION_ENGINES),
});

export function summarise(outcome: DetectionOutcome): string {
  const { counts, rings, leads } = outcome.findings;
  const out = ['Rings by typology:'];
  for (const [typology, n] of Object.entries(counts)) out.push(`  ${typology.padEnd(22)} ${n}`);
  out.push('', rings.length > 0 ? 'Top rings (by priority: score and revenue at risk):' : 'No rings found.');
  for (const r of rings.slice(0, 10)) {
    out.push(
      `  ${r.id}  priority ${r.priority.toFixed(2)}  score ${r.score.toFixed(2)}  ${String(r.members.length).padStart(3)} members  at risk ${formatMoney(r.revenueAtRisk)}`,
    );
    out.push(`      ${r.explanation}`);
  }
  out.push('', leads.length > 0 ? `Top leads (${leads.length}; not rings):` : 'No leads.');
  for (const l of leads.slice(0, 10)) {
    out.push(`  ${l.label}:${l.id}  ${l.score.toFixed(2)}  ${l.detector}`);
    out.push(`      ${l.reason}`);
  }
  return `${out.join('\n')}\n`;
}

export async function detectCommand(
  store: GraphStore,
  options: {
    seed: number;
    from?: string;
    to?: string;
    profile?: string;
    engine?: DetectionEngine;
    json: boolean;
    out?: string;
  },
  progress: ProgressSink,
): Promise<DetectionOutcome> {
  const profile = await loadProfile(options.profile).catch((e: unknown) => {
    throw e instanceof ProfileError ? new InputError(e.message, []) : e;
  });
  progress.line(
    `profile: ${profile.name} (${profile.currency}, de-minimis ${deMinimisValues(profile).join(', ')})`,
  );
  const outcome = await runDetection(store, {
    seed: options.seed,
    profile,
    engine: options.engine ?? 'in-process',
    ...(options.from || options.to ? { window: { from: options.from ?? null, to: options.to ?? null } } : {}),
    onProgress: (p) => progress.line(`${p.phase}: ${p.message}`),
  }).catch((error: unknown) => {
    // GDS missing or too small for the graph: bad input for this run (exit 2), nothing changed.
    throw error instanceof GdsError ? new InputError(error.message, []) : error;
  });
  if (options.json)
    await writeOutput(
      `${JSON.stringify(detectJson(outcome.findings.rings, outcome.findings.leads), null, 2)}\n`,
      options.out,
    );
  if (!options.json || options.out) process.stdout.write(summarise(outcome));
  return outcome;
}

export function register(program: Command): void {
  program
    .command('detect')
    .description('run every detector, write rings, party risk and line targets to the store')
    .argument('[out]', 'with --json: file for the JSON contract (stdout when absent)')
    .option('--seed <n>', 'seed of the community detection', '1')
    .option('--from <date>', 'only declarations on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only declarations on or before this date (YYYY-MM-DD)')
    .option('--profile <file>', 'administration profile: a JSON file or a preset (eu, us)', 'eu')
    .option('--engine <engine>', 'communities by auto, gds (Neo4j Graph Data Science) or in-process', 'auto')
    .action(async (out: string | undefined, raw: Record<string, unknown>, command: Command) => {
      const globals = globalOptions(command);
      if (out && globals.json !== true)
        throw new InputError(`unexpected argument ${out}: did you mean --json ${out}?`, []);
      const parsed = DetectOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(
          `invalid --${issue?.path.join('.')}: ${issue?.message} (seed: a whole number; dates: YYYY-MM-DD; engine: auto, gds or in-process)`,
          [],
        );
      }
      const json = globals.json === true;
      await withStore(globals, (store) =>
        detectCommand(store, { ...parsed.data, json, ...(out ? { out } : {}) }, progressSink(json)),
      );
    });
}
