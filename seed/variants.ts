// Planted duplicates with their truth, so entity resolution can be measured: a share of the
// registry's parties is entered again under a new id, written as another clerk would (a typo,
// another legal form, an abbreviation, words in another order, a transliteration into Cyrillic
// or Greek) and with some contact details left out. The pairs are written to variants.json.
// Works on the files either generator writes (entities.csv), after it has run.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Rng } from '../src/model/rng.ts';
import { ENTITY_COLUMNS, csvRow } from './csv.ts';

export const VARIANTS_VERSION = 1;

export interface VariantPair {
  /** Node keys (`Importer:IM-0042`): the original and its planted duplicate. */
  original: string;
  duplicate: string;
  changes: string[];
}

export interface VariantsTruth {
  version: number;
  share: number;
  seed: number;
  pairs: VariantPair[];
}

type Row = Record<(typeof ENTITY_COLUMNS)[number], string>;

const LABEL: Record<string, string> = {
  importer: 'Importer',
  consignee: 'Consignee',
  broker: 'Broker',
  supplier: 'Supplier',
  person: 'Person',
};

const FORM_SWAPS: readonly (readonly [RegExp, string])[] = [
  [/\bLtd\.?$/, 'Limited'],
  [/\bLimited$/, 'Ltd'],
  [/\bB\.V\.$/, 'BV'],
  [/\bBV$/, 'B.V.'],
  [/\bCo\., Ltd\.$/, 'Company Limited'],
  [/\bCo\.?$/, 'Company'],
  [/\bGmbH$/, 'G.m.b.H.'],
  [/\bLLC$/, 'L.L.C.'],
  [/\bInc\.?$/, 'Incorporated'],
  [/\bS\.A\.$/, 'SA'],
  [/\bV\.O\.F\.$/, 'VOF'],
  [/\bPty Ltd$/, 'Pty. Limited'],
];
const ABBREVIATIONS: Record<string, string> = {
  Trading: 'Trdg',
  International: 'Intl',
  Logistics: 'Logist.',
  Distribution: 'Distr.',
  Wholesale: 'Whsl',
  Commerce: 'Comm.',
  Imports: 'Imp.',
  Import: 'Imp.',
  Merchants: 'Merch.',
  Company: 'Co',
};
const CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'дж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'й',
  z: 'з',
};
const GREEK: Record<string, string> = {
  a: 'α',
  b: 'μπ',
  c: 'κ',
  d: 'δ',
  e: 'ε',
  f: 'φ',
  g: 'γ',
  h: 'χ',
  i: 'ι',
  j: 'ζ',
  k: 'κ',
  l: 'λ',
  m: 'μ',
  n: 'ν',
  o: 'ο',
  p: 'π',
  q: 'κ',
  r: 'ρ',
  s: 'σ',
  t: 'τ',
  u: 'ου',
  v: 'β',
  w: 'ου',
  x: 'ξ',
  y: 'υ',
  z: 'ζ',
};

function typo(rng: Rng, name: string): string {
  const letters = [...name.matchAll(/\p{Ll}/gu)].map((m) => m.index);
  if (letters.length < 3) return name;
  const at = rng.pick(letters.slice(1));
  switch (rng.int(0, 2)) {
    case 0:
      return name.slice(0, at) + name.slice(at + 1);
    case 1:
      return name.slice(0, at) + name.charAt(at) + name.slice(at);
    default:
      // Two letters swapped (never a letter with a space or a stop).
      return /\p{L}/u.test(name.charAt(at + 1))
        ? name.slice(0, at) + name.charAt(at + 1) + name.charAt(at) + name.slice(at + 2)
        : name;
  }
}

function transliterate(rng: Rng, name: string): string {
  const table = rng.chance(0.6) ? CYRILLIC : GREEK;
  return [...name]
    .map((ch) => {
      const t = table[ch.toLowerCase()];
      if (t === undefined) return ch;
      return ch === ch.toLowerCase() ? t : t.toUpperCase();
    })
    .join('');
}

