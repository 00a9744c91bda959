// The receiver's own parties, encoded the way a package encodes the sender's: under the keys the
// package's salt and the agreed key derive, so equal values meet as equal hashes and near
// spellings as similar Bloom filters. Nothing of the receiver's leaves the machine.
import type { GraphStore } from '../store/graph-store.ts';
import {
  IDENTIFIER_LABELS,
  IDENTIFIER_REL,
  type IdentifierLabel,
  isIdentifierLabel,
  nodeKey,
  PARTY_LABELS,
  type PartyLabel,
} from '../model/index.ts';
import { bloomBits, type Filter, filterOf, hashIdentifier, type ShareKeys } from './encode.ts';
import {
  type IdentifierKind,
  KIND_OF_LABEL,
  normaliseAddress,
  normaliseForKind,
  normaliseName,
} from './normalise.ts';

export interface EncodedParty {
  label: PartyLabel;
  id: string;
  name: string | null;
  hashes: { kind: IdentifierKind; hash: string }[];
  nameBloom: Filter | null;
  addressBlooms: Filter[];
}

type Reader = Pick<GraphStore, 'streamNodes' | 'streamRels'>;

/** Every party of the receiver's store with its identifiers, raw. */
async function readParties(store: Reader) {
  const parties = new Map<
    string,
    {
      label: PartyLabel;
      id: string;
      name: string | null;
      identifiers: { label: IdentifierLabel; value: string }[];
    }
  >();
  for await (const node of store.streamNodes(PARTY_LABELS)) {
    const name = typeof node.props.name === 'string' ? node.props.name : null;
    parties.set(nodeKey(node), { label: node.label as PartyLabel, id: node.id, name, identifiers: [] });
  }
  for await (const rel of store.streamRels(IDENTIFIER_LABELS.map((l) => IDENTIFIER_REL[l]))) {
    const party = parties.get(nodeKey(rel.from));
    if (party && isIdentifierLabel(rel.to.label))
      party.identifiers.push({ label: rel.to.label, value: rel.to.id });
  }
  return [...parties.values()];
}

/** The receiver's parties encoded under the package's keys. */
export async function encodeReceiverParties(store: Reader, keys: ShareKeys): Promise<EncodedParty[]> {
  const encoded: EncodedParty[] = [];
  // Many parties share an address: each is encoded once.
  const addresses = new Map<string, Filter>();
  const addressFilter = (value: string): Filter => {
    let filter = addresses.get(value);
    if (!filter) addresses.set(value, (filter = filterOf(bloomBits(keys, 'address', value))));
    return filter;
  };
  for (const party of await readParties(store)) {
    const hashes: EncodedParty['hashes'] = [];
    const partyId = normaliseForKind('party', party.id);
    if (partyId) hashes.push({ kind: 'party', hash: hashIdentifier(keys, 'party', partyId) });
    const addressBlooms: Filter[] = [];
    for (const identifier of party.identifiers) {
      const kind = KIND_OF_LABEL[identifier.label];
      const value = normaliseForKind(kind, identifier.value);
      if (!value) continue;
      hashes.push({ kind, hash: hashIdentifier(keys, kind, value) });
      if (kind === 'address') addressBlooms.push(addressFilter(normaliseAddress(identifier.value)));
    }
    const name = party.name === null ? '' : normaliseName(party.name);
    encoded.push({
      label: party.label,
      id: party.id,
      name: party.name,
      hashes,
      nameBloom: name === '' ? null : filterOf(bloomBits(keys, 'name', name)),
      addressBlooms,
    });
  }
  return encoded;
}
