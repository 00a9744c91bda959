// Parsers for single cells: each turns the raw text of one cell into a typed value or says
// exactly what is wrong with it (a problem code and a message a person can act on).
import { textProblem } from '../model/text.ts';
import type { ProblemCode } from './problems.ts';

export type Cell<T> = { ok: true; value: T } | { ok: false; code: ProblemCode; message: string };

/** Longest cell accepted, in characters: a longer one is almost always a broken quote or an attack. */
export const MAX_CELL_CHARS = 32_768;
export const MAX_ID_CHARS = 256;

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });

// Dates, countries and currencies repeat on every row: kept rows share one string per value
// instead of each holding its own copy (fewer live objects for the garbage collector to trace).
const INTERN_LIMIT = 50_000;
const interned = new Map<string, string>();
function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < INTERN_LIMIT) interned.set(value, value);
  return value;
}
const fail = (code: ProblemCode, message: string): Cell<never> => ({ ok: false, code, message });

// OWASP CSV injection: =, @, or + / - followed by something other than a number or a space
// (phones, negatives and a lone "-" placeholder are fine).
const FORMULA = /^(?:[=@]|[+-](?![\d.\s(]|$))/;

/** Checks every cell must pass whatever its column; null when the cell is clean. */
export function checkCellText(raw: string): Cell<never> | null {
  if (raw.length > MAX_CELL_CHARS) {
    return fail('cell_too_large', `cell has ${raw.length} characters; the limit is ${MAX_CELL_CHARS}`);
  }
  const problem = textProblem(raw);
  if (problem) {
    // A lone surrogate cannot come from a UTF-8 file, only from a mapping file's JSON escape.
    const code = problem.code === 'lone_surrogate' ? 'not_utf8' : problem.code;
    const hint = problem.code === 'nul_byte' ? ' (binary data or a UTF-16 file?)' : '';
    return fail(code, `cell contains ${problem.found}; remove it${hint}`);
  }
  const first = raw.charCodeAt(0);
  // = @ + - : the only first characters a formula can start with.
  if ((first === 0x3d || first === 0x40 || first === 0x2b || first === 0x2d) && FORMULA.test(raw)) {
    return fail(
      'formula_cell',
      `cell starts with ${JSON.stringify(raw[0])} and would run as a spreadsheet formula; remove the leading character`,
    );
  }
  return null;
}

export function parseText(raw: string): Cell<string> {
  return ok(raw);
}

// Zero-width and invisible format characters: inside an id they make a look-alike party
// ('IM\u200B42' beside 'IM42') that no person reading the screen can tell apart.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/;

function idProblem(id: string): Cell<never> | null {
  if (id.length > MAX_ID_CHARS)
    return fail('invalid_id', `id has ${id.length} characters; the limit is ${MAX_ID_CHARS}`);
  const invisible = INVISIBLE.exec(id);
  if (invisible) {
    const code = invisible[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail(
      'invalid_id',
      `id contains the invisible character U+${code}, which makes a look-alike of another id; remove it`,
    );
  }
  return null;
}

export function parseId(raw: string): Cell<string> {
  return idProblem(raw) ?? ok(raw);
}

const ISO_DATE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** YYYY-MM-DD or YYYYMMDD, optionally with a time (dropped); the day must exist in the calendar. */
export function parseDate(raw: string): Cell<string> {
  const m = ISO_DATE.exec(raw) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(raw);
  if (!m) return fail('invalid_date', `${JSON.stringify(raw)} is not a date as YYYY-MM-DD`);
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    year < 1900
  ) {
    return fail('invalid_date', `${y}-${mo}-${d} is not a real calendar date`);
  }
  return ok(intern(m[0].length === 10 && raw[4] === '-' ? raw : `${y}-${mo}-${d}`));
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:[, ']\d{3})+(?:\.\d*)?$|^[+-]?\d{1,3}(?:\.\d{3})+,\d*$/;
const NON_FINITE = /^[+-]?(?:inf(?:inity)?|nan)$/i;

/** A non-negative finite decimal number (amounts, masses, quantities, rates). */
export function parseAmount(raw: string): Cell<number> {
  if (!DECIMAL.test(raw)) {
    if (THOUSANDS.test(raw))
      return fail(
        'thousands_separator',
        `${JSON.stringify(raw)} has thousands separators; write it as ${raw.replace(/[, ']/g, '')}`,
      );
    if (NON_FINITE.test(raw))
      return fail('non_finite_number', `${JSON.stringify(raw)} is not a finite number`);
    if (/^[+-]?\d+,\d+$/.test(raw))
      return fail(
        'invalid_number',
        `${JSON.stringify(raw)} uses a decimal comma; write ${raw.replace(',', '.')}`,
      );
    return fail('invalid_number', `${JSON.stringify(raw)} is not a number`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value))
    return fail('non_finite_number', `${JSON.stringify(raw)} is out of the range of numbers`);
  if (value < 0)
    return fail('negative_number', `${raw} is negative; amounts, masses and quantities cannot be`);
  return ok(value === 0 ? 0 : value);
}

/** A positive whole number that stays exact (line numbers). */
export function parsePositiveInteger(raw: string): Cell<number> {
  if (!/^\+?\d+$/.test(raw)) return fail('invalid_integer', `${JSON.stringify(raw)} is not a whole number`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) {
    return fail('invalid_integer', `${raw} is not a whole number between 1 and ${Number.MAX_SAFE_INTEGER}`);
  }
  return ok(value);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

export function parseBoolean(raw: string): Cell<boolean> {
  const v = raw.toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return fail('invalid_boolean', `${JSON.stringify(raw)} is not true/false, yes/no or 1/0`);
}

export function parseCountry(raw: string): Cell<string> {
  const v = raw.toUpperCase();
  if (!/^[A-Z]{2}$/.test(v))
    return fail('invalid_country', `${JSON.stringify(raw)} is not a two-letter ISO 3166 country code`);
  return ok(intern(v));
}

export function parseCurrency(raw: string): Cell<string> {
  const v = raw.toUpperCase();
  if (!/^[A-Z]{3}$/.test(v))
    return fail('invalid_currency', `${JSON.stringify(raw)} is not a three-letter ISO 4217 currency code`);
  return ok(intern(v));
}

/** HS codes stay strings: leading zeros matter. Dots and spaces (8471.30) are dropped. */
export function parseHsCode(raw: string): Cell<string> {
  const v = raw.replace(/[.\s]/g, '');
  if (!/^\d{2,12}$/.test(v))
    return fail('invalid_hs_code', `${JSON.stringify(raw)} is not an HS code of 2 to 12 digits`);
  return ok(v);
}

/** `;`-separated ids (director_ids); empty parts are ignored. */
export function parseIdList(raw: string): Cell<string[]> {
  const ids = raw
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const id of ids) {
    const problem = idProblem(id);
    if (problem) return problem;
  }
  return ok(ids);
}
