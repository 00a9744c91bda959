// `--mapping FILE.json`: a layout for any other header set. Either flat
// `{"declaration_id": "MY_COLUMN", …}` or `{"kind": …, "columns": {…}, "defaults": {…}}`;
// a column may be a header name or {column, pad, scale, values}.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { checkCellText } from './cells.ts';
import { InputError } from './errors.ts';
import { DECLARATION_FIELDS, ENTITY_FIELDS, type FileKind } from './fields.ts';
import { ColumnSource, type Layout } from './layout.ts';

const Column = z.union([
  z
    .string()
    .min(1)
    .transform((column) => ({ column })),
  ColumnSource,
]);
const Columns = z.record(z.string(), Column);
const Structured = z
  .object({
    kind: z.enum(['declarations', 'entities']).optional(),
    columns: Columns,
    defaults: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export async function loadMappingFile(path: string): Promise<Layout> {
  const fail = (message: string): never => {
    throw new InputError(`mapping file ${path} is not usable`, [
      { file: path, row: 0, column: null, code: 'invalid_mapping', message },
    ]);
  };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return fail(`cannot read it as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const isStructured = typeof json === 'object' && json !== null && 'columns' in json;
  // `features` names model features for `ringscope train`/`score` (src/risk/mapping-features.ts).
  if (typeof json === 'object' && json !== null && 'features' in json) {
    const { features: _features, ...rest } = json as Record<string, unknown>;
    json = rest;
  }
  const parsed = isStructured ? Structured.safeParse(json) : Columns.safeParse(json);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; '));
  }
  const spec: z.infer<typeof Structured> = isStructured
    ? (parsed.data as z.infer<typeof Structured>)
    : { columns: parsed.data as z.infer<typeof Columns> };
  const columns: Record<string, ColumnSource> = spec.columns;
  const kind: FileKind = spec.kind ?? ('entity_id' in columns ? 'entities' : 'declarations');
  const known: Record<string, unknown> = kind === 'entities' ? ENTITY_FIELDS : DECLARATION_FIELDS;
  const unknown = [...Object.keys(columns), ...Object.keys(spec.defaults ?? {})].filter((f) => !(f in known));
  if (unknown.length > 0) {
    fail(`unknown ${kind} field(s) ${unknown.join(', ')}; the fields are ${Object.keys(known).join(', ')}`);
  }
  const unsafe = unsafeValues(columns, spec.defaults ?? {});
  if (unsafe.length > 0) fail(unsafe.join('; '));
  return { name: `mapping ${path}`, kind, columns, ...(spec.defaults ? { defaults: spec.defaults } : {}) };
}

/**
 * A recoded value or a default reaches the store as if it were a cell, so it passes the same
 * checks (formula, control and bidirectional characters, size); each failure names its place.
 */
function unsafeValues(columns: Record<string, ColumnSource>, defaults: Record<string, string>): string[] {
  const places: [string, string][] = [
    ...Object.entries(columns).flatMap(([field, source]) =>
      Object.entries(source.values ?? {}).map(([from, to]): [string, string] => [
        `columns.${field}.values.${JSON.stringify(from)}`,
        to,
      ]),
    ),
    ...Object.entries(defaults).map(([field, value]): [string, string] => [`defaults.${field}`, value]),
  ];
  return places.flatMap(([place, value]) => {
    const problem = checkCellText(value);
    return problem && !problem.ok ? [`${place}: ${problem.message}`] : [];
  });
}
