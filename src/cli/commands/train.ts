// `ringscope train SOURCE --out MODEL.json [--preset NAME | --mapping FILE] [--holdout 20%]`:
// fits the line-risk model on the labelled lines of a declarations file (or the KCS folder),
// older lines for training and the newest held out, measures it on them, and writes the model.
import { stat, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../ingest/errors.ts';
import { heldOutMetrics, retrainVerdict, type HeldOutMetrics } from '../../risk/compare.ts';
import type { RiskLine } from '../../risk/features.ts';
import { lanesFor, toModelFile, type ModelFile } from '../../risk/model-file.ts';
import { NoLabelsError, scoreProbability, trainRiskModel } from '../../risk/model.ts';
import { PRESET_NAMES } from '../../ingest/presets/index.ts';
import { attachNetwork, loadModel, readRiskInput, requireNetwork, storeGiven } from './risk-input.ts';
import { readStoredLines } from './stored-lines.ts';
import { loadStoredModel, saveStoredModel, STORED_MODEL } from './stored-model.ts';

const Options = z.object({
  out: z.string().min(1).optional(),
  holdout: z.string().regex(/^\d+(\.\d+)?%$/, 'holdout: a share such as 20%'),
  red: z.string().regex(/^\d+(\.\d+)?%$/, 'red: a share such as 2%'),
  amber: z.string().regex(/^\d+(\.\d+)?%$/, 'amber: a share such as 5%'),
  seed: z.coerce.number().int(),
  preset: z.string().optional(),
  mapping: z.string().optional(),
  force: z.boolean().optional(),
});

/** Oldest lines to train on, newest to hold out (by date, then file order). */
export function timeSplit(
  lines: readonly RiskLine[],
  share: number,
): { train: RiskLine[]; heldOut: RiskLine[] } {
  const sorted = lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => (a.l.date < b.l.date ? -1 : a.l.date > b.l.date ? 1 : a.i - b.i))
    .map((x) => x.l);
  const cut = Math.max(1, Math.min(sorted.length - 1, Math.round(sorted.length * (1 - share))));
  return { train: sorted.slice(0, cut), heldOut: sorted.slice(cut) };
}

const share = (text: string): number => Number(text.slice(0, -1)) / 100;

