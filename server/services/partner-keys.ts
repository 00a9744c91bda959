// The keys of sharing from the API, from the server's configuration only (never from a request):
// the key agreed with each partner and its signing public key, as files in RINGSCOPE_SHARE_KEYS_DIR
// (`<partner>.key`, mode 0600; `<partner>.pub`, PEM), and the server's own signing key pair.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../src/ingest/errors.ts';
import { agreedKey } from '../../src/share/encode.ts';
import { loadSigningKey, SIGNING_KEY_FILE, type SigningKey } from '../../src/share/signing.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';

export class PartnerKeys {
  constructor(private readonly config: Config) {}

  /** The server's signing key pair: RINGSCOPE_SHARE_SIGNING_KEY, else beside the app database. */
  signing(): SigningKey {
    const file = this.config.share.signingKey ?? join(dirname(this.config.appDb), SIGNING_KEY_FILE);
    return loadSigningKey(file, this.config.share.signingKey === undefined);
  }

  /** The partners with an agreed key, and whether their public key is there too. */
  partners(): { name: string; canImport: boolean }[] {
    const dir = this.config.share.keysDir;
    if (dir === undefined || !existsSync(dir)) return [];
    const files = new Set(readdirSync(dir));
    return [...files]
      .filter((f) => f.endsWith('.key'))
      .map((f) => f.slice(0, -'.key'.length))
      .sort()
      .map((name) => ({ name, canImport: files.has(`${name}.pub`) }));
  }

  /** The key agreed with `partner`; 409 when sharing is not configured, 400 for an unknown partner. */
  agreed(partner: string): Buffer {
    const file = join(this.dir(), `${partner}.key`);
    if (!existsSync(file))
      throw new ApiError(
        400,
        'unknown_partner',
        `no key is agreed with partner ${partner}: the server has no ${partner}.key in RINGSCOPE_SHARE_KEYS_DIR`,
      );
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0)
      throw new ApiError(
        409,
        'share_not_configured',
        `the key agreed with ${partner} may be read by other users on the server (mode ${mode.toString(8)}); the administrator must chmod 600 it`,
      );
    try {
      return agreedKey(readFileSync(file, 'utf8'), `${partner}.key`);
    } catch (error) {
      if (error instanceof InputError) throw new ApiError(409, 'share_not_configured', error.message);
      throw error;
    }
  }

  /** The signing public key `partner` handed over (`<partner>.pub`), trusted on import. */
  trusted(partner: string): KeyObject {
    const file = join(this.dir(), `${partner}.pub`);
    if (!existsSync(file))
      throw new ApiError(
        400,
        'unknown_partner',
        `the server does not hold ${partner}'s public key: add ${partner}.pub (their \`share whoami\`) to RINGSCOPE_SHARE_KEYS_DIR`,
      );
    let key: KeyObject;
    try {
      key = createPublicKey(readFileSync(file));
    } catch {
      throw new ApiError(409, 'share_not_configured', `${partner}.pub is not a public key in PEM`);
    }
    if (key.asymmetricKeyType !== 'ed25519')
      throw new ApiError(409, 'share_not_configured', `${partner}.pub is not an Ed25519 key`);
    return key;
  }

  private dir(): string {
    const dir = this.config.share.keysDir;
    if (dir === undefined)
      throw new ApiError(
        409,
        'share_not_configured',
        'sharing is not configured on this server: set RINGSCOPE_SHARE_KEYS_DIR to the folder of partner keys',
      );
    return dir;
  }
}
