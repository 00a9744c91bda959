// The stable error codes of ingest and the per-file problem log: every problem is counted, the
// first MAX_KEPT are kept with file, row, column and a message saying what to do.
import type { RowProblem } from './errors.ts';

/** Every code ingest can report, with what it means (docs/formats.md lists the same table). */
export const PROBLEM_CODES = {
  unreadable_file: 'the file cannot be opened or read',
  empty_file: 'the file has no bytes, or only a byte-order mark and blank lines',
  no_rows: 'the file has a header but no data rows',
  unknown_layout: 'the header matches no known layout (canonical declarations or entities, or the preset)',
  invalid_mapping: 'the --mapping file is not valid JSON of the documented shape',
  missing_header: 'a required column is absent from the header',
  duplicate_header: 'two header cells name the same column',
  not_utf8: 'bytes that are not valid UTF-8 (save the file as UTF-8)',
  unbalanced_quote: 'a quoted cell is never closed, or a closing quote is followed by other text',
  record_too_large: 'one record exceeds the parser limit (usually an unclosed quote)',
  field_count: 'the row has a different number of cells than the header',
  cell_too_large: 'a cell is longer than the cell limit',
  nul_byte: 'a cell contains a NUL byte',
  control_character: 'a cell contains a control character other than tab or newline',
  bidi_control: 'a cell contains a bidirectional-override character that can disguise text',
  formula_cell: 'a cell starts with =, +, - or @ and would run as a spreadsheet formula',
  missing_value: 'a required cell is empty',
  invalid_id: 'an identifier is too long or contains characters not allowed in ids',
  invalid_date: 'not a real calendar date as YYYY-MM-DD (or YYYYMMDD)',
  invalid_date_range: 'closed_on is before registered_on',
  invalid_number: 'not a number',
  non_finite_number: 'a number that is infinite, NaN or out of range',
  negative_number: 'a negative amount, mass, quantity or rate',
  thousands_separator: 'a number written with thousands separators (write 1234.5, not 1,234.5)',
  invalid_integer: 'not a positive whole number within the exact integer range',
  invalid_boolean: 'not a yes/no value (true/false, yes/no, y/n, 1/0)',
  invalid_country: 'not an ISO 3166 alpha-2 country code',
  invalid_currency: 'not an ISO 4217 currency code',
  invalid_hs_code: 'not an HS code of 2 to 12 digits',
  invalid_kind: 'not one of importer, consignee, broker, supplier, person',
  invalid_identifier:
    'an address, phone, e-mail or bank account with nothing left after normalisation, or an e-mail without @',
  invalid_value: 'a value outside the set the column allows',
  conflicting_duplicate: 'the same id arrives with different content (in the file or against the store)',
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

export const MAX_KEPT_PROBLEMS = 1000;

export class ProblemLog {
  readonly file: string;
  readonly kept: RowProblem[] = [];
  total = 0;

  constructor(file: string) {
    this.file = file;
  }

  add(row: number, column: string | null, code: ProblemCode, message: string): void {
    this.total += 1;
    if (this.kept.length < MAX_KEPT_PROBLEMS) this.kept.push({ file: this.file, row, column, code, message });
  }

  get ok(): boolean {
    return this.total === 0;
  }
}
