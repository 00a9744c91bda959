// `ringscope share whoami|export|import` end to end: the signing key created beside the store with
// mode 0600, a package sent and received between two stores, each refusal exiting 2 with its
// reason, and both sides' audit trails.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppDb } from '../../server/app-db.ts';
import { AuditLog } from '../../server/audit.ts';
import { encodePackage, signPackage } from '../../src/share/export.ts';
import { collectSelection } from '../../src/share/collect.ts';
import { loadSigningKey } from '../../src/share/signing.ts';
import { openStore } from '../../src/store/open.ts';
import { runCli } from '../helpers/run-cli.ts';
import { overlapWorlds, storeOf, type OverlapWorlds } from './worlds.ts';

let worlds: OverlapWorlds;
let sender: { db: string; dir: string };
let receiver: { db: string; dir: string };
let keyFile: string;
let trustFile: string;
let pkgFile: string;

const KEY = 'f3a9c2e17b5d4086a1c9e2f3b4d5a6c7e8f90a1b2c3d4e5f60718293a4b5c6d7';

beforeAll(async () => {
  worlds = overlapWorlds();
  const s = await storeOf(worlds.sender, worlds.ring);
  await s.store.close();
  const r = await storeOf(worlds.receiver, null);
  await r.store.close();
  sender = s;
  receiver = r;
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-share-cli-'));
  keyFile = join(dir, 'partner.key');
  writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
  trustFile = join(dir, 'sender.pub');
  pkgFile = join(dir, 'package.json');
  delete process.env.RINGSCOPE_SHARE_KEY;
});

afterEach(() => {
  delete process.env.RINGSCOPE_SHARE_KEY;
});

const exportArgs = (db: string, out: string) => [
  '--db',
  db,
  'share',
  'export',
  '--ring',
  worlds.ring.id,
  '--partner',
  'Douane',
  '--purpose',
  'joint case 42',
  '--handling',
  'TLP:AMBER',
  '--expires',
  '2099-12-31',
  '--out',
  out,
  '--key-file',
  keyFile,
  '--sender',
  'HMRC',
];

function auditEntries(db: string, action: string) {
  const app = openAppDb(join(db, '..', 'ringscope-app.db'));
  try {
    return new AuditLog(app).list({ limit: 100, action });
  } finally {
    app.close();
  }
}

