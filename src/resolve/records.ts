// The parties entity resolution compares, as plain records: a firm or person with its name and
// the normalised identifiers it is linked to, prepared once (normalised name, phonetic keys,
// address words) so that each comparison is cheap.
import type { PartyLabel } from '../model/index.ts';
import { normaliseAddress, normaliseName } from './normalise.ts';
import { phoneticKey } from './similarity.ts';
import { transliterationKey } from './transliterate.ts';

export interface PartyRecord {
  label: PartyLabel;
  id: string;
  name: string;
  country: string | null;
  /** Normalised identifier values (the identifier nodes' ids). */
  addresses: string[];
  phones: string[];
  emails: string[];
  accounts: string[];
  /** Ids of the people directing a firm, or of the firms a person directs. */
  directors: string[];
  /** The registry's registration and dissolution dates (ISO), when it has them. */
  registeredOn?: string | null;
  closedOn?: string | null;
}

export interface PreparedParty {
  record: PartyRecord;
  tokens: string[];
  text: string;
  forms: string[];
  /** Each token with the letters transliteration confuses folded together (transliterate.ts). */
  folded: string[];
  /** The phonetic key of each token, for blocking and the phonetic name level. */
  phonetic: string[];
  /** Each address as its words. */
  addressWords: string[][];
  /** The numbers of each address (house number, postcode), joined: "12 3011". */
  addressNumbers: string[];
}

/** Transliteration keys of the words seen so far: names repeat their words across many parties. */
const FOLDED = new Map<string, string>();
function folded(word: string): string {
  let key = FOLDED.get(word);
  if (key === undefined) {
    key = transliterationKey(word);
    if (FOLDED.size < 1_000_000) FOLDED.set(word, key);
  }
  return key;
}

export function prepare(record: PartyRecord): PreparedParty {
  const name = normaliseName(record.name);
  const addressWords = record.addresses.map(normaliseAddress);
  return {
    record,
    tokens: name.tokens,
    text: name.text,
    forms: name.forms,
    folded: name.tokens.map(folded),
    phonetic: name.tokens.map(phoneticKey).filter((k) => k !== ''),
    addressWords,
    addressNumbers: addressWords.map((words) => words.filter((w) => /\d/.test(w)).join(' ')),
  };
}
