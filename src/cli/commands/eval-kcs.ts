// `ringscope eval-kcs DIR`: inspection targeting on the KCS declarations (train+valid → test),
// precision at 1/2/5/10 % for the learned risk model, the scikit-learn baseline, the hand-set
// targeting, random selection and the HS-code rule, and the revenue each ranking captures.
import type { Command } from 'commander';
import { z } from 'zod';
import { runKcsEvaluation, type KcsReport } from '../../eval/kcs.ts';
import { InputError } from '../../ingest/errors.ts';
import { globalOptions } from './store-options.ts';

const Options = z.object({
  seed: z.coerce.number().int(),
  draws: z.coerce.number().int().min(1).max(1000),
  seeds: z.string().regex(/^(\d+(,\d+)*)?$/, 'seeds: whole numbers separated by commas'),
  sklearn: z.boolean(),
});

const pct = (x: number | undefined): string =>
  x === undefined ? '    –  ' : `${(x * 100).toFixed(1).padStart(5)}% `;

function sklearnLine(r: KcsReport): string[] {
  if (!r.sklearn) return [];
  if (r.sklearn.ran) return [`scikit-learn baseline run with ${r.sklearn.python}.`];
  return ['!!! scikit-learn baseline NOT RUN !!!', `!!! ${r.sklearn.reason}`];
}

export function formatKcsReport(r: KcsReport): string {
  const sk = r.sklearn?.ran ? r.sklearn.precision : undefined;
  const out = [
    `KCS: fitted on ${r.train} train+valid declarations, ranked ${r.test} test declarations (fraud rate ${pct(r.testFraudRate).trim()}).`,
    ...sklearnLine(r),
    'precision at k% of test lines inspected',
    '    k   learned  scikit-learn  targeting   random   HS6 rule',
  ];
  r.shares.forEach((k, i) =>
    out.push(
      `${String(k).padStart(4)}%  ${pct(r.learned?.precision[i])}   ${pct(sk?.[i])}      ${pct(r.targeting[i])}   ${pct(r.random[i])}  ${pct(r.hsRule[i])}`,
    ),
  );
  if (r.learned) {
    const l = r.learned;
    out.push(
      `learned model: mean of seeds ${l.seeds.join(', ')}, ${l.fitSeconds.toFixed(1)} s per fit`,
      'revenue captured at k% (share of the duty at stake, value × duty rate, on the test fraud lines)',
      '    k   probability   p × est. shortfall   p × duty at stake   targeting',
    );
    r.shares.forEach((k, i) =>
      out.push(
        `${String(k).padStart(4)}%  ${pct(l.revenueByProbability[i])}       ${pct(l.revenueByRecovery[i])}              ${pct(l.revenueByDutyAtStake[i])}             ${pct(l.revenueByTargeting[i])}`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('eval-kcs')
    .description('inspection targeting on the KCS customs declarations: learned model against baselines')
    .argument(
      '<dir>',
      'folder with df_syn_train_eng.csv, df_syn_valid_eng.csv and df_syn_test_eng.csv ' +
        '(as datasets/kcs-customs-declarations)',
    )
    .option('--seed <n>', 'seed of the random baseline', '1')
    .option('--draws <n>', 'random draws averaged for the random baseline', '100')
    .option(
      '--seeds <list>',
      'seeds of the learned model and the scikit-learn baseline (empty: leave out)',
      '1,2,3',
    )
    .option('--no-sklearn', 'do not run the scikit-learn baseline')
    .action(async (dir: string, raw: Record<string, unknown>, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success)
        throw new InputError(
          `invalid option: ${parsed.error.issues[0]?.message} (seed, draws: whole numbers; seeds: 1,2,3)`,
          [],
        );
      const o = parsed.data;
      const report = await runKcsEvaluation(dir, {
        seed: o.seed,
        randomDraws: o.draws,
        learnedSeeds: o.seeds === '' ? [] : o.seeds.split(',').map(Number),
        sklearn: o.sklearn,
      });
      if (report.sklearn && !report.sklearn.ran)
        process.stderr.write(`eval-kcs: scikit-learn baseline NOT RUN: ${report.sklearn.reason}\n`);
      process.stdout.write(
        globalOptions(command).json ? `${JSON.stringify(report)}\n` : formatKcsReport(report),
      );
    });
}
