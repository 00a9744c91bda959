// A received package is believed only when every check passes: any byte changed, a signer the
// receiver does not trust, a format version it does not read, a past expiry or a different agreed
// key each refuse the whole package, naming why.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agreedKey } from '../../src/share/encode.ts';
import { encodePackage, signPackage } from '../../src/share/export.ts';
import { canonicalJson } from '../../src/share/package.ts';
import { ShareRefusedError, verifyPackage } from '../../src/share/verify.ts';
import type { RawSelection } from '../../src/share/collect.ts';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef-agreed');
const NOW = new Date('2026-12-01T12:00:00Z');
const signing = generateKeyPairSync('ed25519');

const raw: RawSelection = {
  selection: 'ring',
  rings: [
    {
      id: 'R-phoenix-000000000001',
      typology: 'phoenix',
      score: 0.7,
      revenueAtRisk: 5000,
      priority: 3,
      explanation: 'x',
      members: [{ label: 'Importer', id: 'GB123', role: 'successor' }],
      indicators: [],
    },
  ],
  members: [
    {
      label: 'Importer',
      id: 'GB123',
      name: 'Acme Trading Co Ltd',
      roles: ['successor'],
      ringIds: ['R-phoenix-000000000001'],
      identifiers: [
        { label: 'Phone', value: '447700900123' },
        { label: 'Address', value: '12 harbour road port 11' },
      ],
    },
  ],
};

function packageText(options: { expiresAt?: Date; now?: Date; key?: Buffer } = {}): string {
  const pkg = encodePackage(raw, {
    agreedKey: options.key ?? KEY,
    signing,
    sender: 'Sender',
    partner: 'Partner',
    purpose: 'test',
    handling: 'TLP:AMBER',
    expiresAt: options.expiresAt ?? new Date('2027-01-01T00:00:00Z'),
    now: options.now ?? NOW,
  });
  return signPackage(pkg, signing);
}

function refusal(
  bytes: Buffer,
  options: { trusted?: typeof signing.publicKey; key?: Buffer; now?: Date } = {},
) {
  try {
    verifyPackage('pkg.json', bytes, {
      trusted: options.trusted ?? signing.publicKey,
      agreedKey: options.key ?? KEY,
      now: options.now ?? NOW,
    });
  } catch (error) {
    if (error instanceof ShareRefusedError) return { reason: error.reason, message: error.message };
    throw error;
  }
  return null;
}

describe('verifying a package', () => {
  it('accepts the package as signed', () => {
    expect(refusal(Buffer.from(packageText()))).toBeNull();
  });

  it('refuses the package with any one byte changed, at every position', () => {
    const bytes = Buffer.from(packageText());
    const reasons = new Set<string>();
    for (let at = 0; at < bytes.length; at++) {
      const tampered = Buffer.from(bytes);
      tampered[at] = tampered[at]! ^ (at % 2 === 0 ? 0x01 : 0x20);
      const refused = refusal(tampered);
      expect(refused, `byte ${at} changed`).not.toBeNull();
      reasons.add(refused!.reason);
    }
    expect([...reasons].sort()).toEqual(['altered', 'damaged', 'untrusted_signer']);
  });

  it('refuses changes that keep the same JSON: spaces, a changed line end, keys reordered', () => {
    const text = packageText();
    const doc = JSON.parse(text) as { package: unknown; signature: unknown };
    const variants = [
      `${text.trimEnd()} `,
      `${text.trimEnd()}\r\n`,
      text.replace('"format":', '"format": '),
      `${JSON.stringify({ signature: doc.signature, package: doc.package })}\n`,
    ];
    for (const variant of variants)
      expect(refusal(Buffer.from(variant))).toEqual({
        reason: 'altered',
        message:
          'package pkg.json refused (altered): its bytes are not those that were signed (the file was altered)',
      });
  });

  it('names an altered signed field', () => {
    const text = packageText().replace('"purpose":"test"', '"purpose":"tesT"');
    expect(refusal(Buffer.from(text))).toEqual({
      reason: 'altered',
      message:
        'package pkg.json refused (altered): its signature does not verify: the package was altered after signing',
    });
  });

  it('refuses a package signed by a key the receiver does not trust', () => {
    const other = generateKeyPairSync('ed25519');
    expect(refusal(Buffer.from(packageText()), { trusted: other.publicKey })?.reason).toBe(
      'untrusted_signer',
    );
    expect(refusal(Buffer.from(packageText()), { trusted: other.publicKey })?.message).toMatch(
      /signed by key [0-9a-f:]{39}, not by the trusted key [0-9a-f:]{39}/,
    );
  });

  it('refuses a package opened with a different agreed key', () => {
    const refused = refusal(Buffer.from(packageText()), {
      key: Buffer.from('another-key-agreed-with-someone-else!!'),
    });
    expect(refused?.reason).toBe('wrong_key');
    expect(refused?.message).toContain('use the key agreed with Sender');
  });

  it('refuses a package past its expiry', () => {
    const text = packageText({
      now: new Date('2026-01-01T00:00:00Z'),
      expiresAt: new Date('2026-06-30T23:59:59Z'),
    });
    expect(refusal(Buffer.from(text))).toEqual({
      reason: 'expired',
      message:
        'package pkg.json refused (expired): it expired at 2026-06-30T23:59:59.000Z (now 2026-12-01T12:00:00.000Z); ask Sender for a new one',
    });
  });

  it('refuses a format version it does not read, even when signed', () => {
    const doc = JSON.parse(packageText()) as { package: Record<string, unknown> };
    doc.package.version = 2;
    const text = signPackage(doc.package as never, signing);
    expect(refusal(Buffer.from(text))?.message).toContain(
      'ringscope-share version 2; this Ringscope reads ringscope-share version 1',
    );
  });

  it('refuses a file that is not a package', () => {
    expect(refusal(Buffer.from('hello'))?.reason).toBe('damaged');
    expect(refusal(Buffer.from(canonicalJson({ package: {} })))?.reason).toBe('damaged');
  });

  it('refuses an export whose expiry is not in the future', () => {
    expect(() => packageText({ expiresAt: NOW })).toThrow(
      '--expires 2026-12-01T12:00:00.000Z is not in the future',
    );
  });
});

describe('the agreed key', () => {
  it('must hold at least 32 bytes and not repeat a few characters', () => {
    expect(() => agreedKey('short-key', 'RINGSCOPE_SHARE_KEY')).toThrow(
      'the key agreed with the partner (RINGSCOPE_SHARE_KEY) is 9 bytes; at least 32 are needed',
    );
    expect(() => agreedKey('ab'.repeat(20), '--key-file k')).toThrow('repeats too few characters');
    expect(agreedKey(`${'0123456789abcdef'.repeat(4)}\n`, 'k').length).toBe(64);
  });
});
