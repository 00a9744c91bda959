// Normalisation of shared identifiers (addresses, phones, e-mails, bank accounts). The ingest
// keys identifier nodes by this value and search normalises queries the same way, so a firm
// written "12, Harbour Rd." and one written "12 harbour rd" meet on one Address node.
import type { IdentifierLabel } from './labels.ts';

/** Runs of whitespace, punctuation and symbols: they separate words but carry no identity. */
const SEPARATORS = /[\s\p{P}\p{S}]+/gu;

/**
 * The normalised id of an identifier node, or null when nothing identifying is left
 * (e.g. a phone cell holding only "-").
 * - Address, Email: Unicode NFKC, lower-case, runs of whitespace/punctuation → one space, trimmed.
 * - Phone: digits only; a leading international `00` is dropped (`0044…` and `+44…` meet).
 * - BankAccount: upper-case letters and digits only (IBAN spacing and dashes dropped).
 */
export function normaliseIdentifier(label: IdentifierLabel, raw: string): string | null {
  const text = raw.normalize('NFKC');
  let value: string;
  switch (label) {
    case 'Address':
    case 'Email':
      value = text.toLowerCase().replace(SEPARATORS, ' ').trim();
      break;
    case 'Phone':
      value = text.replace(/\D+/g, '').replace(/^00/, '');
      break;
    case 'BankAccount':
      value = text.toUpperCase().replace(/[^A-Z0-9]+/g, '');
      break;
  }
  return value === '' ? null : value;
}

/** The lower-case form names are searched by (prefix match, case-insensitive). */
export function nameSearchKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim();
}
