// The share package: what one administration sends one partner, signed. The file is one line of
// canonical JSON (keys sorted, no spaces) `{"package":{…},"signature":{…}}`; the signature is
// Ed25519 over the canonical bytes of `package`. A reader re-serialises what it parsed and
// refuses a file that is not byte for byte that form, so no byte can change unnoticed.
import { z } from 'zod';
import { Typology } from '../model/index.ts';

export const FORMAT = 'ringscope-share';
export const FORMAT_VERSION = 1;

const Hash = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const Bloom = z.string().regex(/^[A-Za-z0-9_-]{171}$/);

export const SharedIndicator = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]+$/),
  /** How many indicators of this name the ring has (corroborating leads come one per party). */
  count: z.number().int().positive(),
  /** Their share of the ring's score, summed. */
  contribution: z.number(),
  /** How many nodes, relationships and declaration lines its evidence names. */
  evidenceCounts: z.strictObject({
    nodes: z.number().int(),
    rels: z.number().int(),
    declarations: z.number().int(),
  }),
});

export const SharedRing = z.strictObject({
  /** A reference inside this package only (`ring-1`), not the sender's ring id. */
  ref: z.string(),
  typology: Typology,
  score: z.number().min(0).max(1),
  memberCount: z.number().int().positive(),
  /** Revenue at risk as an order of magnitude (`1e4-1e5`), not the amount. */
  revenueAtRiskBand: z.string(),
  indicators: z.array(SharedIndicator),
});
export type SharedRing = z.infer<typeof SharedRing>;

export const SharedMember = z.strictObject({
  /** A reference inside this package only (`m-1`). */
  ref: z.string(),
  label: z.enum(['Importer', 'Consignee', 'Broker', 'Supplier', 'Person']),
  roles: z.array(z.string().regex(/^[a-z0-9_]+$/)),
  rings: z.array(z.string()),
  /** Keyed hashes of the normalised identifiers, by kind. */
  identifiers: z.strictObject({
    party: z.array(Hash),
    address: z.array(Hash),
    phone: z.array(Hash),
    email: z.array(Hash),
    bank: z.array(Hash),
  }),
  /** Keyed Bloom filters of the name's and each address's bigrams. */
  nameBloom: Bloom.nullable(),
  addressBlooms: z.array(Bloom),
});
export type SharedMember = z.infer<typeof SharedMember>;

export const SharePackage = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  id: z.string().uuid(),
  sender: z.string().min(1),
  partner: z.string().min(1),
  purpose: z.string().min(1),
  handling: z.string().min(1),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Per-exchange random salt (base64url) the keys are derived with. */
  salt: z.string().regex(/^[A-Za-z0-9_-]{22,}$/),
  /** HMAC under a key derived from the agreed key: the receiver checks it holds the same key. */
  keyCheck: Hash,
  encoding: z.strictObject({
    normaliser: z.number().int(),
    bloomBits: z.number().int(),
    bloomHashes: z.number().int(),
    q: z.number().int(),
  }),
  selection: z.string(),
  rings: z.array(SharedRing),
  members: z.array(SharedMember),
});
export type SharePackage = z.infer<typeof SharePackage>;

export const Signature = z.strictObject({
  algorithm: z.literal('Ed25519'),
  /** The signer's raw public key, base64url. */
  publicKey: z.string(),
  value: z.string(),
});
export type Signature = z.infer<typeof Signature>;

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
