// `ringscope eval-kcs DIR`: inspection targeting on the KCS declarations (train+valid → test),
// precision at 1/2/5/10 % next to random selection and the HS-code rule.
import type { Command } from 'commander';
import { z } from 'zod';
import { runKcsEvaluation, type KcsReport } from '../../eval/kcs.ts';
import { InputError } from '../../ingest/errors.ts';
import { globalOptions } from './store-options.ts';

const Options = z.object({ seed: z.coerce.number().int(), draws: z.coerce.number().int().min(1).max(1000) });

export function formatKcsReport(r: KcsReport): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)}%`;
  const out = [
    `KCS: fitted on ${r.train} train+valid declarations, ranked ${r.test} test declarations (fraud rate ${pct(r.testFraudRate).trim()}).`,
    '    k   targeting   random   HS6 rule',
  ];
  r.shares.forEach((k, i) =>
    out.push(
      `${String(k).padStart(4)}%  ${pct(r.targeting[i]!)}     ${pct(r.random[i]!)}   ${pct(r.hsRule[i]!)}`,
    ),
  );
  return `${out.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('eval-kcs')
    .description('inspection targeting on the KCS customs declarations against random and HS-code baselines')
    .argument(
      '<dir>',
      'folder with df_syn_train_eng.csv, df_syn_valid_eng.csv and df_syn_test_eng.csv ' +
        '(as datasets/kcs-customs-declarations)',
    )
    .option('--seed <n>', 'seed of the random baseline', '1')
    .option('--draws <n>', 'random draws averaged for the random baseline', '100')
    .action(async (dir: string, raw: Record<string, unknown>, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success)
        throw new InputError(
          `invalid option: ${parsed.error.issues[0]?.message} (seed, draws: whole numbers)`,
          [],
        );
      const report = await runKcsEvaluation(dir, { seed: parsed.data.seed, randomDraws: parsed.data.draws });
      process.stdout.write(
        globalOptions(command).json ? `${JSON.stringify(report)}\n` : formatKcsReport(report),
      );
    });
}
