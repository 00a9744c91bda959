// Sharing rings with a partner administration without handing over raw data: `exportShare`
// reads a ring (or the suspects) and writes a signed package of keyed encodings; `importShare`
// verifies a received package and matches its members against the receiver's own parties.
// See docs/sharing.md for the format and the threat model.
import { createHash, type KeyObject } from 'node:crypto';
import type { GraphStore } from '../store/graph-store.ts';
import { collectSelection, type Selection } from './collect.ts';
import { encodePackage, type ExportOptions, signPackage } from './export.ts';
import { matchParties, type PartyMatch } from './match.ts';
import type { SharedRing, SharePackage } from './package.ts';
import { encodeReceiverParties } from './receiver.ts';
import { verifyPackage } from './verify.ts';

export { ShareRefusedError, type RefusalReason } from './verify.ts';
export type { Selection } from './collect.ts';
export type { ExportOptions } from './export.ts';

export interface ExportedShare {
  text: string;
  pkg: SharePackage;
  /** SHA-256 of the file's bytes, for the audit trail. */
  sha256: string;
}

export async function exportShare(
  store: Pick<GraphStore, 'getRing' | 'listPartyRisks' | 'getNodes' | 'neighbourhood' | 'lastRun'>,
  selection: Selection,
  options: ExportOptions,
): Promise<ExportedShare> {
  const raw = await collectSelection(store, selection);
  const pkg = encodePackage(raw, options);
  const text = signPackage(pkg, options.signing);
  return { text, pkg, sha256: createHash('sha256').update(text).digest('hex') };
}

export interface ImportReport {
  packageId: string;
  sender: string;
  partner: string;
  purpose: string;
  handling: string;
  createdAt: string;
  expiresAt: string;
  signer: string;
  sha256: string;
  rings: SharedRing[];
  members: number;
  matchedMembers: number;
  matches: PartyMatch[];
}

type AuditedReport = Pick<
  ImportReport,
  'sender' | 'signer' | 'purpose' | 'handling' | 'expiresAt' | 'sha256' | 'members'
> & { matches: readonly { party: { label: string; id: string }; member: string; confidence: number }[] };

/** What the audit trail keeps of a received package (CLI and API alike): its facts and the matches. */
export function receivedAuditDetail(report: AuditedReport) {
  const { sender, signer, purpose, handling, expiresAt, sha256, members } = report;
  return {
    sender,
    signer,
    purpose,
    handling,
    expiresAt,
    sha256,
    members,
    matches: report.matches.map((m) => ({
      party: `${m.party.label}:${m.party.id}`,
      member: m.member,
      confidence: m.confidence,
    })),
  };
}

export async function importShare(
  store: Pick<GraphStore, 'streamNodes' | 'streamRels'>,
  file: string,
  bytes: Buffer,
  options: { trusted: KeyObject; agreedKey: Buffer; now: Date; minConfidence?: number },
): Promise<ImportReport> {
  const { pkg, keys, signerFingerprint } = verifyPackage(file, bytes, options);
  const parties = await encodeReceiverParties(store, keys);
  const matches = matchParties(pkg.members, parties, options.minConfidence);
  return {
    packageId: pkg.id,
    sender: pkg.sender,
    partner: pkg.partner,
    purpose: pkg.purpose,
    handling: pkg.handling,
    createdAt: pkg.createdAt,
    expiresAt: pkg.expiresAt,
    signer: signerFingerprint,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rings: pkg.rings,
    members: pkg.members.length,
    matchedMembers: new Set(matches.map((m) => m.member)).size,
    matches,
  };
}
