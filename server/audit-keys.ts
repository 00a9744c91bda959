// The keys of the audit chain and its anchors. Each entry's hash is an HMAC under a key kept
// outside the app database (a keyring file beside it by default; RINGSCOPE_AUDIT_KEYRING to put
// it elsewhere, e.g. a mount the database's host cannot write). Someone who can rewrite the
// database but not read the key cannot recompute a chain that verifies. Anchors (the chain's head,
// MAC'd) go to a separate append-only file, so entries cut from the end are found without an
// anchor kept by hand.
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface AuditKey {
  /** The first 16 hex digits of the key's SHA-256: names the key without revealing it. */
  id: string;
  secret: Buffer;
}

const KeyLine = z.object({ id: z.string(), key: z.string().regex(/^[0-9a-f]{64}$/), createdAt: z.string() });
const AnchorLine = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
  keyId: z.string(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AnchorRecord = z.infer<typeof AnchorLine>;

const keyId = (secret: Buffer): string => createHash('sha256').update(secret).digest('hex').slice(0, 16);

export const mac = (key: AuditKey, ...parts: string[]): string =>
  createHmac('sha256', key.secret).update(parts.join('\n')).digest('hex');

export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Every key the chain was ever signed with, the newest last; the newest signs new entries. */
export class AuditKeyring {
  private constructor(
    private readonly keys: AuditKey[],
    private readonly path: string | null,
  ) {}

  /** The keyring at `path`, made with one new key (mode 0600) when the file does not exist. */
  static open(path: string): AuditKeyring {
    if (!existsSync(path)) {
      const ring = new AuditKeyring([], path);
      ring.addKey();
      return ring;
    }
    const keys = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        const parsed = KeyLine.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`audit keyring ${path}, line ${i + 1}: not a key line`);
        return { id: parsed.data.id, secret: Buffer.from(parsed.data.key, 'hex') };
      });
    if (keys.length === 0) throw new Error(`audit keyring ${path} holds no key`);
    return new AuditKeyring(keys, path);
  }

  /** A keyring that lives as long as the process (an in-memory app database). */
  static inMemory(): AuditKeyring {
    const ring = new AuditKeyring([], null);
    ring.addKey();
    return ring;
  }

  get current(): AuditKey {
    const key = this.keys.at(-1);
    if (!key) throw new Error('the audit keyring is empty');
    return key;
  }

  byId(id: string): AuditKey | undefined {
    return this.keys.find((k) => k.id === id);
  }

  /** Makes a new key and keeps it after the others (written before it is used). */
  addKey(): AuditKey {
    const secret = randomBytes(32);
    const key = { id: keyId(secret), secret };
    if (this.path) {
      const line = JSON.stringify({
        id: key.id,
        key: secret.toString('hex'),
        createdAt: new Date().toISOString(),
      });
      const fd = openSync(this.path, 'a', 0o600);
      try {
        writeSync(fd, `${line}\n`);
      } finally {
        closeSync(fd);
      }
    }
    this.keys.push(key);
    return key;
  }
}

/** The append-only file of MAC'd anchors. */
export class AnchorFile {
  constructor(readonly path: string) {}

  append(key: AuditKey, seq: number, hash: string): void {
    const at = new Date().toISOString();
    const record: AnchorRecord = { seq, hash, at, keyId: key.id, mac: anchorMac(key, seq, hash, at) };
    appendFileSync(this.path, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  }

  /** Every anchor line; a line that is not one is returned as its line number. */
  read(): (AnchorRecord | { badLine: number })[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        if (line.trim() === '') return [];
        try {
          const parsed = AnchorLine.safeParse(JSON.parse(line));
          return [parsed.success ? parsed.data : { badLine: i + 1 }];
        } catch {
          return [{ badLine: i + 1 }];
        }
      });
  }
}

export const anchorMac = (key: AuditKey, seq: number, hash: string, at: string): string =>
  mac(key, 'ringscope-audit-anchor', String(seq), hash, at);

/** Where the keyring and the anchors of an app database live unless the environment says. */
export function auditFilesFor(appDbPath: string): { keyring: string; anchors: string } {
  return {
    keyring: process.env.RINGSCOPE_AUDIT_KEYRING || `${appDbPath}.audit-keys`,
    anchors: process.env.RINGSCOPE_AUDIT_ANCHORS || `${appDbPath}.audit-anchors`,
  };
}
