import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toSafeCsv } from '../../src/export/csv-safe.ts';

describe('formula-safe CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx'].map(neutraliseCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
    ]);
  });

  it('leaves ordinary text and numbers (negative ones too) as they are', () => {
    expect([
      neutraliseCell('IM-0042'),
      neutraliseCell(-12.5),
      neutraliseCell(null),
      neutraliseCell('a=b'),
    ]).toEqual(['IM-0042', '-12.5', '', 'a=b']);
  });

  it('starts with a UTF-8 byte-order mark, once, so that Excel shows "Zoë"', () => {
    const bytes = Buffer.from(toSafeCsv(['name'], [['Zoë']]), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('name\r\nZoë\r\n');
  });

  it('writes RFC 4180 CSV that reads back to the neutralised cells', () => {
    const csv = toSafeCsv(['name', 'reasons'], [['=HYPERLINK("x")', 'a, "quoted"\nline']]);
    expect(parse(csv, { bom: true })).toEqual([
      ['name', 'reasons'],
      ['\'=HYPERLINK("x")', 'a, "quoted"\nline'],
    ]);
  });

  it.each([',', ';', '\t', '|'])('keeps every cell whole when a spreadsheet splits on %j', (separator) => {
    const names = ["Acme;=cmd|' /C calc'!A0;BV", 'Tab\t=1+1', 'Pipe|@SUM(1)', 'plain'];
    const csv = toSafeCsv(
      ['name'],
      names.map((n) => [n]),
    );
    const cells = parse(csv, { bom: true, delimiter: separator, relax_column_count: true }).flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    if (separator === ',') expect(cells).toEqual(['name', ...names]);
  });
});
