// Which of the receiver's parties are the package's members. Each (member, party) pair adds up
// evidence in bits, in the Fellegi–Sunter manner with hand-set weights (roughly log2 of how much
// likelier the agreement is for the same firm than for two others): an exact keyed-hash match on
// an identifier, Dice similarity of the name and address Bloom filters, a firm against a person.
// An identifier several members (or several of the receiver's parties) hold says less about which
// one it is, so its weight drops by log2 of how many hold it. A pair matches when the evidence
// outweighs the prior (PRIOR_BITS); its confidence is the posterior 1 / (1 + 2^(PRIOR - total)).
import type { PartyLabel } from '../model/index.ts';
import { bloomFromText, diceOf, type Filter, filterOf } from './encode.ts';
import type { IdentifierKind } from './normalise.ts';
import type { SharedMember } from './package.ts';
import type { EncodedParty } from './receiver.ts';

export const MATCH_WEIGHTS = {
  identifier: { party: 12, bank: 7, email: 7, phone: 6, address: 3 } satisfies Record<IdentifierKind, number>,
  name: [
    { atLeast: 0.9, bits: 8 },
    { atLeast: 0.8, bits: 6 },
    { atLeast: 0.7, bits: 3 },
    { atLeast: 0.5, bits: 0 },
    { atLeast: 0, bits: -6 },
  ],
  addressSimilar: { atLeast: 0.85, bits: 2 },
  personAgainstFirm: -8,
} as const;

/** Prior odds of a pair being the same party, in bits: evidence must outweigh it to match. */
export const PRIOR_BITS = 8;

export interface PartyMatch {
  party: { label: PartyLabel; id: string; name: string | null };
  member: string;
  rings: string[];
  confidence: number;
  bits: number;
  evidence: string[];
}

const KIND_WORDS: Record<IdentifierKind, string> = {
  party: 'company or person id',
  bank: 'bank account',
  email: 'e-mail',
  phone: 'phone',
  address: 'address (exact)',
};

const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

interface DecodedMember {
  member: SharedMember;
  hashes: Map<string, IdentifierKind>;
  nameBloom: Filter | null;
  addressBlooms: Filter[];
}

function holders(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

type Shared = { members: Map<string, number>; parties: Map<string, number> };

const spreadOf = (hash: string, shared: Shared): number =>
  Math.log2(shared.members.get(hash) ?? 1) + Math.log2(shared.parties.get(hash) ?? 1);

/** The most bits a pair can reach, cheaply (no address comparison, no words): most pairs stop here. */
function upperBound(m: DecodedMember, p: EncodedParty, shared: Shared): number {
  let bits = MATCH_WEIGHTS.addressSimilar.bits;
  for (const { kind, hash } of p.hashes)
    if (m.hashes.get(hash) === kind) bits += MATCH_WEIGHTS.identifier[kind] - spreadOf(hash, shared);
  if (m.nameBloom && p.nameBloom) {
    const d = diceOf(m.nameBloom, p.nameBloom);
    bits += MATCH_WEIGHTS.name.find((s) => d >= s.atLeast)!.bits;
  }
  if ((m.member.label === 'Person') !== (p.label === 'Person')) bits += MATCH_WEIGHTS.personAgainstFirm;
  return bits;
}

function pairEvidence(
  m: DecodedMember,
  p: EncodedParty,
  shared: Shared,
): { bits: number; evidence: string[] } {
  let bits = 0;
  const evidence: string[] = [];
  for (const { kind, hash } of p.hashes) {
    if (m.hashes.get(hash) !== kind) continue;
    const spread = spreadOf(hash, shared);
    bits += MATCH_WEIGHTS.identifier[kind] - spread;
    const held = `held by ${shared.members.get(hash) ?? 1} of the package's members, ${shared.parties.get(hash) ?? 1} of yours`;
    evidence.push(`same ${KIND_WORDS[kind]}${spread > 0 ? ` (${held})` : ''}`);
  }
  if (m.nameBloom && p.nameBloom) {
    const d = diceOf(m.nameBloom, p.nameBloom);
    const step = MATCH_WEIGHTS.name.find((s) => d >= s.atLeast)!;
    bits += step.bits;
    evidence.push(`names ${round(d)} similar`);
  }
  const exactAddress = evidence.some((e) => e.startsWith('same address'));
  if (!exactAddress && m.addressBlooms.length > 0 && p.addressBlooms.length > 0) {
    const best = Math.max(...m.addressBlooms.flatMap((a) => p.addressBlooms.map((b) => diceOf(a, b))));
    if (best >= MATCH_WEIGHTS.addressSimilar.atLeast) {
      bits += MATCH_WEIGHTS.addressSimilar.bits;
      evidence.push(`addresses ${round(best)} similar`);
    }
  }
  if ((m.member.label === 'Person') !== (p.label === 'Person')) {
    bits += MATCH_WEIGHTS.personAgainstFirm;
    evidence.push('a person against a firm');
  }
  return { bits, evidence };
}

function decode(member: SharedMember): DecodedMember {
  const hashes = new Map<string, IdentifierKind>();
  for (const [kind, list] of Object.entries(member.identifiers) as [IdentifierKind, string[]][])
    for (const hash of list) hashes.set(hash, kind);
  return {
    member,
    hashes,
    nameBloom: member.nameBloom === null ? null : filterOf(bloomFromText(member.nameBloom)),
    addressBlooms: member.addressBlooms.map((b) => filterOf(bloomFromText(b))),
  };
}

/** Each of the receiver's parties that matches a member, with its best member; best first. */
export function matchParties(
  members: SharedMember[],
  parties: EncodedParty[],
  minConfidence = 0.5,
): PartyMatch[] {
  const decoded = members.map(decode);
  const shared = {
    members: holders(decoded.flatMap((m) => [...m.hashes.keys()])),
    parties: holders(parties.flatMap((p) => [...new Set(p.hashes.map((h) => h.hash))])),
  };
  const matches: PartyMatch[] = [];
  for (const party of parties) {
    let best: PartyMatch | null = null;
    for (const m of decoded) {
      if (upperBound(m, party, shared) <= PRIOR_BITS) continue;
      const { bits, evidence } = pairEvidence(m, party, shared);
      const confidence = 1 / (1 + 2 ** (PRIOR_BITS - bits));
      if (bits <= PRIOR_BITS || confidence < minConfidence || (best && bits <= best.bits)) continue;
      best = {
        party: { label: party.label, id: party.id, name: party.name },
        member: m.member.ref,
        rings: m.member.rings,
        confidence: round(confidence, 4),
        bits: round(bits),
        evidence,
      };
    }
    if (best) matches.push(best);
  }
  return matches.sort(
    (a, b) => b.bits - a.bits || (a.party.id < b.party.id ? -1 : a.party.id > b.party.id ? 1 : 0),
  );
}
