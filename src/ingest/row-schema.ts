// Row validation: per bound layout, a reader turns the cells of one record into typed
// canonical values, each failing cell becoming one problem with its code and column.
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
    : {
        ok: false,
        code: 'invalid_kind',
        message: `${JSON.stringify(raw)} is not one of ${ENTITY_KINDS.join(', ')}`,
      };
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

type CellReader = (raw: string | undefined) => Cell<CellValue | undefined>;

function cellReader(
  field: string,
  spec: FieldSpec,
  source: ColumnSource | undefined,
  fallback: string | undefined,
): CellReader {
  const parse = PARSERS[spec.type];
  return (raw) => {
    let value = raw === undefined ? '' : raw.trim();
    if (value === '' && fallback !== undefined) value = fallback;
    if (value === '') {
      return spec.required
        ? { ok: false, code: 'missing_value', message: `${field} is required and the cell is empty` }
        : { ok: true, value: undefined };
    }
    const unsafe = checkCellText(value);
    if (unsafe) return unsafe;
    if (source?.values) {
      const recoded = source.values[value];
      if (recoded === undefined) {
        return {
          ok: false,
          code: 'invalid_value',
          message: `${JSON.stringify(value)} is not one of ${Object.keys(source.values).join(', ')}`,
        };
      }
      value = recoded;
      // A layout built in code (not through loadMappingFile) is checked here all the same.
      const unsafeRecoded = checkCellText(value);
      if (unsafeRecoded) return unsafeRecoded;
    }
    if (source?.pad !== undefined && /^\d+$/.test(value)) value = value.padStart(source.pad, '0');
    const parsed = parse(value);
    if (parsed.ok && source?.scale !== undefined && typeof parsed.value === 'number') {
      return { ok: true, value: Number((parsed.value * source.scale).toPrecision(12)) };
    }
    return parsed;
  };
}

export interface RowIssue {
  field: string;
  code: ProblemCode;
  message: string;
}

export interface RowReader {
  read(record: readonly string[]): { ok: true; row: TypedRow } | { ok: false; issues: RowIssue[] };
}

/**
 * Builds the reader of one bound layout: fields the file lacks come through as absent. Cells go
 * through the typed parsers of cells.ts directly (a schema library per cell costs as much as
 * parsing the CSV); tests check that mapped rows satisfy the model's zod schemas.
 */
export function rowReader(bound: BoundLayout): RowReader {
  const { layout } = bound;
  const fields: { field: string; at: number | undefined; read: CellReader }[] = [];
  for (const [field, spec] of Object.entries(FIELDS_OF[layout.kind])) {
    const at = bound.index[field];
    const fallback = layout.defaults?.[field];
    if (at === undefined && fallback === undefined) continue;
    fields.push({ field, at, read: cellReader(field, spec, layout.columns[field], fallback) });
  }
  return {
    read(record) {
      const row: TypedRow = {};
      let issues: RowIssue[] | null = null;
      for (const { field, at, read } of fields) {
        const cell = read(at === undefined ? undefined : record[at]);
        if (!cell.ok) (issues ??= []).push({ field, code: cell.code, message: cell.message });
        else if (cell.value !== undefined) row[field] = cell.value;
      }
      return issues ? { ok: false, issues } : { ok: true, row };
    },
  };
}
