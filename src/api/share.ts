// Sharing rings with a partner administration from the API: what an export asks for (one ring, a
// case or chosen suspects, for one configured partner), what an import sends (the package's text
// and the partner it claims to come from) and the match report it answers with.
import { z } from 'zod';
import { PARTY_LABELS, Typology } from '../model/index.ts';
import { CaseId } from './cases.ts';
import { NodeKeyParam } from './graph.ts';

/** A partner as the server's key folder names it (`<partner>.key`, `<partner>.pub`). */
export const PartnerName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a partner name: letters, digits, _ . - (up to 64)');

export const ShareExportRequest = z
  .strictObject({
    ring: z.string().min(1).max(200).optional(),
    case: CaseId.optional(),
    suspects: z.array(NodeKeyParam).min(1).max(1000).optional(),
    partner: PartnerName,
    purpose: z.string().trim().min(1).max(2000),
    handling: z.string().regex(/^[A-Za-z0-9:_. -]{1,40}$/, 'letters, digits and : _ . - only, up to 40'),
    /** The last day (UTC) the partner may use it, or an ISO date and time; in the future. */
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/, 'YYYY-MM-DD or an ISO date and time'),
  })
  .refine(
    (r) => [r.ring, r.case, r.suspects].filter((x) => x !== undefined).length === 1,
    'give exactly one of ring, case or suspects',
  );
export type ShareExportRequest = z.infer<typeof ShareExportRequest>;

export const ShareImportRequest = z.strictObject({
  /** Who sent it: their agreed key and signing key are the server's for this partner. */
  partner: PartnerName,
  /** The package file's text, exactly as received. */
  package: z.string().min(1),
  minConfidence: z.number().min(0).max(1).default(0.5),
});
export type ShareImportRequest = z.infer<typeof ShareImportRequest>;

export const ShareWhoami = z.strictObject({
  fingerprint: z.string(),
  publicKey: z.string(),
  /** Partners with an agreed key on the server, and whether their public key is there to trust. */
  partners: z.array(z.strictObject({ name: z.string(), canImport: z.boolean() })),
});
export type ShareWhoami = z.infer<typeof ShareWhoami>;

export const ShareReportRing = z.strictObject({
  ref: z.string(),
  typology: Typology,
  score: z.number(),
  memberCount: z.number(),
  revenueAtRiskBand: z.string(),
  indicators: z.array(
    z.strictObject({
      name: z.string(),
      count: z.number(),
      contribution: z.number(),
      evidenceCounts: z.strictObject({ nodes: z.number(), rels: z.number(), declarations: z.number() }),
    }),
  ),
});

export const ShareMatch = z.strictObject({
  party: z.strictObject({ label: z.enum(PARTY_LABELS), id: z.string(), name: z.string().nullable() }),
  member: z.string(),
  rings: z.array(z.string()),
  confidence: z.number(),
  bits: z.number(),
  evidence: z.array(z.string()),
});

export const ShareReport = z.strictObject({
  packageId: z.string(),
  sender: z.string(),
  partner: z.string(),
  purpose: z.string(),
  handling: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  signer: z.string(),
  sha256: z.string(),
  rings: z.array(ShareReportRing),
  members: z.number(),
  matchedMembers: z.number(),
  matches: z.array(ShareMatch),
  /** When this package id was received before (a replay), else null. */
  receivedBefore: z.string().nullable(),
});
export type ShareReport = z.infer<typeof ShareReport>;
