// Names as entity resolution compares them: one script (Latin), one case, no diacritics, no
// punctuation, and no legal-form words — "ACME Trading Co., Ltd." and "Acme Trading Company
// Limited" both become "acme trading". The legal form is kept apart: it says little about
// identity (clerks abbreviate it freely) but two different forms in one country are evidence.

import { editDistance } from './similarity.ts';
import { toLatin, transliterationKey } from './transliterate.ts';

export { toLatin } from './transliterate.ts';

/**
 * Legal-form words, each as the tokens it leaves once punctuation is gone ("B.V." → "b v",
 * "Co., Ltd." → "co ltd"), mapped to one canonical form. Longest first when matching.
 */
const LEGAL_FORMS: readonly (readonly [string, string])[] = [
  ['gmbh co kg', 'gmbh & co kg'],
  ['gmbh & co kg', 'gmbh & co kg'],
  ['g m b h', 'gmbh'],
  ['gmbh', 'gmbh'],
  ['pty ltd', 'pty ltd'],
  ['pty limited', 'pty ltd'],
  ['pti ltd', 'pty ltd'],
  ['proprietary limited', 'pty ltd'],
  ['co ltd', 'co ltd'],
  ['company limited', 'co ltd'],
  ['co limited', 'co ltd'],
  ['company ltd', 'co ltd'],
  ['limited liability company', 'llc'],
  ['l l c', 'llc'],
  ['llc', 'llc'],
  ['l l p', 'llp'],
  ['llp', 'llp'],
  ['limited', 'ltd'],
  ['ltd', 'ltd'],
  ['incorporated', 'inc'],
  ['inc', 'inc'],
  ['corporation', 'corp'],
  ['corp', 'corp'],
  ['company', 'co'],
  ['co', 'co'],
  ['b v', 'bv'],
  ['bv', 'bv'],
  ['n v', 'nv'],
  ['nv', 'nv'],
  ['v o f', 'vof'],
  ['vof', 'vof'],
  ['s a r l', 'sarl'],
  ['sarl', 'sarl'],
  ['s a s', 'sas'],
  ['sas', 'sas'],
  ['s a', 'sa'],
  ['sa', 'sa'],
  ['s r l', 'srl'],
  ['srl', 'srl'],
  ['s p a', 'spa'],
  ['spa', 'spa'],
  ['s l', 'sl'],
  ['sl', 'sl'],
  ['ag', 'ag'],
  ['kg', 'kg'],
  ['plc', 'plc'],
  ['oy', 'oy'],
  ['ab', 'ab'],
  ['a s', 'as'],
  ['as', 'as'],
  ['aps', 'aps'],
  ['sp z o o', 'sp zoo'],
  ['z o o', 'sp zoo'],
  ['ooo', 'ooo'],
  ['oao', 'oao'],
  ['zao', 'zao'],
  ['ao', 'ao'],
  ['pao', 'pao'],
  ['ae', 'ae'],
  ['epe', 'epe'],
  ['ike', 'ike'],
  ['a s', 'as'],
  ['kft', 'kft'],
  ['s r o', 'sro'],
  ['sro', 'sro'],
  ['d o o', 'doo'],
  ['doo', 'doo'],
  ['jsc', 'jsc'],
  ['pte ltd', 'pte ltd'],
  ['pte', 'pte'],
  ['sdn bhd', 'sdn bhd'],
  ['bhd', 'bhd'],
  ['tbk', 'tbk'],
  ['pt', 'pt'],
  // As transliteration leaves them ("Ко.", "ΓμβΧ").
  ['ko', 'co'],
  ['gmvch', 'gmbh'],
  ['gmbkh', 'gmbh'],
  ['g m b kh', 'gmbh'],
  ['gmbch', 'gmbh'],
  ['gmmbch', 'gmbh'],
  ['g m b ch', 'gmbh'],
  ['ink', 'inc'],
  ['llk', 'llc'],
  ['l l k', 'llc'],
];
const FORMS_BY_LENGTH = LEGAL_FORMS.map(([words, form]) => [words.split(' '), form] as const).sort(
  (a, b) => b[0].length - a[0].length,
);

/** Words that join or decorate a name without identifying it. */
const NOISE = new Set(['and', 'the', 'of', 'und', 'en', 'et']);

/** Business words as clerks shorten them, written out. */
const ABBREVIATIONS: Record<string, string> = {
  trdg: 'trading',
  intl: 'international',
  int: 'international',
  imp: 'import',
  exp: 'export',
  distr: 'distribution',
  dist: 'distribution',
  whsl: 'wholesale',
  comm: 'commerce',
  merch: 'merchants',
  logist: 'logistics',
  log: 'logistics',
  mfg: 'manufacturing',
  ind: 'industrial',
  intern: 'international',
  svc: 'services',
  svcs: 'services',
  grp: 'group',
  hldg: 'holding',
  hldgs: 'holding',
  bros: 'brothers',
  ent: 'enterprises',
};

