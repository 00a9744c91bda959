// The Ed25519 key pair an administration signs its packages with. Created on first use beside the
// store (private key mode 0600, in a file no other user may read), or given as a file; its public
// key and fingerprint are what a partner trusts (`ringscope share whoami`, `--trust FILE`).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../ingest/errors.ts';

export const SIGNING_KEY_FILE = 'ringscope-share-signing.key';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Where the private key lives. */
  file: string;
  created: boolean;
}

/** The default private key file: beside the embedded store file. */
export const signingKeyFileBeside = (storeFile: string): string => join(dirname(storeFile), SIGNING_KEY_FILE);

/** Loads the key pair from `file`, or creates it there (0600) when `create` and it is missing. */
export function loadSigningKey(file: string, create: boolean): SigningKey {
  if (!existsSync(file)) {
    if (!create) throw new InputError(`no signing key at ${file}`, []);
    const pair = generateKeyPairSync('ed25519');
    const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' });
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return { ...pair, file, created: true };
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new InputError(
      `the signing key ${file} may be read by other users (mode ${mode.toString(8)}); run \`chmod 600 ${file}\``,
      [],
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch {
    throw new InputError(`${file} is not a private key in PEM (PKCS#8)`, []);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new InputError(`${file} holds a ${privateKey.asymmetricKeyType} key; an Ed25519 key is needed`, []);
  return { privateKey, publicKey: createPublicKey(privateKey), file, created: false };
}

/** The public key as PEM (SPKI), the text handed to partners. */
export const publicKeyPem = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'pem' }).toString();

/** The raw 32-byte public key, base64url, as a package names its signer. */
export const publicKeyRaw = (key: KeyObject): string =>
  key.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64url');

/** SHA-256 of the raw public key, first 16 bytes as hex in groups of four: read aloud to check. */
export function fingerprint(key: KeyObject): string {
  const raw = key.export({ type: 'spki', format: 'der' }).subarray(-32);
  const hex = createHash('sha256').update(raw).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(':');
}

/** A trusted partner's public key from its PEM file. */
export function loadTrustedKey(file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readFileSync(file));
  } catch {
    throw new InputError(
      `--trust ${file} is not a public key in PEM, as \`ringscope share whoami\` prints it`,
      [],
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new InputError(
      `--trust ${file} holds a ${key.asymmetricKeyType} key; an Ed25519 key is needed`,
      [],
    );
  return key;
}

/** The public key a package names as its signer (raw, base64url); null when it is not one. */
export function publicKeyFromRaw(raw: string): KeyObject | null {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) return null;
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
  try {
    return createPublicKey({ key: Buffer.concat([spkiPrefix, bytes]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

export const signBytes = (key: KeyObject, bytes: Buffer): string =>
  sign(null, bytes, key).toString('base64url');

export function verifyBytes(key: KeyObject, bytes: Buffer, signature: string): boolean {
  try {
    return verify(null, bytes, key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