const span = (lines: readonly RiskLine[]) => ({
  lines: lines.length,
  from: lines[0]?.date ?? '',
  to: lines.at(-1)?.date ?? '',
});

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function describeMetrics(name: string, m: HeldOutMetrics): string {
  const at = Object.entries(m.precisionAt).map(([k, v]) => `${pct(v)} at ${k}`);
  return `${name}: precision ${at.join(', ')}; AUC ${m.auc.toFixed(3)}; log-loss ${m.logLoss.toFixed(3)}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

type Loaded = Awaited<ReturnType<typeof loadModel>>;

/**
 * When a current model exists (the file at `--out`, or the store's current model), measures it
 * on the new model's held-out lines and answers whether the new one may replace it, with the
 * lines to print. `where` names it; `load` answers null when there is none.
 */
async function compareWithCurrent(
  o: z.infer<typeof Options>,
  where: string,
  load: () => Promise<Loaded | null>,
  heldOut: readonly RiskLine[],
  next: HeldOutMetrics,
): Promise<{ write: boolean; report: string[] }> {
  let current;
  try {
    current = await load();
    if (current === null) return { write: true, report: [] };
    requireNetwork(current.model.plan, heldOut, where);
  } catch (error) {
    if (!o.force)
      throw new InputError(
        `${(error as Error).message}\n${where} cannot be compared with the new model: ` +
          'nothing was written; give --force to replace it, or another --out',
        [],
      );
    return { write: true, report: [`${where} cannot be read; replaced (--force)`] };
  }
  const metrics = heldOutMetrics(scoreProbability(current.model, heldOut), heldOut, share(o.red));
  const verdict = retrainVerdict(metrics, next, o.force === true);
  const red = `precision at the red-lane budget (${o.red}): current ${pct(metrics.precisionAtRed)}, new ${pct(next.precisionAtRed)}`;
  const decision = {
    replaced: `the new model is at least as good: ${where} replaced`,
    forced: `the new model is worse, but --force was given: ${where} replaced`,
    kept: `the new model is worse: ${where} kept (${current.file.contentHash}); --force replaces it`,
  }[verdict];
  const trainedTo = current.file.trainingData.trainedOn.to;
  const overlap =
    trainedTo > (heldOut[0]?.date ?? '')
      ? [
          `note: the current model was trained on lines up to ${trainedTo}, after this hold-out begins: its figures may be optimistic`,
        ]
      : [];
  return {
    write: verdict !== 'kept',
    report: [
      `compared on the same ${heldOut.length} held-out lines with ${where}:`,
      ...overlap,
      `  ${describeMetrics(`current ${current.file.contentHash.slice(0, 19)}…`, metrics)}`,
      `  ${describeMetrics('new', next)}`,
      red,
      decision,
    ],
  };
}

/** Compares with, and writes to, the `--out` file and the store (when given), each on its own verdict. */
async function keep(
  o: z.infer<typeof Options>,
  command: Command,
  file: ModelFile,
  heldOut: RiskLine[],
  metrics: HeldOutMetrics,
) {
  const report: string[] = [];
  if (o.out !== undefined) {
    const out = o.out;
    const load = async () => ((await exists(out)) ? loadModel(out) : null);
    const c = await compareWithCurrent(o, out, load, heldOut, metrics);
    if (c.write) await writeFile(out, `${JSON.stringify(file)}\n`);
    report.push(
      ...c.report,
      c.write
        ? `model ${file.contentHash} written to ${out}`
        : `model ${file.contentHash} not written to ${out}`,
    );
  }
  if (storeGiven(command)) {
    const c = await compareWithCurrent(o, STORED_MODEL, () => loadStoredModel(command), heldOut, metrics);
    if (c.write) await saveStoredModel(command, file);
    report.push(
      ...c.report,
      c.write
        ? `model ${file.contentHash} saved in the store as its current model`
        : `model ${file.contentHash} not saved in the store`,
    );
  }
  return report;
}

async function train(
  source: string | undefined,
  o: z.infer<typeof Options>,
  command: Command,
): Promise<string> {
  if (o.out === undefined && !storeGiven(command))
    throw new InputError(
      'train: give --out FILE for the model, or a store (--db PATH or --neo4j URI) to keep it in',
      [],
    );
  if (source === undefined && !storeGiven(command))
    throw new InputError(
      'train: give a declarations file, or a store (--db PATH or --neo4j URI) to learn from its lines',
      [],
    );
  const input = source === undefined ? await readStoredLines(command) : await readRiskInput(source, o);
  source ??= input.files[0]?.path ?? 'the store';
  const { lines, runId } = await attachNetwork(command, input.lines);
  const labelled = lines.filter((l) => l.label !== null);
  if (labelled.length < 2)
    throw new InputError(
      `no labelled lines to train on in ${source} (${input.lines.length} lines, ${labelled.length} with an inspection result): ` +
        'training needs lines with fraud, illicit, inspected or revenue_recovered values',
      [],
    );
  const { train: older, heldOut } = timeSplit(labelled, share(o.holdout));
  const started = performance.now();
  const model = trainRiskModel(older, {
    features: {
      attributes: input.attributes,
      ...(input.numericAttributes.length > 0 ? { numericAttributes: input.numericAttributes } : {}),
      seed: o.seed,
      ...(runId === null ? {} : { network: true }),
    },
    trees: { seed: o.seed },
  });
  const seconds = (performance.now() - started) / 1000;
  const p = scoreProbability(model, heldOut);
  const frauds = heldOut.filter((l) => l.label).length;
  const metrics = heldOutMetrics(p, heldOut, share(o.red));
  const file = toModelFile(model, {
    createdAt: new Date().toISOString(),
    features: model.trees.features.map((f) => f.name),
    trainingData: {
      files: input.files,
      lines: input.lines.length,
      labelled: labelled.length,
      trainedOn: span(older),
      heldOut: span(heldOut),
      detectionRun: runId,
    },
    metrics: { heldOutFraudRate: frauds / heldOut.length, ...metrics, trainSeconds: seconds },
    lanes: lanesFor(p, { red: share(o.red), amber: share(o.amber) }),
  });
  const kept = await keep(o, command, file, heldOut, metrics);
  return [
    ...(runId === null ? [] : [`network features from detection run ${runId}`]),
    `trained on ${older.length} lines (${span(older).from} … ${span(older).to}) in ${seconds.toFixed(1)} s; held out the newest ${heldOut.length} (fraud rate ${pct(frauds / heldOut.length)})`,
    `precision on the held-out lines: ${Object.entries(metrics.precisionAt)
      .map(([k, v]) => `${pct(v)} at ${k}`)
      .join(', ')}; AUC ${metrics.auc.toFixed(3)}`,
    ...kept,
  ].join('\n');
}

export function register(program: Command): void {
  program
    .command('train')
    .description('fit the line-risk model on labelled declaration lines and write it to a file')
    .argument(
      '[source]',
      "declarations CSV with inspection results, or the KCS folder (default with --db/--neo4j: the store's lines)",
    )
    .option(
      '--out <file>',
      'model file to write (JSON); with --db/--neo4j the model is also kept in the store',
    )
    .addOption(
      new Option('--preset <name>', 'layout of the declarations file')
        .choices(PRESET_NAMES)
        .conflicts('mapping'),
    )
    .option('--mapping <file>', 'JSON file mapping canonical fields to your column names')
    .option('--holdout <share>', 'newest share of labelled lines held out to measure the model', '20%')
    .option('--red <share>', 'inspection budget of the red lane: top share of held-out lines', '2%')
    .option('--amber <share>', 'budget of the amber lane (document checks): the next share', '5%')
    .option('--seed <n>', 'seed of the folds and the trees', '1')
    .option(
      '--force',
      'replace an existing --out model even when the new one is worse on the same held-out lines',
    )
    .action(async (source: string | undefined, raw: Record<string, unknown>, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, []);
      try {
        process.stdout.write(`${await train(source, parsed.data, command)}\n`);
      } catch (error) {
        if (error instanceof NoLabelsError) throw new InputError(error.message, []);
        throw error;
      }
    });
}
