// The keyed encodings a package carries instead of raw values: HMAC-SHA-256 of each normalised
// identifier, and a keyed Bloom filter (a cryptographic long-term key, CLK, after Schnell et al.)
// of each name's and address's bigrams, so near-spellings still meet (Dice similarity of the
// bits). Every key is derived with HKDF from the key agreed with the partner and the package's
// random per-exchange salt, so the same phone hashes differently in two exchanges and nobody
// without the agreed key can compute an encoding of a guessed value.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { InputError } from '../ingest/errors.ts';
import type { IdentifierKind } from './normalise.ts';

/** Shortest agreed key accepted, in bytes: 256 bits, as `openssl rand -hex 32` gives (64 hex). */
export const MIN_AGREED_KEY_BYTES = 32;

/** Bloom filter shape: 1024 bits, 20 positions per bigram (random hashing, not double hashing). */
export const BLOOM = { bits: 1024, hashes: 20, q: 2 } as const;

export interface ShareKeys {
  identifiers: Buffer;
  bloom: Buffer;
  check: Buffer;
}

/** The agreed key from a key file's or the environment's text; refuses a short or repetitive one. */
export function agreedKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'utf8');
  if (key.length < MIN_AGREED_KEY_BYTES) {
    throw new InputError(
      `the key agreed with the partner (${where}) is ${key.length} bytes; at least ${MIN_AGREED_KEY_BYTES} are needed (e.g. \`openssl rand -hex 32\`, exchanged out of band)`,
      [],
    );
  }
  if (new Set(key).size < 8) {
    throw new InputError(
      `the key agreed with the partner (${where}) repeats too few characters to be a key`,
      [],
    );
  }
  return key;
}

export function deriveKeys(agreed: Buffer, salt: Buffer): ShareKeys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', agreed, salt, `ringscope-share/1 ${info}`, 32));
  return { identifiers: derive('identifiers'), bloom: derive('bloom'), check: derive('key check') };
}

/** A value anyone holding the same agreed key and salt computes, and nobody else can. */
export function keyCheckValue(keys: ShareKeys): string {
  return createHmac('sha256', keys.check).update('key check').digest('base64url');
}

export function sameKeyCheck(keys: ShareKeys, expected: string): boolean {
  const mine = Buffer.from(keyCheckValue(keys));
  const theirs = Buffer.from(expected);
  return mine.length === theirs.length && timingSafeEqual(mine, theirs);
}

/** HMAC-SHA-256 of a normalised identifier, its kind bound in, base64url. */
export function hashIdentifier(keys: ShareKeys, kind: IdentifierKind, normalised: string): string {
  return createHmac('sha256', keys.identifiers).update(`${kind}\u0000${normalised}`).digest('base64url');
}

export type BloomField = 'name' | 'address';

/** Each bigram's positions, per key set and field: a language has few bigrams, so few HMACs. */
const positionCache = new WeakMap<ShareKeys, Record<BloomField, Map<string, Uint16Array>>>();

function positionsOf(keys: ShareKeys, field: BloomField): (gram: string) => Uint16Array {
  let caches = positionCache.get(keys);
  if (!caches) positionCache.set(keys, (caches = { name: new Map(), address: new Map() }));
  const cache = caches[field];
  return (gram) => {
    let found = cache.get(gram);
    if (!found) {
      const digest = createHmac('sha512', keys.bloom).update(`${field}\u0000${gram}`).digest();
      found = Uint16Array.from({ length: BLOOM.hashes }, (_, i) => digest.readUInt16BE(i * 2) % BLOOM.bits);
      cache.set(gram, found);
    }
    return found;
  };
}

/**
 * The Bloom filter of a normalised text's bigrams (qgrams(): each word padded with `_`) under the
 * field's key, as bytes. A bigram seen twice sets the same bits, so no set of them is built.
 */
export function bloomBits(keys: ShareKeys, field: BloomField, normalised: string): Uint8Array {
  const bits = new Uint8Array(BLOOM.bits / 8);
  const positions = positionsOf(keys, field);
  for (const word of normalised.split(' ')) {
    if (word === '') continue;
    const padded = `_${word}_`;
    for (let i = 0; i + BLOOM.q <= padded.length; i++) {
      const at = positions(padded.slice(i, i + BLOOM.q));
      for (let h = 0; h < at.length; h++) bits[at[h]! >> 3]! |= 1 << (at[h]! & 7);
    }
  }
  return bits;
}

export const bloomText = (bits: Uint8Array): string => Buffer.from(bits).toString('base64url');

export function bloomFromText(text: string): Uint8Array {
  const bits = new Uint8Array(Buffer.from(text, 'base64url'));
  if (bits.length !== BLOOM.bits / 8)
    throw new Error(`a Bloom filter of ${bits.length} bytes, not ${BLOOM.bits / 8}`);
  return bits;
}

/** A filter ready for comparing: its bits as 32-bit words, and how many are set. */
export interface Filter {
  words: Uint32Array;
  ones: number;
}

function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function filterOf(bits: Uint8Array): Filter {
  const words = new Uint32Array(bits.length / 4);
  for (let i = 0; i < words.length; i++)
    words[i] =
      (bits[4 * i]! | (bits[4 * i + 1]! << 8) | (bits[4 * i + 2]! << 16) | (bits[4 * i + 3]! << 24)) >>> 0;
  let ones = 0;
  for (let i = 0; i < words.length; i++) ones += popcount32(words[i]!);
  return { words, ones };
}

/** Dice coefficient of two filters: 2|A∩B| / (|A|+|B|); 0 when both are empty. */
export function diceOf(a: Filter, b: Filter): number {
  if (a.ones + b.ones === 0) return 0;
  let both = 0;
  for (let i = 0; i < a.words.length; i++) both += popcount32((a.words[i] ?? 0) & (b.words[i] ?? 0));
  return (2 * both) / (a.ones + b.ones);
}

export const dice = (a: Uint8Array, b: Uint8Array): number => diceOf(filterOf(a), filterOf(b));
