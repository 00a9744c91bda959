// CSV that a spreadsheet cannot turn into a formula: cells starting with = + - @, a tab or a
// carriage return are prefixed with an apostrophe (OWASP CSV injection). The API's exports reuse it.
// Every file starts with a UTF-8 byte-order mark: without it Excel reads UTF-8 as the locale's
// code page and shows "Zoë" as "ZoÃ«".
import { stringify } from 'csv-stringify/sync';

const DANGEROUS_START = /^[=+\-@\t\r]/;
// A spreadsheet set to another locale splits on ';' (NL, DE, FR) or a tab instead of ',': a cell
// holding one of those is quoted too, so no locale cuts it into pieces that start a formula.
const LOCALE_SEPARATOR = /[;\t|]/;

export function neutraliseCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Numbers are safe as numbers (a negative amount stays a number); strings are not.
  if (typeof value === 'number') return text;
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** The UTF-8 byte-order mark every CSV export starts with. */
export const UTF8_BOM = '\uFEFF';

/** A byte-order mark, then header row plus rows, every cell neutralised, RFC 4180 quoting, CRLF line ends. */
export function toSafeCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return (
    UTF8_BOM +
    stringify([header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))], {
      record_delimiter: 'windows',
      quoted_match: LOCALE_SEPARATOR,
    })
  );
}