describe('ringscope share', () => {
  it('whoami creates the signing key beside the store, mode 0600, and prints its public key', async () => {
    const first = await runCli(['--db', sender.db, 'share', 'whoami']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\nFingerprint: ([0-9a-f]{4}:){7}[0-9a-f]{4}\n$/,
    );
    expect(first.stderr).toContain('Created the signing key');
    const keyPath = join(sender.dir, 'ringscope-share-signing.key');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    const again = await runCli(['--db', sender.db, 'share', 'whoami']);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
    writeFileSync(trustFile, first.stdout);
  });

  it('exports a ring and audits what was sent', async () => {
    const result = await runCli(exportArgs(sender.db, pkgFile));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Package [0-9a-f-]{36} for Douane: 1 ring\(s\), 18 member\(s\), expires 2099-12-31T23:59:59.999Z/,
    );
    const json = await runCli(['--json', ...exportArgs(sender.db, `${pkgFile}.2`)]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      partner: 'Douane',
      rings: 1,
      members: 18,
      file: `${pkgFile}.2`,
    });
    const [entry] = auditEntries(sender.db, 'share_export');
    expect(entry?.detail).toMatchObject({
      partner: 'Douane',
      purpose: 'joint case 42',
      handling: 'TLP:AMBER',
      members: 18,
      rings: 1,
    });
  });

  it('imports it on the other side, reports the matches and audits what was received', async () => {
    process.env.RINGSCOPE_SHARE_KEY = KEY;
    const result = await runCli([
      '--db',
      receiver.db,
      '--json',
      'share',
      'import',
      pkgFile,
      '--trust',
      trustFile,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      matches: { party: { id: string } }[];
      sender: string;
      members: number;
    };
    expect(report.sender).toBe('HMRC');
    expect(report.members).toBe(18);
    expect(report.matches.map((m) => m.party.id).sort()).toEqual(
      [...worlds.truth.values()].map((k) => k.split(':')[1]).sort(),
    );
    const [entry] = auditEntries(receiver.db, 'share_import');
    expect(entry?.detail).toMatchObject({ sender: 'HMRC', members: 18 });
    expect((entry?.detail.matches as unknown[]).length).toBe(16);
    const text = await runCli(['--db', receiver.db, 'share', 'import', pkgFile, '--trust', trustFile]);
    expect(text.stdout).toContain("16 of your parties match 16 of the package's 18 members:");
    expect(text.stderr).toMatch(/^Note: package [0-9a-f-]{36} was received before, at 20\d\d-/);
    expect(result.stderr).toBe('');
    expect(text.stdout).toContain(
      'ring-1: shared_identifiers, score 0.87, 18 members, revenue at risk 1e5-1e6',
    );
  });

  it('refuses a package with one byte changed, exit 2, and audits the refusal', async () => {
    const bytes = readFileSync(pkgFile);
    const at = bytes.indexOf('"purpose"') + 12;
    bytes[at] = bytes[at]! ^ 0x01;
    const tampered = join(sender.dir, 'tampered.json');
    writeFileSync(tampered, bytes);
    const result = await runCli([
      '--db',
      receiver.db,
      'share',
      'import',
      tampered,
      '--trust',
      trustFile,
      '--key-file',
      keyFile,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `ringscope: package ${tampered} refused (altered): its signature does not verify: the package was altered after signing\n`,
    );
    expect(auditEntries(receiver.db, 'share_import')[0]?.detail).toMatchObject({
      file: tampered,
      refused: 'altered',
    });
  });

  it('refuses the wrong agreed key, an untrusted signer and a past expiry, exit 2 naming why', async () => {
    const wrongKey = join(sender.dir, 'wrong.key');
    writeFileSync(wrongKey, 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9', { mode: 0o600 });
    const wrong = await runCli([
      '--db',
      receiver.db,
      'share',
      'import',
      pkgFile,
      '--trust',
      trustFile,
      '--key-file',
      wrongKey,
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /refused \(wrong_key\): the agreed key given is not the one HMRC encoded it with/,
    );

    const stranger = await runCli(['--db', receiver.db, 'share', 'whoami']);
    const strangerPub = join(receiver.dir, 'stranger.pub');
    writeFileSync(strangerPub, stranger.stdout);
    const untrusted = await runCli([
      '--db',
      receiver.db,
      'share',
      'import',
      pkgFile,
      '--trust',
      strangerPub,
      '--key-file',
      keyFile,
    ]);
    expect(untrusted.code).toBe(2);
    expect(untrusted.stderr).toMatch(
      /refused \(untrusted_signer\): it is signed by key [0-9a-f:]+, not by the trusted key [0-9a-f:]+/,
    );

    const store = await openStore({ db: sender.db });
    const raw = await collectSelection(store, { ring: worlds.ring.id });
    await store.close();
    const signing = loadSigningKey(join(sender.dir, 'ringscope-share-signing.key'), false);
    const old = encodePackage(raw, {
      agreedKey: Buffer.from(KEY),
      signing,
      sender: 'HMRC',
      partner: 'Douane',
      purpose: 'p',
      handling: 'TLP:AMBER',
      expiresAt: new Date('2025-03-31T23:59:59.999Z'),
      now: new Date('2025-03-01T00:00:00Z'),
    });
    const oldFile = join(sender.dir, 'old.json');
    writeFileSync(oldFile, signPackage(old, signing));
    const expired = await runCli([
      '--db',
      receiver.db,
      'share',
      'import',
      oldFile,
      '--trust',
      trustFile,
      '--key-file',
      keyFile,
    ]);
    expect(expired.code).toBe(2);
    expect(expired.stderr).toMatch(
      /refused \(expired\): it expired at 2025-03-31T23:59:59.999Z \(now 20\d\d-/,
    );
  });

  it('refuses a short agreed key, no key, and key files others may read', async () => {
    process.env.RINGSCOPE_SHARE_KEY = 'too-short';
    const short = await runCli(['--db', receiver.db, 'share', 'import', pkgFile, '--trust', trustFile]);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('(RINGSCOPE_SHARE_KEY) is 9 bytes; at least 32 are needed');
    delete process.env.RINGSCOPE_SHARE_KEY;
    const none = await runCli(['--db', receiver.db, 'share', 'import', pkgFile, '--trust', trustFile]);
    expect(none.stderr).toBe('ringscope: no agreed key: give --key-file FILE or set RINGSCOPE_SHARE_KEY\n');
    chmodSync(keyFile, 0o640);
    try {
      const readable = await runCli([
        '--db',
        receiver.db,
        'share',
        'import',
        pkgFile,
        '--trust',
        trustFile,
        '--key-file',
        keyFile,
      ]);
      expect(readable.code).toBe(2);
      expect(readable.stderr).toBe(
        `ringscope: --key-file ${keyFile} may be read by other users (mode 640); run \`chmod 600 ${keyFile}\`\n`,
      );
    } finally {
      chmodSync(keyFile, 0o600);
    }
    const keyPath = join(sender.dir, 'ringscope-share-signing.key');
    chmodSync(keyPath, 0o644);
    try {
      const open = await runCli(exportArgs(sender.db, join(sender.dir, 'x.json')));
      expect(open.code).toBe(2);
      expect(open.stderr).toContain(`may be read by other users (mode 644); run \`chmod 600 ${keyPath}\``);
    } finally {
      chmodSync(keyPath, 0o600);
    }
  });

  it('asks for exactly one of --ring, --suspects and --case', async () => {
    const args = exportArgs(sender.db, join(sender.dir, 'y.json')).filter(
      (a, i, all) => a !== '--ring' && all[i - 1] !== '--ring',
    );
    const neither = await runCli(args);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('give one of --ring ID, --suspects (with --min-score X) or --case ID');
    const suspects = await runCli([...args, '--suspects', '--min-score', '0.5']);
    expect(suspects.code).toBe(0);
    expect(suspects.stdout).toContain('1 ring(s), 18 member(s)');
  });
});
