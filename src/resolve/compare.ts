// The comparison vector of a pair of parties: one level per field, 0 the strongest agreement,
// null when either side lacks the field (then the field is no evidence either way). The levels
// are what the Fellegi–Sunter model weighs; their words are the evidence a candidate carries.
import type { PartyRecord, PreparedParty } from './records.ts';
import { jaroWinkler, phoneticKey, tokenSetSimilarity, withinOneEdit } from './similarity.ts';

export const FIELDS = [
  'name',
  'form',
  'address',
  'phone',
  'email',
  'account',
  'directors',
  'country',
  'registration',
] as const;
export type Field = (typeof FIELDS)[number];

/** The number of levels of each field, in FIELDS order. */
export const LEVELS: Record<Field, number> = {
  name: 5,
  form: 2,
  address: 3,
  phone: 2,
  email: 3,
  account: 2,
  directors: 2,
  country: 2,
  registration: 3,
};

/** Name similarity in [0, 1]: the better of whole-name Jaro–Winkler and the token-set score. */
export function nameSimilarity(a: PreparedParty, b: PreparedParty): number {
  if (a.text === b.text) return 1;
  return Math.max(jaroWinkler(a.text, b.text), tokenSetSimilarity(a.tokens, b.tokens));
}

/** Phonetic keys of the words seen so far: names repeat their words across many pairs. */
const KEYS = new Map<string, string>();
function cachedKey(word: string): string {
  let key = KEYS.get(word);
  if (key === undefined) {
    key = phoneticKey(word);
    if (KEYS.size < 1_000_000) KEYS.set(word, key);
  }
  return key;
}

/**
 * How words x and y of two names agree (fx, fy: their transliteration keys): 0 equal; 1 one edit
 * apart, or the same up to transliteration ("Вхолесале" and Wholesale); 2 the same sound, or one
 * edit apart up to transliteration (transliterated and misspelt); 3 ≥ 0.85 Jaro–Winkler; 4 not.
 */
function wordAgreement(x: string, y: string, fx: string, fy: string): number {
  if (x === y) return 0;
  // A word of three letters or more one edit from another of four or more ("Omr", Omar); shorter
  // words are one edit from too many others.
  const long = Math.min(x.length, y.length) >= 3 && Math.max(x.length, y.length) >= 4;
  if (long && withinOneEdit(x, y)) return 1;
  if (fx === fy) return 1;
  if (Math.min(fx.length, fy.length) >= 5 && withinOneEdit(fx, fy)) return 2;
  const kx = cachedKey(x);
  if (kx !== '' && kx === cachedKey(y)) return 2;
  return jaroWinkler(x, y) >= 0.85 ? 3 : 4;
}

/**
 * The worst agreement over the words paired one to one (each word with its best unused partner,
 * in any order), or 4 when the names have different numbers of words or a word has no partner.
 */
function wordsLevel(a: PreparedParty, b: PreparedParty): number {
  if (a.tokens.length !== b.tokens.length) return 4;
  const used = new Uint8Array(b.tokens.length);
  let worst = 0;
  for (let i = 0; i < a.tokens.length; i++) {
    let best = 4;
    let at = -1;
    for (let j = 0; j < b.tokens.length; j++) {
      if (used[j] === 1) continue;
      const level = wordAgreement(a.tokens[i]!, b.tokens[j]!, a.folded[i]!, b.folded[j]!);
      if (level < best) [best, at] = [level, j];
    }
    if (at < 0) return 4;
    used[at] = 1;
    worst = Math.max(worst, best);
  }
  return worst;
}

/** 0 equal; 1 the same words up to order and one edit each; 2 the same sounds; 3 near; 4 not. */
function nameLevel(a: PreparedParty, b: PreparedParty): number | null {
  if (a.text === '' || b.text === '') return null;
  if (a.text === b.text) return 0;
  const words = wordsLevel(a, b);
  if (words <= 3) return Math.max(1, words);
  return Math.max(jaroWinkler(a.text, b.text), tokenSetSimilarity(a.tokens, b.tokens)) >= 0.7 ? 3 : 4;
}

