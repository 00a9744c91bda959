// The comparison vector of a pair of parties: one level per field, 0 the strongest agreement,
// null when either side lacks the field (then the field is no evidence either way). The levels
// are what the Fellegi–Sunter model weighs; their words are the evidence a candidate carries.
import type { PreparedParty } from './records.ts';
import { jaroWinkler, tokenSetSimilarity } from './similarity.ts';

export const FIELDS = ['name', 'address', 'phone', 'email', 'account', 'directors', 'country'] as const;
export type Field = (typeof FIELDS)[number];

/** The number of levels of each field, in FIELDS order. */
export const LEVELS: Record<Field, number> = {
  name: 5,
  address: 3,
  phone: 2,
  email: 3,
  account: 2,
  directors: 2,
  country: 2,
};

/** Name similarity in [0, 1]: the better of whole-name Jaro–Winkler and the token-set score. */
export function nameSimilarity(a: PreparedParty, b: PreparedParty): number {
  if (a.text === b.text) return 1;
  return Math.max(jaroWinkler(a.text, b.text), tokenSetSimilarity(a.tokens, b.tokens));
}

/** Same sounds, same number of words, whatever the order. */
function samePhonetic(a: PreparedParty, b: PreparedParty): boolean {
  if (a.phonetic.length !== b.phonetic.length || a.phonetic.length === 0) return false;
  const x = [...a.phonetic].sort();
  const y = [...b.phonetic].sort();
  return x.every((k, i) => k === y[i]);
}

function nameLevel(a: PreparedParty, b: PreparedParty): number | null {
  if (a.text === '' || b.text === '') return null;
  if (a.text === b.text) return 0;
  const s = nameSimilarity(a, b);
  if (s >= 0.93) return 1;
  if (s >= 0.85 || samePhonetic(a, b)) return 2;
  return s >= 0.7 ? 3 : 4;
}

const NUMBER = /\d/;

/** 0 same address, 1 same street and number (words agree, numbers equal), 2 different. */
function addressLevel(a: PreparedParty, b: PreparedParty): number | null {
  if (a.record.addresses.length === 0 || b.record.addresses.length === 0) return null;
  let best = 2;
  for (const x of a.record.addresses) if (b.record.addresses.includes(x)) return 0;
  for (const x of a.addressWords) {
    for (const y of b.addressWords) {
      const nx = x.filter((w) => NUMBER.test(w)).join(' ');
      const ny = y.filter((w) => NUMBER.test(w)).join(' ');
      if (nx === ny && tokenSetSimilarity(x, y) >= 0.8) best = 1;
    }
  }
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

/** The comparison vector, in FIELDS order. */
export function compare(a: PreparedParty, b: PreparedParty): (number | null)[] {
  const ra = a.record;
  const rb = b.record;
  return [
    nameLevel(a, b),
    addressLevel(a, b),
    sameOrDifferent(ra.phones, rb.phones),
    emailLevel(ra.emails, rb.emails),
    sameOrDifferent(ra.accounts, rb.accounts),
    sameOrDifferent(ra.directors, rb.directors),
    ra.country && rb.country ? (ra.country === rb.country ? 0 : 1) : null,
  ];
}

const WORDS: Record<Field, readonly string[]> = {
  name: ['same name', 'names {s} similar', 'names {s} similar', 'names {s} similar', 'names differ ({s})'],
  address: ['same address', 'same street and number', 'different addresses'],
  phone: ['same phone', 'different phones'],
  email: ['same e-mail', 'same e-mail domain', 'different e-mails'],
  account: ['same bank account', 'different bank accounts'],
  directors: ['a director in common', 'no director in common'],
  country: ['same country', 'different countries'],
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
