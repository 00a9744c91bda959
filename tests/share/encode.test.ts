// The normal forms and keyed encodings both administrations must compute alike: spellings of one
// firm meet, other firms do not, and nothing matches across keys or salts.
import { describe, expect, it } from 'vitest';
import {
  bloomBits,
  bloomFromText,
  bloomText,
  deriveKeys,
  dice,
  hashIdentifier,
  keyCheckValue,
} from '../../src/share/encode.ts';
import { normaliseAddress, normaliseForKind, normaliseName, qgrams } from '../../src/share/normalise.ts';
import { magnitudeBand } from '../../src/share/export.ts';

const KEY = Buffer.from('9f8e7d6c5b4a39281706f5e4d3c2b1a0-agreed-key');
const SALT = Buffer.alloc(16, 7);
const keys = deriveKeys(KEY, SALT);

describe('normalising', () => {
  it('drops legal forms, case, punctuation and diacritics from names, joining initials', () => {
    expect(normaliseName('ACME Trading Co. Ltd')).toBe('acme trading');
    expect(normaliseName('Acme Trading Company Limited')).toBe('acme trading');
    expect(normaliseName('Société Générale S.A.')).toBe('societe generale');
    expect(normaliseName('Windmill Bicycles B.V.')).toBe('windmill bicycles');
    expect(normaliseName('Ltd')).toBe('');
  });

  it('spells out street abbreviations in addresses', () => {
    expect(normaliseAddress('12, Harbour Rd.')).toBe(normaliseAddress('12 HARBOUR ROAD'));
    expect(normaliseAddress('Hauptstr. 5')).toBe('hauptstr 5');
    expect(normaliseAddress('Main St No. 5')).toBe('main street 5');
  });

  it('normalises identifiers by kind, phones in both international forms alike', () => {
    expect(normaliseForKind('phone', '+44 7700 900123')).toBe(normaliseForKind('phone', '0044-7700-900123'));
    expect(normaliseForKind('bank', 'GB29 nwbk 6016')).toBe('GB29NWBK6016');
    expect(normaliseForKind('party', 'gb 1234-5678')).toBe('GB12345678');
    expect(normaliseForKind('phone', '--')).toBeNull();
  });

  it('takes padded bigrams per word, in no order', () => {
    expect(qgrams('ab cd')).toEqual(['_a', '_c', 'ab', 'b_', 'cd', 'd_']);
    expect(qgrams('cd ab')).toEqual(qgrams('ab cd'));
  });
});

describe('keyed encodings', () => {
  it('hashes identifiers under the key, the salt and the kind', () => {
    const hash = hashIdentifier(keys, 'phone', '447700900123');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashIdentifier(deriveKeys(KEY, SALT), 'phone', '447700900123')).toBe(hash);
    expect(hashIdentifier(deriveKeys(KEY, Buffer.alloc(16, 8)), 'phone', '447700900123')).not.toBe(hash);
    expect(
      hashIdentifier(deriveKeys(Buffer.from(`${KEY.toString()}!`), SALT), 'phone', '447700900123'),
    ).not.toBe(hash);
    expect(hashIdentifier(keys, 'party', '447700900123')).not.toBe(hash);
  });

  it('gives spellings of one name similar filters, and other names dissimilar ones', () => {
    const name = (text: string) => bloomBits(keys, 'name', normaliseName(text));
    expect(dice(name('Acme Trading Co Ltd'), name('ACME TRADING COMPANY LIMITED'))).toBe(1);
    expect(dice(name('Acme Trading Co Ltd'), name('Acme Tradng Co'))).toBeGreaterThan(0.85);
    expect(dice(name('Acme Trading Co Ltd'), name('Trading Acme'))).toBe(1);
    expect(dice(name('Acme Trading Co Ltd'), name('Zenith Pharma GmbH'))).toBeLessThan(0.4);
    const bits = name('Acme Trading');
    expect(bloomFromText(bloomText(bits))).toEqual(bits);
    expect(dice(bits, bloomBits(deriveKeys(KEY, Buffer.alloc(16, 9)), 'name', 'acme trading'))).toBeLessThan(
      0.4,
    );
    expect(dice(bits, bloomBits(keys, 'address', 'acme trading'))).toBeLessThan(0.4);
  });

  it('has a key check that differs with the key', () => {
    expect(keyCheckValue(keys)).toBe(keyCheckValue(deriveKeys(KEY, SALT)));
    expect(keyCheckValue(keys)).not.toBe(keyCheckValue(deriveKeys(Buffer.from(`${KEY.toString()}x`), SALT)));
  });

  it('states amounts as an order of magnitude', () => {
    expect([0, 0.5, 1, 9.99, 123456.78].map(magnitudeBand)).toEqual([
      '0',
      '0',
      '1e0-1e1',
      '1e0-1e1',
      '1e5-1e6',
    ]);
  });
});