function formLevel(a: PreparedParty, b: PreparedParty): number | null {
  if (a.forms.length === 0 || b.forms.length === 0) return null;
  return a.forms.join(' ') === b.forms.join(' ') ? 0 : 1;
}

/** 0 same address, 1 same street and number (words agree, numbers equal), 2 different. */
function addressLevel(a: PreparedParty, b: PreparedParty): number | null {
  if (a.record.addresses.length === 0 || b.record.addresses.length === 0) return null;
  let best = 2;
  for (const x of a.record.addresses) if (b.record.addresses.includes(x)) return 0;
  a.addressWords.forEach((x, i) => {
    b.addressWords.forEach((y, j) => {
      if (a.addressNumbers[i] === b.addressNumbers[j] && tokenSetSimilarity(x, y) >= 0.8) best = 1;
    });
  });
  return best;
}

function sameOrDifferent(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  return a.some((x) => b.includes(x)) ? 0 : 1;
}

const domain = (email: string) => email.slice(email.lastIndexOf('@') + 1);

function emailLevel(a: readonly string[], b: readonly string[]): number | null {
  const same = sameOrDifferent(a, b);
  if (same !== 1) return same;
  const domains = b.map(domain);
  return a.some((x) => domains.includes(domain(x))) ? 1 : 2;
}

/**
 * 0 registered on the same day; 1 registered on different days while both were alive (two
 * registrations, hence two legal persons); 2 one closed before the other was registered (a
 * successor or a reopening: related firms, not one party). A registry registers a firm once, so
 * two entries that both carry their registration and disagree on it are two registrations.
 */
export function registrationLevel(a: PartyRecord, b: PartyRecord): number | null {
  const from = [a.registeredOn, b.registeredOn];
  if (!from[0] || !from[1]) return null;
  if (from[0] === from[1]) return 0;
  if ((a.closedOn && a.closedOn < from[1]) || (b.closedOn && b.closedOn < from[0])) return 2;
  return 1;
}

/** The comparison vector, in FIELDS order. */
export function compare(a: PreparedParty, b: PreparedParty): (number | null)[] {
  const ra = a.record;
  const rb = b.record;
  return [
    nameLevel(a, b),
    formLevel(a, b),
    addressLevel(a, b),
    sameOrDifferent(ra.phones, rb.phones),
    emailLevel(ra.emails, rb.emails),
    sameOrDifferent(ra.accounts, rb.accounts),
    sameOrDifferent(ra.directors, rb.directors),
    ra.country && rb.country ? (ra.country === rb.country ? 0 : 1) : null,
    registrationLevel(ra, rb),
  ];
}

const WORDS: Record<Field, readonly string[]> = {
  name: [
    'same name',
    'names {s} similar',
    'names sound alike ({s})',
    'names {s} similar',
    'names differ ({s})',
  ],
  form: ['same legal form', 'different legal forms'],
  address: ['same address', 'same street and number', 'different addresses'],
  phone: ['same phone', 'different phones'],
  email: ['same e-mail', 'same e-mail domain', 'different e-mails'],
  account: ['same bank account', 'different bank accounts'],
  directors: ['a director in common', 'no director in common'],
  country: ['same country', 'different countries'],
  registration: [
    'registered on the same day',
    'registered on different days',
    'one closed before the other was registered',
  ],
};

/** The evidence in words: "names 0.94 similar, same street and number, same phone". */
export function evidence(a: PreparedParty, b: PreparedParty, levels: readonly (number | null)[]): string[] {
  const out: string[] = [];
  FIELDS.forEach((field, i) => {
    const level = levels[i];
    if (level === null || level === undefined) return;
    const words = WORDS[field][level] ?? '';
    out.push(words.replace('{s}', nameSimilarity(a, b).toFixed(2)));
  });
  return out;
}