/** Letters of the scripts transliterate.ts reads (Greek, Cyrillic). */
const OTHER_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff]/u;

/** The abbreviations by their transliteration keys too, for names written in another script. */
const TRANSLITERATED_ABBREVIATIONS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(ABBREVIATIONS).map(([short, long]) => [transliterationKey(short), long]),
  ),
  ...ABBREVIATIONS,
};

/** A name ready for comparison. */
export interface NormalisedName {
  /** The identifying words, in their order ("acme trading"). */
  tokens: string[];
  /** The words joined by one space. */
  text: string;
  /** The canonical legal forms found ("co ltd"), in order; empty when none. */
  forms: string[];
}

/** Single-word forms of three letters or more, which a typo may leave one edit away. */
const FUZZY_FORMS = [
  ...new Set(LEGAL_FORMS.filter(([words]) => !words.includes(' ') && words.length >= 3).map(([w]) => w)),
];

/** Every word a legal form is written with ("pty", "ltd", "gmbh", …). */
const FORM_WORDS = new Set(LEGAL_FORMS.flatMap(([words]) => words.split(' ')));

/**
 * Form words a clerk's dropped letter leaves too short to be told from others by one edit: "Ld"
 * and "Lt" (Ltd), "Nc" (Inc), "Lc" (LLC), "C" (Co). "In" is a word, not a form. Taken for the
 * form only as the last word of a name that ends in no other form ("L.L.C." is LLC).
 */
const CLIPPED_FORMS: Record<string, string> = {
  ld: 'ltd',
  lt: 'ltd',
  td: 'ltd',
  nc: 'inc',
  ic: 'inc',
  lc: 'llc',
  c: 'co',
};

/**
 * A last word one edit from a form word of three letters or more, spelt right ("Ldt" → "ltd",
 * "Incc" → "inc", "Icorporated" → "incorporated"); any other word as it is.
 */
function respelt(word: string): string {
  if (word.length < 3 || FORM_WORDS.has(word)) return word;
  // Where a word is one edit from several forms ("llx"), the first listed, the commoner, wins.
  return FUZZY_FORMS.find((f) => Math.abs(f.length - word.length) <= 1 && editDistance(f, word) <= 1) ?? word;
}

/** Strips legal forms from the end; returns the new end. */
function trailingForms(words: readonly string[], forms: string[]): number {
  let end = words.length;
  for (let again = true; again && end > 1;) {
    again = false;
    for (const [form, canonical] of FORMS_BY_LENGTH) {
      if (end - form.length < 1) continue;
      if (form.every((w, i) => words[end - form.length + i] === w)) {
        forms.unshift(canonical);
        end -= form.length;
        again = true;
        break;
      }
    }
  }
  return end;
}

/** Splits a name into identifying tokens and legal forms (trailing or leading). */
export function normaliseName(name: string): NormalisedName {
  // An abbreviation written in another script ("ΟΥχσλ", Whsl) is known by its transliteration key.
  const transliterated = OTHER_SCRIPT.test(name);
  const words = toLatin(name.replace(/&/g, ' and ').replace(/\+/g, ' and '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !NOISE.has(w))
    .map((w) =>
      transliterated
        ? (TRANSLITERATED_ABBREVIATIONS[w] ?? TRANSLITERATED_ABBREVIATIONS[transliterationKey(w)] ?? w)
        : (ABBREVIATIONS[w] ?? w),
    );
  if (words.length > 1) words[words.length - 1] = respelt(words[words.length - 1]!);
  const forms: string[] = [];
  // Legal forms are stripped from the end (and from the start, "OOO Romashka", or a form a clerk
  // moved there, "Co. Kestis"), never the middle: a firm called "AB Foods" keeps what it needs.
  // A last word one edit from a form word ("Ldt") is taken for it.
  let end = trailingForms(words, forms);
  const clipped = end === words.length && end > 1 ? CLIPPED_FORMS[words[end - 1]!] : undefined;
  if (clipped !== undefined) {
    forms.push(clipped);
    end -= 1;
  }
  let start = 0;
  for (const [form, canonical] of FORMS_BY_LENGTH) {
    if (form.length >= end) continue;
    if (form.every((w, i) => words[i] === w)) {
      forms.unshift(canonical);
      start = form.length;
      break;
    }
  }
  const tokens = words.slice(start, end);
  return { tokens, text: tokens.join(' '), forms };
}

/** An address as compared: Latin, lower-case, common street words abbreviated one way. */
const STREET_WORDS: Record<string, string> = {
  road: 'rd',
  street: 'st',
  avenue: 'ave',
  boulevard: 'blvd',
  lane: 'ln',
  drive: 'dr',
  suite: 'ste',
  straat: 'str',
  strasse: 'str',
  number: 'no',
  nr: 'no',
  industrial: 'ind',
  building: 'bldg',
};

export function normaliseAddress(address: string): string[] {
  return toLatin(address)
    .replace(/straße|strasse/g, ' str')
    .replace(/straat\b/g, ' str')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => STREET_WORDS[w] ?? w);
}
