// Reading a received package: each check in turn, the first that fails refusing the whole package
// with its reason (ShareRefusedError, an input error: exit 2). The order matters: nothing in the
// package is believed before its signature verifies under the key the receiver trusts.
import type { KeyObject } from 'node:crypto';
import { InputError } from '../ingest/errors.ts';
import { deriveKeys, sameKeyCheck, type ShareKeys } from './encode.ts';
import { canonicalJson, FORMAT, FORMAT_VERSION, SharePackage, Signature } from './package.ts';
import { fingerprint, publicKeyFromRaw, verifyBytes } from './signing.ts';

export type RefusalReason =
  'damaged' | 'altered' | 'untrusted_signer' | 'unsupported_version' | 'expired' | 'wrong_key';

export class ShareRefusedError extends InputError {
  readonly reason: RefusalReason;

  constructor(file: string, reason: RefusalReason, why: string) {
    super(`package ${file} refused (${reason}): ${why}`, []);
    this.name = 'ShareRefusedError';
    this.reason = reason;
  }
}

export interface VerifiedPackage {
  pkg: SharePackage;
  keys: ShareKeys;
  signerFingerprint: string;
}

/** base64url that decodes and encodes back to itself (no ignored characters or padding bits). */
const exactBase64url = (text: string): boolean =>
  Buffer.from(text, 'base64url').toString('base64url') === text;

function envelope(file: string, bytes: Buffer): { signed: unknown; signature: Signature } {
  const refuse = (why: string) => new ShareRefusedError(file, 'damaged', why);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refuse('it is not JSON: it was damaged or altered, or is not a Ringscope share package');
  }
  const shape = parsed as { package?: unknown; signature?: unknown } | null;
  const signature = Signature.safeParse(shape?.signature);
  if (
    typeof shape !== 'object' ||
    shape === null ||
    !signature.success ||
    Object.keys(shape).length !== 2 ||
    typeof shape.package !== 'object' ||
    shape.package === null
  )
    throw refuse('it has no signed package and signature: damaged or altered, or not a share package');
  if (!exactBase64url(signature.data.publicKey) || !exactBase64url(signature.data.value))
    throw new ShareRefusedError(file, 'altered', 'its signature field was altered');
  if (
    `${canonicalJson(parsed)}\n` !== bytes.toString('utf8') ||
    !bytes.equals(Buffer.from(bytes.toString('utf8')))
  )
    throw new ShareRefusedError(
      file,
      'altered',
      'its bytes are not those that were signed (the file was altered)',
    );
  return { signed: shape.package, signature: signature.data };
}

function checkSigner(file: string, signature: Signature, trusted: KeyObject, signed: unknown): string {
  const signer = publicKeyFromRaw(signature.publicKey);
  const trustedPrint = fingerprint(trusted);
  if (!signer) throw new ShareRefusedError(file, 'altered', 'its signer field is not a public key');
  const signerPrint = fingerprint(signer);
  if (signerPrint !== trustedPrint) {
    throw new ShareRefusedError(
      file,
      'untrusted_signer',
      `it is signed by key ${signerPrint}, not by the trusted key ${trustedPrint}; check the sender's fingerprint out of band`,
    );
  }
  if (!verifyBytes(trusted, Buffer.from(canonicalJson(signed)), signature.value))
    throw new ShareRefusedError(
      file,
      'altered',
      'its signature does not verify: the package was altered after signing',
    );
  return signerPrint;
}

/** Verifies `bytes` (the file `file`) against the trusted key, the format, expiry and agreed key. */
export function verifyPackage(
  file: string,
  bytes: Buffer,
  options: { trusted: KeyObject; agreedKey: Buffer; now: Date },
): VerifiedPackage {
  const { signed, signature } = envelope(file, bytes);
  const signerFingerprint = checkSigner(file, signature, options.trusted, signed);
  const head = signed as { format?: unknown; version?: unknown };
  if (head.format !== FORMAT || head.version !== FORMAT_VERSION) {
    throw new ShareRefusedError(
      file,
      'unsupported_version',
      `it is ${String(head.format)} version ${String(head.version)}; this Ringscope reads ${FORMAT} version ${FORMAT_VERSION}`,
    );
  }
  const parsed = SharePackage.safeParse(signed);
  if (!parsed.success)
    throw new ShareRefusedError(
      file,
      'damaged',
      `it is signed but malformed at ${parsed.error.issues[0]?.path.join('.')}`,
    );
  const pkg = parsed.data;
  const expires = Date.parse(pkg.expiresAt);
  if (!Number.isFinite(expires) || expires <= options.now.getTime())
    throw new ShareRefusedError(
      file,
      'expired',
      `it expired at ${pkg.expiresAt} (now ${options.now.toISOString()}); ask ${pkg.sender} for a new one`,
    );
  const keys = deriveKeys(options.agreedKey, Buffer.from(pkg.salt, 'base64url'));
  if (!sameKeyCheck(keys, pkg.keyCheck)) {
    throw new ShareRefusedError(
      file,
      'wrong_key',
      `the agreed key given is not the one ${pkg.sender} encoded it with (key check differs); use the key agreed with ${pkg.sender}`,
    );
  }
  return { pkg, keys, signerFingerprint };
}
