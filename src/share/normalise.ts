// The normal forms sharing encodes: both administrations must turn "ACME Trading Co. Ltd" and
// "Acme Trading Company Limited" into the same words before hashing, because a keyed hash of two
// spellings is two unrelated values. This is a small normaliser of its own (legal-form words,
// diacritics, punctuation, case, common street abbreviations); it does not depend on entity
// resolution, and a package states its version (NORMALISER_VERSION) so both sides agree.
import { type IdentifierLabel, normaliseIdentifier } from '../model/index.ts';

export const NORMALISER_VERSION = 1;

/** Legal-form and filler words that say nothing about which firm it is. */
const LEGAL_FORMS = new Set([
  'ltd',
  'limited',
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sarl',
  'sas',
  'sa',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'sro',
  'doo',
  'ooo',
  'llp',
  'lp',
  'pte',
  'pty',
  'kft',
  'zoo',
  'sp',
  'the',
  'and',
  'und',
  'et',
]);

/** Street words written many ways, to one form. */
const ADDRESS_WORDS: Record<string, string> = {
  rd: 'road',
  st: 'street',
  str: 'strasse',
  straße: 'strasse',
  ave: 'avenue',
  av: 'avenue',
  blvd: 'boulevard',
  ln: 'lane',
  dr: 'drive',
  sq: 'square',
  pl: 'place',
  ct: 'court',
  hwy: 'highway',
  bldg: 'building',
  fl: 'floor',
  apt: 'apartment',
  no: '',
  nr: '',
};

/** Words of a text: NFKD without marks, lower case, split on anything not a letter or digit. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** A firm's or person's name without legal forms, punctuation or case; '' when nothing is left. */
export function normaliseName(name: string): string {
  return joinInitials(words(name))
    .filter((w) => !LEGAL_FORMS.has(w))
    .join(' ');
}

/** Runs of single letters as one word: "B.V." and "S A" read as `bv` and `sa`. */
function joinInitials(list: string[]): string[] {
  const joined: string[] = [];
  let run = '';
  for (const w of list) {
    if (w.length === 1 && /\p{L}/u.test(w)) {
      run += w;
      continue;
    }
    if (run !== '') joined.push(run);
    run = '';
    joined.push(w);
  }
  if (run !== '') joined.push(run);
  return joined;
}

/** An address in words, street abbreviations spelled out; '' when nothing is left. */
export function normaliseAddress(address: string): string {
  return words(address)
    .map((w) => ADDRESS_WORDS[w] ?? w)
    .filter((w) => w !== '')
    .join(' ');
}

export type IdentifierKind = 'party' | 'address' | 'phone' | 'email' | 'bank';

export const KIND_OF_LABEL: Record<IdentifierLabel, IdentifierKind> = {
  Address: 'address',
  Phone: 'phone',
  Email: 'email',
  BankAccount: 'bank',
};

/** The value an identifier is hashed as; null when nothing identifying is left. */
export function normaliseForKind(kind: IdentifierKind, raw: string): string | null {
  switch (kind) {
    case 'party': {
      const id = raw
        .normalize('NFKC')
        .toUpperCase()
        .replace(/[^\p{L}\p{N}]+/gu, '');
      return id === '' ? null : id;
    }
    case 'address':
      return normaliseAddress(raw) || null;
    case 'phone':
      return normaliseIdentifier('Phone', raw);
    case 'email':
      return normaliseIdentifier('Email', raw);
    case 'bank':
      return normaliseIdentifier('BankAccount', raw);
  }
}

/**
 * The q-grams (bigrams) of a normalised text, each word padded with `_` at both ends, as a set:
 * word order does not change the set, and a typo changes only the few bigrams around it.
 */
export function qgrams(normalised: string, q = 2): string[] {
  const grams = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (word === '') continue;
    const padded = `_${word}_`;
    for (let i = 0; i + q <= padded.length; i++) grams.add(padded.slice(i, i + q));
  }
  return [...grams].sort();
}
