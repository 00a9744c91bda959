// Row validation: a zod schema per bound layout turns the cells of one record into typed
// canonical values, each failing cell becoming one problem with its code and column.
import { z } from 'zod';
import {
  type Cell,
  checkCellText,
  parseAmount,
  parseBoolean,
  parseCountry,
  parseCurrency,
  parseDate,
  parseHsCode,
  parseId,
  parseIdList,
  parsePositiveInteger,
  parseText,
} from './cells.ts';
import { ENTITY_KINDS, FIELDS_OF, type FieldSpec, type FieldType } from './fields.ts';
import type { BoundLayout } from './header.ts';
import type { ColumnSource } from './layout.ts';
import type { ProblemCode } from './problems.ts';

export type CellValue = string | number | boolean | string[];
export type TypedRow = Partial<Record<string, CellValue>>;

function parseKind(raw: string): Cell<string> {
  const v = raw.toLowerCase();
  return (ENTITY_KINDS as readonly string[]).includes(v)
    ? { ok: true, value: v }
    : { ok: false, code: 'invalid_kind', message: `${JSON.stringify(raw)} is not one of ${ENTITY_KINDS.join(', ')}` };
}

const PARSERS: Record<FieldType, (raw: string) => Cell<CellValue>> = {
  id: parseId,
  text: parseText,
  date: parseDate,
  line: parsePositiveInteger,
  amount: parseAmount,
  boolean: parseBoolean,
  country: parseCountry,
  currency: parseCurrency,
  hs_code: parseHsCode,
  kind: parseKind,
  id_list: parseIdList,
};

function issue(ctx: z.RefinementCtx, code: ProblemCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { problem: code } });
  return z.NEVER;
}

function cellSchema(field: string, spec: FieldSpec, source: ColumnSource | undefined, fallback: string | undefined) {
  const parse = PARSERS[spec.type];
  return z
    .string()
    .optional()
    .transform((raw, ctx): CellValue | undefined => {
      let value = raw === undefined ? '' : raw.trim();
      if (value === '' && fallback !== undefined) value = fallback;
      if (value === '') {
        return spec.required ? issue(ctx, 'missing_value', `${field} is required and the cell is empty`) : undefined;
      }
      const unsafe = checkCellText(value);
      if (unsafe && !unsafe.ok) return issue(ctx, unsafe.code, unsafe.message);
      if (source?.values) {
        const recoded = source.values[value];
        if (recoded === undefined) {
          return issue(ctx, 'invalid_value', `${JSON.stringify(value)} is not one of ${Object.keys(source.values).join(', ')}`);
        }
        value = recoded;
      }
      if (source?.pad !== undefined && /^\d+$/.test(value)) value = value.padStart(source.pad, '0');
      const parsed = parse(value);
      if (!parsed.ok) return issue(ctx, parsed.code, parsed.message);
      if (source?.scale !== undefined && typeof parsed.value === 'number') {
        return Number((parsed.value * source.scale).toPrecision(12));
      }
      return parsed.value;
    });
}

export interface RowIssue {
  field: string;
  code: ProblemCode;
  message: string;
}

export interface RowReader {
  read(record: readonly string[]): { ok: true; row: TypedRow } | { ok: false; issues: RowIssue[] };
}

/** Builds the reader of one bound layout: fields the file lacks come through as absent. */
export function rowReader(bound: BoundLayout): RowReader {
  const { layout } = bound;
  const specs = FIELDS_OF[layout.kind];
  const shape: Record<string, ReturnType<typeof cellSchema>> = {};
  const present: [string, number][] = [];
  for (const [field, spec] of Object.entries(specs)) {
    const at = bound.index[field];
    const fallback = layout.defaults?.[field];
    if (at === undefined && fallback === undefined) continue;
    shape[field] = cellSchema(field, spec, layout.columns[field], fallback);
    if (at !== undefined) present.push([field, at]);
  }
  const schema = z.object(shape);
  return {
    read(record) {
      const input: Record<string, string | undefined> = {};
      for (const [field, at] of present) input[field] = record[at];
      const result = schema.safeParse(input);
      if (result.success) return { ok: true, row: result.data };
      return {
        ok: false,
        issues: result.error.issues.map((i) => ({
          field: String(i.path[0] ?? ''),
          code: (i as { params?: { problem?: ProblemCode } }).params?.problem ?? 'invalid_value',
          message: i.message,
        })),
      };
    },
  };
}
