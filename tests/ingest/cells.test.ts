// Cell parsers: calendar dates, exact numbers, HS codes with their zeros, and the characters a
// cell must never carry.
import { describe, expect, it } from 'vitest';
import {
  checkCellText,
  parseAmount,
  parseBoolean,
  parseDate,
  parseHsCode,
  parseId,
  parseIdList,
  parsePositiveInteger,
} from '../../src/ingest/cells.ts';

const code = (cell: { ok: boolean; code?: string } | null): string | undefined =>
  cell && !cell.ok ? cell.code : undefined;

describe('cell parsers', () => {
  it('refuses ids holding invisible characters that would make a look-alike party', () => {
    expect(parseId('IM-42')).toEqual({ ok: true, value: 'IM-42' });
    for (const bad of ['IM\u200B42', 'IM\u200D42', '\u2060IM42', 'IM42\uFEFF', 'IM\u00AD42']) {
      const cell = parseId(bad);
      expect(code(cell), JSON.stringify(bad)).toBe('invalid_id');
      expect(cell.ok ? '' : cell.message).toMatch(/invisible character U\+[0-9A-F]{4}/);
    }
    expect(code(parseIdList('P1;P\u200B2'))).toBe('invalid_id');
  });

  it('accepts real dates in ISO, compact and timestamp forms; rejects impossible ones', () => {
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('20240131')).toEqual({ ok: true, value: '2024-01-31' });
    expect(parseDate('2024-01-31T23:59:00Z')).toEqual({ ok: true, value: '2024-01-31' });
    for (const bad of [
      '2023-02-29',
      '2023-02-30',
      '2023-13-01',
      '2023-00-10',
      '31/01/2023',
      '2023-1-5',
      '',
    ]) {
      expect(code(parseDate(bad)), bad).toBe('invalid_date');
    }
  });

  it('reads amounts exactly and names what is wrong with the others', () => {
    expect(parseAmount('1234.50')).toEqual({ ok: true, value: 1234.5 });
    expect(parseAmount('1e3')).toEqual({ ok: true, value: 1000 });
    expect(parseAmount('-0')).toEqual({ ok: true, value: 0 });
    expect(code(parseAmount('-1'))).toBe('negative_number');
    expect(code(parseAmount('1,234.50'))).toBe('thousands_separator');
    expect(code(parseAmount('1.234,50'))).toBe('thousands_separator');
    expect(code(parseAmount('12,5'))).toBe('invalid_number');
    expect(code(parseAmount('inf'))).toBe('non_finite_number');
    expect(code(parseAmount('1e400'))).toBe('non_finite_number');
    expect(code(parseAmount('12 kg'))).toBe('invalid_number');
  });

  it('keeps line numbers within the exact integer range', () => {
    expect(parsePositiveInteger('9007199254740991')).toEqual({ ok: true, value: 9007199254740991 });
    expect(code(parsePositiveInteger('9007199254740992'))).toBe('invalid_integer');
    expect(code(parsePositiveInteger('0'))).toBe('invalid_integer');
    expect(code(parsePositiveInteger('1.5'))).toBe('invalid_integer');
  });

  it('keeps HS codes as digit strings with leading zeros', () => {
    expect(parseHsCode('0101.21 00')).toEqual({ ok: true, value: '01012100' });
    expect(code(parseHsCode('1'))).toBe('invalid_hs_code');
    expect(code(parseHsCode('84x1'))).toBe('invalid_hs_code');
  });

  it('reads yes/no values and id lists', () => {
    expect(parseBoolean('Y')).toEqual({ ok: true, value: true });
    expect(parseBoolean('0')).toEqual({ ok: true, value: false });
    expect(code(parseBoolean('2'))).toBe('invalid_boolean');
    expect(parseIdList(' P1 ;; P2 ')).toEqual({ ok: true, value: ['P1', 'P2'] });
  });

  it('flags formulas, bidi overrides, NUL and control characters but not phones or negatives', () => {
    expect(code(checkCellText('=1+2'))).toBe('formula_cell');
    expect(code(checkCellText('+cmd|calc'))).toBe('formula_cell');
    expect(code(checkCellText('@SUM(A1)'))).toBe('formula_cell');
    expect(code(checkCellText('abc\u202Egpj.exe'))).toBe('bidi_control');
    expect(code(checkCellText('a\u0000b'))).toBe('nul_byte');
    expect(code(checkCellText('a\u001bb'))).toBe('control_character');
    expect(code(checkCellText('a\ud800b'))).toBe('not_utf8');
    expect(code(checkCellText('x'.repeat(40_000)))).toBe('cell_too_large');
    for (const fine of [
      '+44 20 7946 0000',
      '-12.5',
      '- spare parts',
      'line\nbreak',
      'tab\there',
      'Ünïcødé 中文',
      'container \u{1F6A2} on deck',
    ]) {
      expect(checkCellText(fine), fine).toBeNull();
    }
  });
});
