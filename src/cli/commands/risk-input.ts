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

export interface RiskInput {
  lines: RiskLine[];
  files: { path: string; sha256: string }[];
  /** Procedure columns found beside the mapped fields (used as features). */
  attributes: string[];
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const text = (row: TypedRow, field: string): string | null => {
  const v = row[field];
  return typeof v === 'string' && v !== '' ? v : null;
};

function bindHeader(path: string, header: string[], layouts: Layout[]) {
  const log = new ProblemLog(path);
  const bound = detectLayout(header, layouts, log);
  if (!bound || bound.layout.kind !== 'declarations')
    throw new InputError(`${path}: not a declarations file Ringscope can read`, log.kept, log.total);
  const keys = header.map(headerKey);
  const attributes = KCS_ATTRIBUTES.filter((a) => keys.includes(headerKey(a)));
  return { bound, attributes, at: (a: string) => keys.indexOf(headerKey(a)) };
}

/** Reads a declarations file; every row must be valid (the same checks as ingest). */
export async function readDeclarationLines(
  path: string,
  options: { preset?: PresetName; mapping?: string },
): Promise<RiskInput> {
  const data = await readFile(path);
  const mapping = options.mapping ? await loadMappingFile(options.mapping) : undefined;
  const records: string[][] = parse(data, { skip_empty_lines: true, bom: true, relax_column_count: true });
  const { bound, attributes, at } = bindHeader(
    path,
    records[0] ?? [],
    layoutsFor(options.preset ?? 'ringscope', mapping),
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
    const attrs = Object.fromEntries(attributes.map((a) => [a, record[at(a)] ?? '']));
    lines.push(riskLineOf(read.row, linesOf.get(id)!, attrs));
  });
  if (!log.ok)
    throw new InputError(`${path}: ${log.total} invalid rows; nothing was read`, log.kept, log.total);
  return { lines, files: [{ path, sha256: sha256(data) }], attributes: [...attributes] };
}

/** Reads the KCS folder's three files as one labelled history. */
export async function readKcsLines(dir: string): Promise<RiskInput> {
  const paths = [KCS_FILES.train, KCS_FILES.valid, KCS_FILES.test].map((f) => join(dir, f));
  const lines = (await Promise.all(paths.map(readKcsFile))).flat().map(kcsRiskLine);
  const files = await Promise.all(
    paths.map(async (path) => ({ path, sha256: sha256(await readFile(path)) })),
  );
  return { lines, files, attributes: [...KCS_ATTRIBUTES] };
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
