// Sharing rings with a partner administration from the API (docs/sharing.md): a package of one
// ring, a case's entities or chosen suspects, signed with the server's key for a partner whose key
// the server holds; a partner's package verified against that partner's keys and matched against
// this store. The keys come from the configuration (partner-keys.ts), never from a request.
import type {
  ShareExportRequest,
  ShareImportRequest,
  ShareReport,
  ShareWhoami,
} from '../../src/api/share.ts';
import { InputError } from '../../src/ingest/errors.ts';
import { parseNodeKey, type NodeRef } from '../../src/model/index.ts';
import { exportShare, importShare, type Selection, ShareRefusedError } from '../../src/share/index.ts';
import { fingerprint, publicKeyPem } from '../../src/share/signing.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { AuditLog } from '../audit.ts';
import type { User } from '../auth/users.ts';
import type { Config } from '../config.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { FileAnswer } from '../http/send-file.ts';
import type { CaseWork } from './case-work.ts';
import { PartnerKeys } from './partner-keys.ts';

/** A package to download and the facts its `share_export` audit entry names. */
export type SharedPackageFile = FileAnswer & {
  packageId: string;
  facts: Record<string, unknown>;
};

/** The last day (UTC) through its end, or the ISO date and time given. */
function expiryOf(text: string): Date {
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999Z` : text);
  if (!Number.isFinite(at)) throw new ApiError(400, 'invalid_request', `expires ${text} is not a date`);
  return new Date(at);
}

export class Sharing {
  private readonly keys: PartnerKeys;

  constructor(
    private readonly store: GraphStore,
    private readonly caseWork: CaseWork,
    private readonly audit: AuditLog,
    config: Config,
  ) {
    this.keys = new PartnerKeys(config);
  }

  /** The server's signing public key (what partners trust) and the partners it shares with. */
  whoami(): ShareWhoami {
    const signing = this.keys.signing();
    return {
      fingerprint: fingerprint(signing.publicKey),
      publicKey: publicKeyPem(signing.publicKey),
      partners: this.keys.partners(),
    };
  }

  /** What the request selects: a ring of the last run, a case the user may read, or parties. */
  private async selection(
    user: User,
    request: ShareExportRequest,
  ): Promise<{ selection: Selection; what: string }> {
    if ((await this.store.lastRun()) === null && request.case === undefined)
      throw new ApiError(409, 'no_detection_run', 'detection has not run on this store yet');
    if (request.ring !== undefined) {
      if (!(await this.store.getRing(request.ring))) throw notFound(`ring ${request.ring}`);
      return { selection: { ring: request.ring }, what: `ring ${request.ring}` };
    }
    if (request.case !== undefined) {
      const detail = await this.caseWork.view(user, request.case);
      const members = detail.entities.map((e) => parseNodeKey(e.key));
      if (members.length === 0)
        throw new ApiError(400, 'invalid_request', `case ${request.case} has no entities to share`);
      const rings = detail.rings.map((r) => r.id);
      return { selection: { members, rings, text: 'case' }, what: `case ${request.case}` };
    }
    const members: NodeRef[] = [];
    for (const key of request.suspects ?? []) {
      try {
        members.push(parseNodeKey(key));
      } catch (error) {
        throw new ApiError(400, 'invalid_request', (error as Error).message);
      }
    }
    return { selection: { members, text: 'suspects' }, what: `${members.length} suspects` };
  }

  /** The signed package for one partner, as a download. */
  async exportPackage(user: User, request: ShareExportRequest): Promise<SharedPackageFile> {
    const { selection, what } = await this.selection(user, request);
    const agreedKey = this.keys.agreed(request.partner);
    const signing = this.keys.signing();
    let shared;
    try {
      shared = await exportShare(this.store, selection, {
        agreedKey,
        signing,
        sender: `Ringscope ${fingerprint(signing.publicKey)}`,
        partner: request.partner,
        purpose: request.purpose,
        handling: request.handling,
        expiresAt: expiryOf(request.expires),
        now: new Date(),
      });
    } catch (error) {
      if (error instanceof InputError) throw new ApiError(400, 'invalid_request', error.message);
      throw error;
    }
    const { pkg } = shared;
    return {
      file: {
        content: shared.text,
        contentType: 'application/json',
        filename: `ringscope-share-${pkg.partner}-${pkg.id}.json`,
      },
      packageId: pkg.id,
      facts: {
        partner: pkg.partner,
        purpose: pkg.purpose,
        handling: pkg.handling,
        expiresAt: pkg.expiresAt,
        selection: what,
        rings: pkg.rings.length,
        members: pkg.members.length,
      },
    };
  }

  /**
   * A partner's package verified against that partner's keys and matched against this store. A
   * refused package is audited here (the route's entry is written on success only) and answered
   * 400 naming the reason.
   */
  async importPackage(
    request: ShareImportRequest,
    who: { username: string; requestId: string },
  ): Promise<ShareReport> {
    const trusted = this.keys.trusted(request.partner);
    const agreedKey = this.keys.agreed(request.partner);
    const file = `from ${request.partner}`;
    try {
      const report = await importShare(this.store, file, Buffer.from(request.package, 'utf8'), {
        trusted,
        agreedKey,
        now: new Date(),
        minConfidence: request.minConfidence,
      });
      return { ...report, receivedBefore: this.receivedBefore(report.packageId) };
    } catch (error) {
      if (!(error instanceof ShareRefusedError)) throw error;
      this.audit.append({
        action: 'share_import',
        username: who.username,
        requestId: who.requestId,
        target: null,
        detail: { partner: request.partner, refused: error.reason, message: error.message },
      });
      throw new ApiError(400, 'package_refused', error.message, { reason: error.reason });
    }
  }

  /** When a package with this id was last received, from the audit trail (a replay); else null. */
  private receivedBefore(packageId: string): string | null {
    const entries = this.audit.list({ limit: 1000, action: 'share_import' });
    return entries.find((e) => e.target === packageId)?.at ?? null;
  }
}
