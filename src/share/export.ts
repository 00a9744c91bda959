// Building and signing a package from what collectSelection read: every identifier hashed with
// HMAC-SHA-256, names and addresses also as keyed Bloom filters, rings as typology, score, counts
// and indicator names. Member and ring references are numbers within the package; members are
// listed in an order that depends on the keyed encodings only, not on the sender's ids.
import { randomBytes, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Ring } from '../model/index.ts';
import { InputError } from '../ingest/errors.ts';
import type { RawMember, RawSelection } from './collect.ts';
import {
  BLOOM,
  bloomBits,
  bloomText,
  deriveKeys,
  hashIdentifier,
  keyCheckValue,
  type ShareKeys,
} from './encode.ts';
import {
  KIND_OF_LABEL,
  NORMALISER_VERSION,
  normaliseAddress,
  normaliseForKind,
  normaliseName,
} from './normalise.ts';
import {
  canonicalJson,
  FORMAT,
  FORMAT_VERSION,
  type SharedMember,
  type SharedRing,
  type SharePackage,
} from './package.ts';
import { publicKeyRaw, signBytes } from './signing.ts';

export interface ExportOptions {
  agreedKey: Buffer;
  signing: { privateKey: KeyObject; publicKey: KeyObject };
  sender: string;
  partner: string;
  purpose: string;
  handling: string;
  expiresAt: Date;
  now: Date;
}

/** An amount as its order of magnitude, so the figure itself cannot single out a case. */
export function magnitudeBand(amount: number): string {
  if (amount < 1) return '0';
  const exponent = Math.floor(Math.log10(amount));
  return `1e${exponent}-1e${exponent + 1}`;
}

/** A ring's indicators by name: one entry per name, how many there were and their sums. */
function sharedIndicators(ring: Ring): SharedRing['indicators'] {
  const byName = new Map<string, SharedRing['indicators'][number]>();
  for (const i of ring.indicators) {
    const name = i.name.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
    const entry = byName.get(name) ?? {
      name,
      count: 0,
      contribution: 0,
      evidenceCounts: { nodes: 0, rels: 0, declarations: 0 },
    };
    entry.count += 1;
    entry.contribution = Math.round((entry.contribution + i.contribution) * 1000) / 1000;
    entry.evidenceCounts.nodes += i.evidence.nodes.length;
    entry.evidenceCounts.rels += i.evidence.rels.length;
    entry.evidenceCounts.declarations += i.evidence.declarations.length;
    byName.set(name, entry);
  }
  return [...byName.values()];
}

function sharedRing(ring: Ring, ref: string): SharedRing {
  return {
    ref,
    typology: ring.typology,
    score: Math.round(ring.score * 1000) / 1000,
    memberCount: ring.members.length,
    revenueAtRiskBand: magnitudeBand(ring.revenueAtRisk),
    indicators: sharedIndicators(ring),
  };
}

const sortedUnique = (values: string[]): string[] => [...new Set(values)].sort();

function sharedMember(
  keys: ShareKeys,
  member: RawMember,
  ringRefs: Map<string, string>,
): Omit<SharedMember, 'ref'> {
  const identifiers: SharedMember['identifiers'] = { party: [], address: [], phone: [], email: [], bank: [] };
  const partyId = normaliseForKind('party', member.id);
  if (partyId) identifiers.party.push(hashIdentifier(keys, 'party', partyId));
  const addressBlooms: string[] = [];
  for (const identifier of member.identifiers) {
    const kind = KIND_OF_LABEL[identifier.label];
    const value = normaliseForKind(kind, identifier.value);
    if (!value) continue;
    identifiers[kind].push(hashIdentifier(keys, kind, value));
    if (kind === 'address')
      addressBlooms.push(bloomText(bloomBits(keys, 'address', normaliseAddress(identifier.value))));
  }
  const name = member.name === null ? '' : normaliseName(member.name);
  return {
    label: member.label,
    roles: sortedUnique(member.roles.map((r) => r.toLowerCase().replace(/[^a-z0-9_]+/g, '_'))),
    rings: sortedUnique(member.ringIds.map((id) => ringRefs.get(id) ?? '')).filter((r) => r !== ''),
    identifiers: {
      party: sortedUnique(identifiers.party),
      address: sortedUnique(identifiers.address),
      phone: sortedUnique(identifiers.phone),
      email: sortedUnique(identifiers.email),
      bank: sortedUnique(identifiers.bank),
    },
    nameBloom: name === '' ? null : bloomText(bloomBits(keys, 'name', name)),
    addressBlooms: sortedUnique(addressBlooms),
  };
}

/** The unsigned package for one partner, with a fresh per-exchange salt. */
export function encodePackage(
  raw: RawSelection,
  options: ExportOptions,
  salt = randomBytes(16),
): SharePackage {
  if (options.expiresAt.getTime() <= options.now.getTime())
    throw new InputError(`--expires ${options.expiresAt.toISOString()} is not in the future`, []);
  const keys = deriveKeys(options.agreedKey, salt);
  const ringRefs = new Map(raw.rings.map((r, i) => [r.id, `ring-${i + 1}`]));
  const members = raw.members
    .map((m) => sharedMember(keys, m, ringRefs))
    .sort((a, b) => {
      const ka = canonicalJson(a);
      const kb = canonicalJson(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    })
    .map((m, i) => ({ ref: `m-${i + 1}`, ...m }));
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    id: randomUUID(),
    sender: options.sender,
    partner: options.partner,
    purpose: options.purpose,
    handling: options.handling,
    createdAt: options.now.toISOString(),
    expiresAt: options.expiresAt.toISOString(),
    salt: salt.toString('base64url'),
    keyCheck: keyCheckValue(keys),
    encoding: {
      normaliser: NORMALISER_VERSION,
      bloomBits: BLOOM.bits,
      bloomHashes: BLOOM.hashes,
      q: BLOOM.q,
    },
    selection: raw.selection,
    rings: raw.rings.map((r) => sharedRing(r, ringRefs.get(r.id)!)),
    members,
  };
}

/** The package signed, as the file's text (one line of canonical JSON). */
export function signPackage(pkg: SharePackage, signing: ExportOptions['signing']): string {
  const signature = {
    algorithm: 'Ed25519' as const,
    publicKey: publicKeyRaw(signing.publicKey),
    value: signBytes(signing.privateKey, Buffer.from(canonicalJson(pkg))),
  };
  return `${canonicalJson({ package: pkg, signature })}\n`;
}
