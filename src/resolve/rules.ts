// The rules that sit on top of the match model: what no score can outweigh. Firms of one ring or
// family share phones, accounts, addresses and directors without being one firm, and a registry
// registers a firm once, so some pairs are never one party whatever else they share.
import { FIELDS, registrationLevel } from './compare.ts';
import type { Vectors } from './fellegi-sunter.ts';
import type { PreparedParty } from './records.ts';

const NAME = FIELDS.indexOf('name');
const REGISTRATION = FIELDS.indexOf('registration');

/**
 * Names must agree word for word (up to order, one edit or the sound of each word): a name that
 * merely looks alike ("Marium Supply" and "Marium Group") would let shared contacts make them one.
 */
export const MAX_NAME_LEVEL = 2;

/**
 * People need more than a name: the registry's people have few identifiers, and one "Jan Jansen"
 * shares his name with many others. A pair of people must also agree on a field other than name,
 * legal form and country (a director's firm, an address, a phone, …).
 */
function beyondName(a: PreparedParty, vectors: Vectors, p: number): boolean {
  if (a.record.label !== 'Person') return true;
  for (let f = 0; f < vectors.fields; f++) {
    const field = FIELDS[f];
    if (field === 'name' || field === 'country' || field === 'form') continue;
    if (vectors.data[p * vectors.fields + f] === 0) return true;
  }
  return false;
}

/**
 * Whether compared pair p (whose first party is `a`) may be a candidate at all: names agree word
 * for word; people agree on more than a name; and the two are not two registrations — entries
 * that both carry a registration date and disagree on it (a group's sister firms, a successor
 * registered after its predecessor closed) are related parties, never one.
 */
export function admissible(a: PreparedParty, vectors: Vectors, p: number): boolean {
  const name = vectors.data[p * vectors.fields + NAME]!;
  if (name < 0 || name > MAX_NAME_LEVEL) return false;
  if (vectors.data[p * vectors.fields + REGISTRATION]! > 0) return false;
  return beyondName(a, vectors, p);
}

/** A candidate before its evidence is written: parties i and j, match probability. */
export interface ScoredPair {
  i: number;
  j: number;
  score: number;
}

/**
 * One entry can be at most one of several registrations: when a party matches two parties that
 * are themselves two registrations (their dates disagree), only its better match stands — an
 * undated "Sterling Merch. Inc." is not all three registered "Sterling Merchants Inc.". Pairs
 * are taken best first, so the outcome does not depend on their order.
 */
export function oneRegistrationEach(
  parties: readonly PreparedParty[],
  pairs: readonly ScoredPair[],
): ScoredPair[] {
  // Only a dated party can be told apart from another, so pairs with no dated side always stand
  // (and the work is nil on a registry without dates).
  const dated = (k: number) => Boolean(parties[k]!.record.registeredOn);
  const contested: { pair: ScoredPair; at: number }[] = [];
  pairs.forEach((pair, at) => {
    if (dated(pair.i) || dated(pair.j)) contested.push({ pair, at });
  });
  if (contested.length === 0) return [...pairs];
  contested.sort((x, y) => y.pair.score - x.pair.score || x.pair.i - y.pair.i || x.pair.j - y.pair.j);
  const datedPartners = new Map<number, number[]>();
  const clashes = (at: number, other: number) =>
    dated(other) &&
    (datedPartners.get(at) ?? []).some(
      (k) => (registrationLevel(parties[k]!.record, parties[other]!.record) ?? 0) > 0,
    );
  const dropped = new Set<number>();
  for (const { pair, at } of contested) {
    if (clashes(pair.i, pair.j) || clashes(pair.j, pair.i)) {
      dropped.add(at);
      continue;
    }
    for (const [x, y] of [
      [pair.i, pair.j],
      [pair.j, pair.i],
    ] as const) {
      if (!dated(y)) continue;
      const list = datedPartners.get(x);
      if (list) list.push(y);
      else datedPartners.set(x, [y]);
    }
  }
  return pairs.filter((_, at) => !dropped.has(at));
}
