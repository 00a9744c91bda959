// Declaration lines for `ringscope train` and `ringscope score`, read without importing them:
// a declarations file in any layout ingest takes (canonical, --preset, --mapping), checked row
// by row with ingest's readers, or the KCS folder (train, valid and test files).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { KCS_ATTRIBUTES, KCS_FILES, kcsRiskLine, readKcsFile } from '../../eval/kcs.ts';
import { InputError } from '../../ingest/errors.ts';
import { detectLayout } from '../../ingest/header.ts';
import { headerKey, type Layout } from '../../ingest/layout.ts';
import { loadMappingFile } from '../../ingest/mapping-file.ts';
import { layoutsFor, PRESET_NAMES, type PresetName } from '../../ingest/presets/index.ts';
import { ProblemLog } from '../../ingest/problems.ts';
import { rowReader, type TypedRow } from '../../ingest/row-schema.ts';
import { riskLineOf } from '../../risk/canonical-line.ts';
import type { RiskLine } from '../../risk/features.ts';
import { fromModelFile } from '../../risk/model-file.ts';
import { NETWORK_FEATURES, readNetwork, withNetwork } from '../../risk/network.ts';
import type { FeaturePlan } from '../../risk/features.ts';
import { mappingFeaturesOf, type MappingFeatures } from '../../risk/mapping-features.ts';
import type { Command } from 'commander';
import { globalOptions, withStore } from './store-options.ts';

export interface RiskInput {
  lines: RiskLine[];
  files: { path: string; sha256: string }[];
  /** Procedure columns found beside the mapped fields, and a mapping's categorical features. */
  attributes: string[];
  /** Columns a mapping names as numeric features. */
  numericAttributes: string[];
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const text = (row: TypedRow, field: string): string | null => {
  const v = row[field];
  return typeof v === 'string' && v !== '' ? v : null;
};

function bindHeader(path: string, header: string[], layouts: Layout[], features: MappingFeatures) {
  const log = new ProblemLog(path);
  const bound = detectLayout(header, layouts, log);
  if (!bound || bound.layout.kind !== 'declarations')
    throw new InputError(`${path}: not a declarations file Ringscope can read`, log.kept, log.total);
  const keys = header.map(headerKey);
  const missing = [...features.categorical, ...features.numeric].filter((c) => !keys.includes(headerKey(c)));
  if (missing.length > 0)
    throw new InputError(
      `${path} has no column ${missing.join(', ')}, which the mapping names as model feature${missing.length === 1 ? '' : 's'}: ` +
        'add the column, or take it out of the mapping\'s "features"',
      [],
    );
  const attributes = [
    ...KCS_ATTRIBUTES.filter((a) => keys.includes(headerKey(a)) && !features.numeric.includes(a)),
    ...features.categorical.filter((c) => !(KCS_ATTRIBUTES as readonly string[]).includes(c)),
  ];
  return { bound, attributes, at: (a: string) => keys.indexOf(headerKey(a)) };
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** Reads a mapping's JSON a second time for its `features` (ingest's reader leaves them out). */
async function mappingFeatures(path: string | undefined): Promise<MappingFeatures> {
  if (path === undefined) return { categorical: [], numeric: [] };
  try {
    return mappingFeaturesOf(JSON.parse(await readFile(path, 'utf8')), path);
  } catch (error) {
    throw new InputError((error as Error).message, [
      { file: path, row: 0, column: 'features', code: 'invalid_mapping', message: (error as Error).message },
    ]);
  }
}

/** Reads a declarations file; every row must be valid (the same checks as ingest). */
export async function readDeclarationLines(
  path: string,
  options: { preset?: PresetName; mapping?: string },
): Promise<RiskInput> {
  const data = await readFile(path);
  const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
  const features = await mappingFeatures(options.mapping);
  const records: string[][] = parse(data, { skip_empty_lines: true, bom: true, relax_column_count: true });
  const { bound, attributes, at } = bindHeader(
    path,
    records[0] ?? [],
    layoutsFor(options.preset ?? 'ringscope', mapping),
    features,
  );
  const reader = rowReader(bound);
  const log = new ProblemLog(path);
  const lines: RiskLine[] = [];
  const linesOf = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const read = reader.read(record);
    if (!read.ok) {
      for (const issue of read.issues)
        log.add(i + 1, bound.columnName[issue.field] ?? issue.field, issue.code, issue.message);
      return;
    }
    const id = text(read.row, 'declaration_id') ?? '';
    linesOf.set(id, (linesOf.get(id) ?? 0) + 1);
    const attrs = Object.fromEntries(
      [...attributes, ...features.numeric].map((a) => [a, (record[at(a)] ?? '').trim()]),
    );
    for (const column of features.numeric)
      if (attrs[column] !== '' && !NUMBER.test(attrs[column]!))
        log.add(
          i + 1,
          column,
          'invalid_number',
          `model feature ${column}: not a number: ${JSON.stringify(attrs[column])}`,
        );
    lines.push(riskLineOf(read.row, linesOf.get(id)!, attrs));
  });
  if (!log.ok)
    throw new InputError(`${path}: ${log.total} invalid rows; nothing was read`, log.kept, log.total);
  return {
    lines,
    files: [{ path, sha256: sha256(data) }],
    attributes: [...attributes],
    numericAttributes: [...features.numeric],
  };
}

