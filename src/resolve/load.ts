// Reads the parties entity resolution compares from a store: every firm and person with its
// name and country, and the normalised identifiers and directors it is linked to.
import { PARTY_LABELS, isPartyLabel, nodeKey, type RelType } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { PartyRecord } from './records.ts';

const FIELD_OF: Partial<Record<RelType, 'addresses' | 'phones' | 'emails' | 'accounts'>> = {
  HAS_ADDRESS: 'addresses',
  HAS_PHONE: 'phones',
  HAS_EMAIL: 'emails',
  HAS_ACCOUNT: 'accounts',
};

export async function loadParties(store: GraphStore): Promise<PartyRecord[]> {
  const byKey = new Map<string, PartyRecord>();
  for await (const node of store.streamNodes(PARTY_LABELS)) {
    if (!isPartyLabel(node.label)) continue;
    const name = node.props.name;
    const country = node.props.country;
    const { registeredOn, closedOn } = node.props;
    byKey.set(nodeKey(node), {
      label: node.label,
      id: node.id,
      name: typeof name === 'string' ? name : '',
      country: typeof country === 'string' ? country : null,
      addresses: [],
      phones: [],
      emails: [],
      accounts: [],
      directors: [],
      registeredOn: typeof registeredOn === 'string' ? registeredOn : null,
      closedOn: typeof closedOn === 'string' ? closedOn : null,
    });
  }
  const types: RelType[] = ['HAS_ADDRESS', 'HAS_PHONE', 'HAS_EMAIL', 'HAS_ACCOUNT', 'DIRECTS'];
  for await (const rel of store.streamRels(types)) {
    if (rel.type === 'DIRECTS') {
      byKey.get(nodeKey(rel.to))?.directors.push(rel.from.id);
      byKey.get(nodeKey(rel.from))?.directors.push(rel.to.id);
      continue;
    }
    const field = FIELD_OF[rel.type];
    if (field) byKey.get(nodeKey(rel.from))?.[field].push(rel.to.id);
  }
  // Sorted: the same store gives the same candidates whatever order the adapter streams in.
  const records = [...byKey.values()];
  for (const r of records)
    for (const list of [r.addresses, r.phones, r.emails, r.accounts, r.directors]) list.sort();
  return records;
}
