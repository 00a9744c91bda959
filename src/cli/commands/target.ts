// `ringscope target --budget 1% [--json [OUT] | --csv OUT]`: the declaration lines to inspect
// within a budget (a share of all lines, or a number of lines), highest score first, each with
// its reasons. Reads the last detection run from the store.
import type { Command } from 'commander';
import { TARGET_CSV_HEADER, targetCsvRows, targetJson } from '../../export/contract.ts';
import { toSafeCsv } from '../../export/csv-safe.ts';
import type { LineTarget } from '../../model/index.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import { InputError } from '../../ingest/errors.ts';
import { globalOptions, withStore } from './store-options.ts';
import { writeOutput } from '../output.ts';

/** "1%" → share of lines; "250" → that many lines. */
export function parseBudget(text: string): { share: number } | { lines: number } {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (percent) {
    const share = Number(percent[1]) / 100;
    if (share > 0 && share <= 1) return { share };
  } else if (/^\d+$/.test(text.trim()) && Number(text) > 0) return { lines: Number(text) };
  throw new InputError(
    `invalid --budget ${JSON.stringify(text)}: give a share such as 1% (0–100%) or a number of lines such as 250`,
    [],
  );
}

export async function selectTargets(
  store: Pick<GraphStore, 'lastRun' | 'counts' | 'listTargets'>,
  budget: { share: number } | { lines: number },
): Promise<{ targets: LineTarget[]; wanted: number }> {
  if ((await store.lastRun()) === null)
    throw new Error('no detection run in this store: run `ringscope detect` first');
  const totalLines = (await store.counts()).nodes.Shipment ?? 0;
  const wanted = 'lines' in budget ? budget.lines : Math.ceil(totalLines * budget.share);
  return { targets: await store.listTargets({ limit: wanted }), wanted };
}

export function register(program: Command): void {
  program
    .command('target')
    .description('rank declaration lines for inspection within a budget')
    .argument('[out]', 'with --json: file for the JSON contract (stdout when absent)')
    .requiredOption('--budget <share|lines>', 'share of all lines (e.g. 1%) or a number of lines')
    .option('--csv <file>', 'write a formula-safe CSV instead')
    .action(async (out: string | undefined, raw: { budget: string; csv?: string }, command: Command) => {
      const globals = globalOptions(command);
      if (out && !globals.json)
        throw new InputError(`unexpected argument ${out}: did you mean --json ${out}?`, []);
      if (globals.json && raw.csv) throw new InputError('choose one of --json and --csv', []);
      const budget = parseBudget(raw.budget);
      await withStore(globals, async (store) => {
        const { targets, wanted } = await selectTargets(store, budget);
        if (targets.length < wanted)
          process.stderr.write(
            `target: the last run kept ${targets.length} lines; fewer than the ${wanted} asked\n`,
          );
        const doc = targetJson(targets);
        if (raw.csv) await writeOutput(toSafeCsv(TARGET_CSV_HEADER, targetCsvRows(doc)), raw.csv);
        else if (globals.json) await writeOutput(`${JSON.stringify(doc, null, 2)}\n`, out);
        else {
          for (const t of targets)
            process.stdout.write(
              `${t.declarationId}/${t.line}\t${t.score.toFixed(3)}\t${t.reasons.join('; ')}\n`,
            );
        }
        if (raw.csv || out) process.stdout.write(`${targets.length} lines selected\n`);
      });
    });
}
