// The keyed encodings a package carries instead of raw values: HMAC-SHA-256 of each normalised
// identifier, and a keyed Bloom filter (a cryptographic long-term key, CLK, after Schnell et al.)
// of each name's and address's bigrams, so near-spellings still meet (Dice similarity of the
// bits). Every key is derived with HKDF from the key agreed with the partner and the package's
// random per-exchange salt, so the same phone hashes differently in two exchanges and nobody
// without the agreed key can compute an encoding of a guessed value.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { InputError } from '../ingest/errors.ts';
import { type IdentifierKind, qgrams } from './normalise.ts';

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

/** The Bloom filter of a normalised text's bigrams under the field's key, as bytes. */
export function bloomBits(keys: ShareKeys, field: BloomField, normalised: string): Uint8Array {
  const bits = new Uint8Array(BLOOM.bits / 8);
  for (const gram of qgrams(normalised, BLOOM.q)) {
    const digest = createHmac('sha512', keys.bloom).update(`${field}\u0000${gram}`).digest();
    for (let i = 0; i < BLOOM.hashes; i++) {
      const position = digest.readUInt16BE(i * 2) % BLOOM.bits;
      bits[position >> 3]! |= 1 << (position & 7);
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

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, n) => {
  let c = 0;
  for (let v = n; v > 0; v >>= 1) c += v & 1;
  return c;
});

/** Dice coefficient of two filters: 2|A∩B| / (|A|+|B|); 0 when both are empty. */
export function dice(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    both += POPCOUNT[(a[i] ?? 0) & (b[i] ?? 0)]!;
    total += POPCOUNT[a[i] ?? 0]! + POPCOUNT[b[i] ?? 0]!;
  }
  return total === 0 ? 0 : (2 * both) / total;
}
