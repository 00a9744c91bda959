// `ringscope score FILE.csv --model MODEL.json [--preset NAME | --mapping FILE] [--red 2%]
// [--amber 5%] [--json [OUT] | --csv OUT]`: scores a declarations file without importing it (its
// label columns are ignored) and writes the targeting contract with each line's lane, highest
// score first, naming the model. Lanes come from the model's thresholds, or with --red/--amber
// from this file's own score distribution.
import { Option, type Command } from 'commander';
import { toSafeCsv } from '../../export/csv-safe.ts';
import { InputError } from '../../ingest/errors.ts';
import { PRESET_NAMES } from '../../ingest/presets/index.ts';
import type { Lanes } from '../../risk/model-file.ts';
import { scoreLines, type ScoredLine } from '../../risk/scored.ts';
import { writeOutput } from '../output.ts';
import {
  attachNetwork,
  loadModel,
  readRiskInput,
  requireColumns,
  requireNetwork,
  storeGiven,
} from './risk-input.ts';
import { loadStoredModel, STORED_MODEL } from './stored-model.ts';
import { globalOptions } from './store-options.ts';

export const SCORE_CONTRACT_VERSION = 1;

interface ScoreOptions {
  model?: string;
  preset?: string;
  mapping?: string;
  csv?: string;
  allReasons?: boolean;
  red?: string;
  amber?: string;
}

/** Where the lanes came from: the model's thresholds, or this file's own score distribution. */
export interface LaneSource {
  from: 'model' | 'file';
  red: number;
  amber: number;
}

export function scoreJson(
  scored: readonly ScoredLine[],
  model: { contentHash: string; createdAt: string },
  lanes: LaneSource,
) {
  return {
    version: SCORE_CONTRACT_VERSION,
    model: { content_hash: model.contentHash, created_at: model.createdAt },
    lanes: { from: lanes.from, budget: { red: lanes.red, amber: lanes.amber } },
    lines: scored.map((s) => ({
      declaration_id: s.line.declarationId,
      line: s.line.line,
      score: s.score,
      lane: s.lane,
      reasons: s.reasons,
    })),
  };
}

/** The model file given, else the store's current model (with --db/--neo4j). */
async function scoringModel(command: Command, path: string | undefined) {
  if (path !== undefined) return { ...(await loadModel(path)), where: path };
  const stored = storeGiven(command) ? await loadStoredModel(command) : null;
  if (stored === null)
    throw new InputError(
      storeGiven(command)
        ? 'score: this store holds no risk model: train one with `ringscope --db PATH train FILE`, or give --model FILE'
        : 'score: give --model FILE, or --db PATH / --neo4j URI to score with the model kept in that store',
      [],
    );
  return { ...stored, where: STORED_MODEL };
}

const SHARE = /^\d+(\.\d+)?%$/;

/** `--red`/`--amber` given: lanes from this file's own distribution (the other share from the model). */
export function laneSource(raw: { red?: string; amber?: string }, model: Lanes['budget']): LaneSource {
  if (raw.red === undefined && raw.amber === undefined) return { from: 'model', ...model };
  const share = (name: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    if (!SHARE.test(text) || Number(text.slice(0, -1)) > 100)
      throw new InputError(`invalid option: --${name} ${text}: a share such as 2%`, []);
    return Number(text.slice(0, -1)) / 100;
  };
  const red = share('red', raw.red, model.red);
  const amber = share('amber', raw.amber, model.amber);
  if (red + amber > 1) throw new InputError(`--red and --amber add up to more than 100%`, []);
  return { from: 'file', red, amber };
}

export function register(program: Command): void {
  program
    .command('score')
    .description('score a declarations file with a trained risk model: score, lane and reasons per line')
    .argument('<file>', 'declarations CSV (label columns are ignored)')
    .argument('[out]', 'with --json: file for the JSON contract (stdout when absent)')
    .option(
      '--model <file>',
      "model file written by `ringscope train` (default: the store's current model, with --db/--neo4j)",
    )
    .addOption(
      new Option('--preset <name>', 'layout of the declarations file')
        .choices(PRESET_NAMES)
        .conflicts('mapping'),
    )
    .option('--mapping <file>', 'JSON file mapping canonical fields to your column names')
    .option('--csv <file>', 'write a formula-safe CSV instead')
    .option('--red <share>', "red lane: this file's top share (e.g. 2%), instead of the model's thresholds")
    .option(
      '--amber <share>',
      "amber lane: this file's next share (e.g. 5%), instead of the model's thresholds",
    )
    .option('--all-reasons', 'reasons for green-lane lines too (by default red and amber lines only: faster)')
    .action(async (file: string, out: string | undefined, raw: ScoreOptions, command: Command) => {
      const globals = globalOptions(command);
      if (out && !globals.json)
        throw new InputError(`unexpected argument ${out}: did you mean --json ${out}?`, []);
      if (globals.json && raw.csv) throw new InputError('choose one of --json and --csv', []);
      const { model, file: meta, where } = await scoringModel(command, raw.model);
      const input = await readRiskInput(file, raw);
      requireColumns(model.plan, input, where, file);
      const { lines } = await attachNetwork(command, input.lines);
      requireNetwork(model.plan, lines, where);
      const unlabelled = lines.map((l) => ({ ...l, label: null }));
      const lanes = laneSource(raw, meta.lanes.budget);
      const scored = scoreLines(model, meta.lanes, unlabelled, {
        ...(lanes.from === 'file' ? { budget: lanes } : {}),
        reasonsFor: raw.allReasons ? ['red', 'amber', 'green'] : ['red', 'amber'],
      });
      const doc = scoreJson(scored, meta, lanes);
      if (raw.csv) {
        const rows = doc.lines.map((l) => [l.declaration_id, l.line, l.score, l.lane, l.reasons.join('; ')]);
        await writeOutput(toSafeCsv(['declaration_id', 'line', 'score', 'lane', 'reasons'], rows), raw.csv);
      } else if (globals.json) await writeOutput(`${JSON.stringify(doc, null, 2)}\n`, out);
      else
        for (const l of doc.lines.slice(0, 50))
          process.stdout.write(
            `${l.declaration_id}/${l.line}\t${l.score.toFixed(3)}\t${l.lane}\t${l.reasons.join('; ')}\n`,
          );
      if (raw.csv || out)
        process.stdout.write(`${doc.lines.length} lines scored with model ${meta.contentHash}\n`);
    });
}