/** Reads the KCS folder's three files as one labelled history. */
export async function readKcsLines(dir: string): Promise<RiskInput> {
  const paths = [KCS_FILES.train, KCS_FILES.valid, KCS_FILES.test].map((f) => join(dir, f));
  const lines = (await Promise.all(paths.map(readKcsFile))).flat().map(kcsRiskLine);
  const files = await Promise.all(
    paths.map(async (path) => ({ path, sha256: sha256(await readFile(path)) })),
  );
  return { lines, files, attributes: [...KCS_ATTRIBUTES], numericAttributes: [] };
}

export async function readRiskInput(
  source: string,
  options: { preset?: string; mapping?: string },
): Promise<RiskInput> {
  if (options.preset !== undefined && !PRESET_NAMES.includes(options.preset as PresetName))
    throw new InputError(`unknown --preset ${options.preset}: choose one of ${PRESET_NAMES.join(', ')}`, []);
  if ((await stat(source)).isDirectory()) return readKcsLines(source);
  return readDeclarationLines(source, { ...options, preset: options.preset as PresetName | undefined });
}

/** Reads a model file written by `ringscope train`; any problem is an input error naming it. */
export async function loadModel(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read the model ${path}: ${(error as Error).message}`, []);
  }
  try {
    return fromModelFile(json, path);
  } catch (error) {
    throw new InputError((error as Error).message, []);
  }
}

/** Whether --db or --neo4j was given (the embedded store's default path does not count). */
export function storeGiven(command: Command): boolean {
  return ['db', 'neo4j'].some((o) => {
    const source = command.getOptionValueSourceWithGlobals(o);
    return source !== undefined && source !== 'default';
  });
}

/**
 * With a store given, attaches the network facts of its last detection run to the lines and
 * answers the run's id; without one, the lines as they are. A store without a run is an error.
 */
export async function attachNetwork(
  command: Command,
  lines: RiskLine[],
): Promise<{ lines: RiskLine[]; runId: string | null }> {
  if (!storeGiven(command)) return { lines, runId: null };
  const index = await withStore(globalOptions(command), readNetwork);
  if (index === null)
    throw new InputError(
      'no detection run in this store for the network features: run `ringscope detect` first, or leave out --db/--neo4j',
      [],
    );
  return { lines: withNetwork(lines, index), runId: index.runId };
}

/** A model trained with network features needs them: refuse lines without (exit 2). */
export function requireNetwork(plan: FeaturePlan, lines: readonly RiskLine[], model: string): void {
  if (plan.options.network && lines.some((l) => l.network === undefined))
    throw new InputError(
      `${model} was trained with network features (${NETWORK_FEATURES.join(', ')}): ` +
        'give the store of its detection run with --db PATH or --neo4j URI',
      [],
    );
}

/**
 * A model learns from the procedure and mapping-named columns its plan lists: refuse a file that
 * lacks one (exit 2) rather than score every line as if the column were empty.
 */
export function requireColumns(plan: FeaturePlan, input: RiskInput, model: string, file: string): void {
  const wanted = [
    ...plan.options.attributes.map((c) => ({ c, have: input.attributes })),
    ...(plan.options.numericAttributes ?? []).map((c) => ({ c, have: input.numericAttributes })),
  ];
  const missing = wanted.filter(({ c, have }) => !have.includes(c)).map(({ c }) => c);
  if (missing.length > 0)
    throw new InputError(
      `${model} learnt from the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which ${file} does not give it: ` +
        'score with the mapping the model was trained with (--mapping, its "features" naming them), or retrain without them',
      [],
    );
}
