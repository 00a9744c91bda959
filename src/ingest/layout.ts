// A layout says where each canonical field lives in a file's header and how to read it
// (padding lost leading zeros, scaling percentages, recoding values). Presets are layouts.
import { z } from 'zod';
import { DECLARATION_FIELDS, ENTITY_FIELDS, type FileKind } from './fields.ts';

export const ColumnSource = z
  .object({
    /** Header cell of the source column (matched case-insensitively, spaces trimmed). */
    column: z.string().min(1),
    /** Left-pad with zeros to this many characters (HS codes that lost their leading zeros). */
    pad: z.number().int().min(1).max(12).optional(),
    /** Multiply a number by this (0.01 turns a percentage into a fraction). */
    scale: z.number().positive().finite().optional(),
    /** Recode values before parsing, e.g. {"2": "true", "1": "false", "0": "false"}. */
    values: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type ColumnSource = z.infer<typeof ColumnSource>;

export interface Layout {
  /** Shown in reports: `ringscope declarations`, `kcs`, `mapping file.json`. */
  name: string;
  kind: FileKind;
  columns: Partial<Record<string, ColumnSource>>;
  /** Raw values for fields the source leaves out or empty (e.g. the currency of a dataset). */
  defaults?: Partial<Record<string, string>>;
}

export function headerKey(cell: string): string {
  return cell.trim().toLowerCase();
}

function identity(fields: Record<string, unknown>): Partial<Record<string, ColumnSource>> {
  return Object.fromEntries(Object.keys(fields).map((f) => [f, { column: f }]));
}

export const CANONICAL_DECLARATIONS: Layout = {
  name: 'ringscope declarations',
  kind: 'declarations',
  columns: identity(DECLARATION_FIELDS),
};

export const CANONICAL_ENTITIES: Layout = {
  name: 'ringscope entities',
  kind: 'entities',
  columns: identity(ENTITY_FIELDS),
};
