// Risk models kept in the store: `ringscope train` with --db/--neo4j saves its model there as the
// store's current one (earlier versions kept), `ringscope score` without --model scores with it,
// and `ringscope models` lists the versions.
import type { Command } from 'commander';
import { InputError } from '../../ingest/errors.ts';
import { fromModelFile, type ModelFile } from '../../risk/model-file.ts';
import type { RiskModelVersion } from '../../store/risk-models.ts';
import { globalOptions, withStore } from './store-options.ts';

export const STORED_MODEL = "the store's current model";

/** The store's current model, read like a model file; null when the store holds none. */
export async function loadStoredModel(command: Command) {
  const record = await withStore(globalOptions(command), (store) => store.currentRiskModel());
  if (record === null) return null;
  try {
    return fromModelFile(JSON.parse(record.json), STORED_MODEL);
  } catch (error) {
    throw new InputError((error as Error).message, []);
  }
}

/** Saves a trained model in the store as its current one. */
export async function saveStoredModel(command: Command, file: ModelFile): Promise<void> {
  await withStore(globalOptions(command), (store) =>
    store.saveRiskModel({
      contentHash: file.contentHash,
      createdAt: file.createdAt,
      metrics: file.metrics,
      json: JSON.stringify(file),
      savedAt: new Date().toISOString(),
    }),
  );
}

const pct = (x: unknown): string => (typeof x === 'number' ? `${(x * 100).toFixed(1)}%` : '–');

function describeVersion(v: RiskModelVersion): string {
  const m = v.metrics as { precisionAt?: Record<string, unknown>; auc?: unknown };
  const auc = typeof m.auc === 'number' ? m.auc.toFixed(3) : '–';
  return [
    v.current ? '*' : ' ',
    v.contentHash,
    `trained ${v.createdAt}`,
    `saved ${v.savedAt}`,
    `precision at 1% ${pct(m.precisionAt?.['1%'])}, AUC ${auc}`,
  ].join('  ');
}

export function register(program: Command): void {
  program
    .command('models')
    .description('list the risk models kept in the store, newest first (* the current one)')
    .action(async (_raw: unknown, command: Command) => {
      const globals = globalOptions(command);
      const versions = await withStore(globals, (store) => store.listRiskModels());
      if (globals.json) process.stdout.write(`${JSON.stringify({ version: 1, models: versions })}\n`);
      else if (versions.length === 0)
        process.stdout.write('no risk model in this store: `ringscope --db PATH train FILE` saves one\n');
      else for (const v of versions) process.stdout.write(`${describeVersion(v)}\n`);
    });
}