/** One change to a name, named. */
function change(rng: Rng, name: string, person: boolean): [string, string] {
  const options = person
    ? ['typo', 'word order', 'transliteration', 'case']
    : ['typo', 'legal form', 'abbreviation', 'word order', 'transliteration', 'case'];
  const kind = rng.pick(options);
  switch (kind) {
    case 'typo':
      return [typo(rng, name), kind];
    case 'legal form': {
      const swap = FORM_SWAPS.find(([re]) => re.test(name));
      return swap ? [name.replace(swap[0], swap[1]), kind] : [name.replace(/[.,]/g, ''), 'punctuation'];
    }
    case 'abbreviation': {
      const word = Object.keys(ABBREVIATIONS).find((w) => name.includes(w));
      return word ? [name.replace(word, ABBREVIATIONS[word]!), kind] : [typo(rng, name), 'typo'];
    }
    case 'word order': {
      const words = name.split(' ');
      if (words.length < 2) return [name.toUpperCase(), 'case'];
      if (person) return [`${words.slice(1).join(' ')}, ${words[0]}`, kind];
      return [[words[1], words[0], ...words.slice(2)].join(' '), kind];
    }
    case 'transliteration':
      return [transliterate(rng, name), kind];
    default:
      return [name.toUpperCase(), 'case'];
  }
}

function duplicateRow(rng: Rng, row: Row, id: string): { row: Row; changes: string[] } {
  const person = row.kind === 'person';
  const [changed, first] = change(rng, row.name, person);
  let name = changed;
  const changes = [first];
  if (rng.chance(0.3)) {
    const [again, second] = change(rng, name, person);
    if (second !== 'transliteration' || first !== 'transliteration') {
      name = again;
      changes.push(second);
    }
  }
  const keep = (value: string, p: number) => (value !== '' && rng.chance(p) ? value : '');
  const address =
    row.address !== '' && rng.chance(0.75)
      ? rng.chance(0.3)
        ? row.address
            .replace('Road', 'Rd')
            .replace('Street', 'St')
            .replace('straat', 'str.')
            .replace('Avenue', 'Ave')
            .toUpperCase()
        : row.address
      : '';
  return {
    row: {
      ...row,
      entity_id: id,
      name,
      registered_on: '',
      closed_on: '',
      address,
      phone: keep(row.phone, 0.5),
      email: keep(row.email, 0.4),
      bank_account: keep(row.bank_account, 0.3),
      director_ids: rng.chance(0.6) ? row.director_ids : '',
    },
    changes,
  };
}

/** Appends duplicates of `share` of the parties of outDir/entities.csv and writes variants.json. */
export async function plantVariants(
  outDir: string,
  share: number,
  seed: number,
): Promise<{ path: string; truth: VariantsTruth }> {
  if (!(share > 0 && share <= 0.5)) throw new Error(`seed: --variants: a share in (0, 0.5], got ${share}`);
  const entitiesPath = join(outDir, 'entities.csv');
  const text = await readFile(entitiesPath, 'utf8');
  const rows = parse<Row>(text, { columns: true, skip_empty_lines: true });
  const rng = Rng.derive(seed, 'variants');
  const ids = new Set(rows.map((r) => r.entity_id));
  const pairs: VariantPair[] = [];
  let appended = '';
  for (const row of rows) {
    // Firms only: the registry's people carry no identifiers of their own (a name and the firms
    // naming them), so a second entry of a common name would be no one's to find.
    if (!rng.chance(share) || row.name === '' || row.kind === 'person') continue;
    // A new id of the original's shape (letters, then as many digits), so nothing betrays it.
    const [, prefix = `${row.entity_id}-`, digits = '00000000'] = /^(.*?)(\d+)$/.exec(row.entity_id) ?? [];
    let id: string;
    do id = `${prefix}${String(rng.int(1, 10 ** digits.length - 1)).padStart(digits.length, '0')}`;
    while (ids.has(id));
    ids.add(id);
    const dup = duplicateRow(rng, row, id);
    appended += csvRow(ENTITY_COLUMNS.map((c) => (dup.row[c] === '' ? null : dup.row[c])));
    const label = LABEL[row.kind] ?? row.kind;
    pairs.push({ original: `${label}:${row.entity_id}`, duplicate: `${label}:${id}`, changes: dup.changes });
  }
  await writeFile(entitiesPath, text + appended);
  const truth: VariantsTruth = { version: VARIANTS_VERSION, share, seed, pairs };
  const path = join(outDir, 'variants.json');
  await writeFile(path, JSON.stringify(truth, null, 2) + '\n');
  return { path, truth };
}
