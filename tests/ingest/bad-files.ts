// The bad-input corpus: files that ingest must reject, each with the problem code and row (and
// column) it must report. Shared by the corpus test and the worker-thread reader's test.
import { DECL_HEADER, decl, declRow, ents } from './helpers.ts';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

export interface BadCase {
  name: string;
  content: string | Buffer;
  code: string;
  row: number;
  column?: string;
}

export const BAD: BadCase[] = [
  {
    name: 'windows-1252 byte after a BOM',
    content: Buffer.concat([
      utf8('\ufeff' + DECL_HEADER + '\n'),
      Buffer.from(declRow({ importer_name: 'Caf\u00e9 X' }), 'latin1'),
    ]),
    code: 'not_utf8',
    row: 1,
    column: 'importer_name',
  },
  {
    name: 'windows-1252 byte on row 3',
    content: Buffer.concat([
      utf8(decl(declRow(), declRow({ declaration_id: 'D2' }))),
      Buffer.from(declRow({ declaration_id: 'D3', description: 'pi\u00f1ata' }) + '\n', 'latin1'),
    ]),
    code: 'not_utf8',
    row: 3,
    column: 'description',
  },
  {
    name: 'UTF-16 file',
    content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(decl(declRow()), 'utf16le')]),
    code: 'not_utf8',
    row: 0,
  },
  {
    name: 'NUL byte in a cell',
    content: decl(declRow(), declRow({ declaration_id: 'D2', description: 'a\0b' })),
    code: 'nul_byte',
    row: 2,
    column: 'description',
  },
  {
    name: 'control character',
    content: decl(declRow({ description: 'bell\x07' })),
    code: 'control_character',
    row: 1,
  },
  {
    name: 'unbalanced quote',
    content: decl(
      declRow(),
      declRow({ declaration_id: 'D2', description: '"never closed' }),
      declRow({ declaration_id: 'D3' }),
    ),
    code: 'unbalanced_quote',
    row: 2,
  },
  {
    name: 'text after a closing quote',
    content: decl(declRow(), declRow({ declaration_id: 'D2', description: '"phones"junk' })),
    code: 'unbalanced_quote',
    row: 2,
  },
  {
    name: 'quote inside an unquoted cell',
    content: decl(declRow({ description: '5" screen' })),
    code: 'unbalanced_quote',
    row: 1,
  },
  {
    name: 'zero-width space inside an importer id',
    content: decl(declRow(), declRow({ declaration_id: 'D2', importer_id: 'IM\u200B1' })),
    code: 'invalid_id',
    row: 2,
    column: 'importer_id',
  },
  {
    name: 'too many cells',
    content: decl(declRow(), declRow({ declaration_id: 'D2' }), declRow({ declaration_id: 'D3' }) + ',extra'),
    code: 'field_count',
    row: 3,
  },
  { name: 'too few cells', content: decl('D1,1,2024-03-01'), code: 'field_count', row: 1 },
  {
    name: 'duplicate header',
    content: `${DECL_HEADER},date\n${declRow()},2024-01-01\n`,
    code: 'duplicate_header',
    row: 0,
    column: 'date',
  },
  {
    name: 'missing required header',
    content: decl(declRow()).replace('customs_value', 'value'),
    code: 'missing_header',
    row: 0,
    column: 'customs_value',
  },
  { name: 'unknown header', content: 'a,b,c\n1,2,3\n', code: 'unknown_layout', row: 0 },
  { name: 'empty file', content: '', code: 'empty_file', row: 0 },
  { name: 'BOM and blank lines only', content: '\ufeff\n\n', code: 'empty_file', row: 0 },
  { name: 'header only', content: `${DECL_HEADER}\n`, code: 'no_rows', row: 0 },
  {
    name: '1 MB cell',
    content: decl(declRow({ description: 'x'.repeat(1024 * 1024) })),
    code: 'cell_too_large',
    row: 1,
    column: 'description',
  },
  {
    name: 'impossible date',
    content: decl(declRow(), declRow({ declaration_id: 'D2', date: '2023-02-30' })),
    code: 'invalid_date',
    row: 2,
    column: 'date',
  },
  { name: 'day-first date', content: decl(declRow({ date: '30/01/2023' })), code: 'invalid_date', row: 1 },
  {
    name: 'negative value',
    content: decl(declRow({ customs_value: '-12000' })),
    code: 'negative_number',
    row: 1,
    column: 'customs_value',
  },
  {
    name: 'infinite value',
    content: decl(declRow({ customs_value: 'Infinity' })),
    code: 'non_finite_number',
    row: 1,
  },
  {
    name: 'NaN mass',
    content: decl(declRow({ net_mass_kg: 'NaN' })),
    code: 'non_finite_number',
    row: 1,
    column: 'net_mass_kg',
  },
  {
    name: 'number out of range',
    content: decl(declRow({ quantity: '1e999' })),
    code: 'non_finite_number',
    row: 1,
  },
  {
    name: 'thousands separator',
    content: decl(declRow({ customs_value: '"12,000.50"' })),
    code: 'thousands_separator',
    row: 1,
  },
  { name: 'decimal comma', content: decl(declRow({ duty_paid: '"12,5"' })), code: 'invalid_number', row: 1 },
  {
    name: 'line number beyond 2^53',
    content: decl(declRow({ line: '9007199254740993' })),
    code: 'invalid_integer',
    row: 1,
    column: 'line',
  },
  {
    name: 'conflicting duplicate line in the file',
    content: decl(declRow(), declRow({ declaration_id: 'D2' }), declRow({ customs_value: '99' })),
    code: 'conflicting_duplicate',
    row: 3,
  },
  {
    name: 'right-to-left override',
    content: decl(declRow({ importer_name: 'Harbour \u202eLtd' })),
    code: 'bidi_control',
    row: 1,
    column: 'importer_name',
  },
  { name: 'formula cell =', content: decl(declRow({ description: '=1+2' })), code: 'formula_cell', row: 1 },
  {
    name: 'formula cell @',
    content: decl(declRow({ importer_name: '@SUM(A1:A9)' })),
    code: 'formula_cell',
    row: 1,
  },
  {
    name: 'empty required cell',
    content: decl(declRow({ importer_id: '' })),
    code: 'missing_value',
    row: 1,
    column: 'importer_id',
  },
  {
    name: 'HS code with letters',
    content: decl(declRow({ hs_code: '84A1' })),
    code: 'invalid_hs_code',
    row: 1,
  },
  {
    name: 'country name, not code',
    content: decl(declRow({ origin_country: 'China' })),
    code: 'invalid_country',
    row: 1,
  },
  { name: 'currency symbol', content: decl(declRow({ currency: 'US$' })), code: 'invalid_currency', row: 1 },
  {
    name: 'yes/no not boolean',
    content: decl(declRow({ inspected: 'maybe' })),
    code: 'invalid_boolean',
    row: 1,
  },
  {
    name: 'entity kind unknown',
    content: ents('E1,company,Acme,GB,2020-01-01,,,,,,'),
    code: 'invalid_kind',
    row: 1,
    column: 'kind',
  },
  {
    name: 'entity closed before registered',
    content: ents('E1,importer,Acme,GB,2020-01-01,2019-01-01,,,,,'),
    code: 'invalid_date_range',
    row: 1,
    column: 'closed_on',
  },
  {
    name: 'entity phone with no digits',
    content: ents('E1,importer,Acme,GB,2020-01-01,,,n/a,,,'),
    code: 'invalid_identifier',
    row: 1,
    column: 'phone',
  },
  {
    name: 'entity conflicting duplicate',
    content: ents(
      'E1,importer,Acme,GB,2020-01-01,,,,,,',
      'E2,broker,Clear,GB,,,,,,,',
      'E1,importer,Acme Two,GB,2020-01-01,,,,,,',
    ),
    code: 'conflicting_duplicate',
    row: 3,
  },

  // Table rows: one bad cell each, in the column named.
  ...(
    [
      ['10 MB cell', { description: 'x'.repeat(10 * 1024 * 1024) }, 'cell_too_large', 'description'],
      ['formula cell +', { importer_name: '+cmd|x' }, 'formula_cell', 'importer_name'],
      ['formula cell - before a letter', { description: '-cmd|x' }, 'formula_cell', 'description'],
      ['escape character', { importer_name: 'Acme\x1b[31m' }, 'control_character', 'importer_name'],
      ['delete character', { description: 'a\x7fb' }, 'control_character', 'description'],
      ['left-to-right isolate', { broker_name: 'Quick \u2066Clear' }, 'bidi_control', 'broker_name'],
      ['month 13 in a compact date', { date: '20231301' }, 'invalid_date', 'date'],
      ['month-first date', { date: '01/31/2023' }, 'invalid_date', 'date'],
      ['one-digit HS code', { hs_code: '8' }, 'invalid_hs_code', 'hs_code'],
      ['thirteen-digit HS code', { hs_code: '8471300000001' }, 'invalid_hs_code', 'hs_code'],
      ['alpha-3 country', { origin_country: 'CHN' }, 'invalid_country', 'origin_country'],
      ['currency name', { currency: 'EURO' }, 'invalid_currency', 'currency'],
      ['line zero', { line: '0' }, 'invalid_integer', 'line'],
      ['fractional line', { line: '1.5' }, 'invalid_integer', 'line'],
      ['quantity in words', { quantity: 'two' }, 'invalid_number', 'quantity'],
      ['id over 256 characters', { importer_id: 'I'.repeat(257) }, 'invalid_id', 'importer_id'],
      ['word joiner in a broker id', { broker_id: 'BR\u20601' }, 'invalid_id', 'broker_id'],
    ] as const
  ).map(([name, over, code, column]): BadCase => ({
    name,
    content: decl(declRow(), declRow({ declaration_id: 'D2', ...over })),
    code,
    row: 2,
    column,
  })),
  {
    name: 'entity e-mail without @',
    content: ents('E1,importer,Acme,GB,2020-01-01,,,,acme.example,,'),
    code: 'invalid_identifier',
    row: 1,
    column: 'email',
  },
  {
    name: 'entity director id with a zero-width joiner',
    content: ents('E1,importer,Acme,GB,2020-01-01,,,,,,P1;P\u200d2'),
    code: 'invalid_id',
    row: 1,
    column: 'director_ids',
  },
  {
    name: 'entities file without its kind column',
    content: 'entity_id,name\nE1,Acme\n',
    code: 'missing_header',
    row: 0,
  },
];
