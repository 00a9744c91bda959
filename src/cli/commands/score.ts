// `ringscope score FILE.csv --model MODEL.json [--preset NAME | --mapping FILE] [--json [OUT] |
// --csv OUT]`: scores a declarations file without importing it (its label columns are ignored)
// and writes the targeting contract with each line's lane, highest score first, naming the model.
import { Option, type Command } from 'commander';
import { toSafeCsv } from '../../export/csv-safe.ts';
import { InputError } from '../../ingest/errors.ts';
import { PRESET_NAMES } from '../../ingest/presets/index.ts';
import { scoreLines, type ScoredLine } from '../../risk/scored.ts';
import { writeOutput } from '../output.ts';
import { loadModel, readRiskInput } from './risk-input.ts';
import { globalOptions } from './store-options.ts';

export const SCORE_CONTRACT_VERSION = 1;

export function scoreJson(scored: readonly ScoredLine[], model: { contentHash: string; createdAt: string }) {
  return {
    version: SCORE_CONTRACT_VERSION,
    model: { content_hash: model.contentHash, created_at: model.createdAt },
    lines: scored.map((s) => ({
      declaration_id: s.line.declarationId,
      line: s.line.line,
      score: s.score,
      lane: s.lane,
      reasons: s.reasons,
    })),
  };
}

export function register(program: Command): void {
  program
    .command('score')
    .description('score a declarations file with a trained risk model: score, lane and reasons per line')
    .argument('<file>', 'declarations CSV (label columns are ignored)')
    .argument('[out]', 'with --json: file for the JSON contract (stdout when absent)')
    .requiredOption('--model <file>', 'model file written by `ringscope train`')
    .addOption(
      new Option('--preset <name>', 'layout of the declarations file')
        .choices(PRESET_NAMES)
        .conflicts('mapping'),
    )
    .option('--mapping <file>', 'JSON file mapping canonical fields to your column names')
    .option('--csv <file>', 'write a formula-safe CSV instead')
    .option('--all-reasons', 'reasons for green-lane lines too (by default red and amber lines only: faster)')
    .action(
      async (
        file: string,
        out: string | undefined,
        raw: { model: string; preset?: string; mapping?: string; csv?: string; allReasons?: boolean },
        command: Command,
      ) => {
        const globals = globalOptions(command);
        if (out && !globals.json)
          throw new InputError(`unexpected argument ${out}: did you mean --json ${out}?`, []);
        if (globals.json && raw.csv) throw new InputError('choose one of --json and --csv', []);
        const { model, file: meta } = await loadModel(raw.model);
        const input = await readRiskInput(file, raw);
        const unlabelled = input.lines.map((l) => ({ ...l, label: null }));
        const scored = scoreLines(model, meta.lanes, unlabelled, {
          reasonsFor: raw.allReasons ? ['red', 'amber', 'green'] : ['red', 'amber'],
        });
        const doc = scoreJson(scored, meta);
        if (raw.csv) {
          const rows = doc.lines.map((l) => [
            l.declaration_id,
            l.line,
            l.score,
            l.lane,
            l.reasons.join('; '),
          ]);
          await writeOutput(toSafeCsv(['declaration_id', 'line', 'score', 'lane', 'reasons'], rows), raw.csv);
        } else if (globals.json) await writeOutput(`${JSON.stringify(doc, null, 2)}\n`, out);
        else
          for (const l of doc.lines.slice(0, 50))
            process.stdout.write(
              `${l.declaration_id}/${l.line}\t${l.score.toFixed(3)}\t${l.lane}\t${l.reasons.join('; ')}\n`,
            );
        if (raw.csv || out)
          process.stdout.write(`${doc.lines.length} lines scored with model ${meta.contentHash}\n`);
      },
    );
}
