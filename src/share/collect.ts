// What the sender's store holds about the parties it shares, raw, before encoding: the ring (or
// the suspects above a score) with its indicators, and each member's id, name and identifiers.
// This never leaves the machine; encodePackage turns it into hashes and Bloom filters.
import type { IdentifierLabel, NodeLabel, PartyLabel, Ring } from '../model/index.ts';
import { IDENTIFIER_LABELS, isIdentifierLabel, isPartyLabel, nodeKey } from '../model/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { InputError } from '../ingest/errors.ts';

export interface RawMember {
  label: PartyLabel;
  id: string;
  name: string | null;
  roles: string[];
  /** Sender ring ids this member belongs to. */
  ringIds: string[];
  identifiers: { label: IdentifierLabel; value: string }[];
}

export interface RawSelection {
  /** What was selected, in words the package states (`ring`, `suspects min-score 0.5`). */
  selection: string;
  rings: Ring[];
  members: RawMember[];
}

export type Selection = { ring: string } | { suspectsMinScore: number };

type Reader = Pick<GraphStore, 'getRing' | 'listPartyRisks' | 'getNodes' | 'neighbourhood' | 'lastRun'>;

/** Most identifier nodes read per member: a firm with more is a hub, not a ring member's own. */
const IDENTIFIERS_PER_MEMBER = 200;

async function identifiersOf(store: Reader, label: NodeLabel, id: string): Promise<RawMember['identifiers']> {
  const around = await store.neighbourhood({
    start: { label, id },
    hops: 1,
    labels: [...IDENTIFIER_LABELS],
    limit: IDENTIFIERS_PER_MEMBER + 1,
  });
  return around.nodes
    .filter((n) => isIdentifierLabel(n.label))
    .map((n) => ({ label: n.label as IdentifierLabel, value: n.id }));
}

async function ringsFor(store: Reader, selection: Selection): Promise<{ rings: Ring[]; text: string }> {
  if ((await store.lastRun()) === null)
    throw new InputError('no detection run in this store: run `ringscope detect` first', []);
  if ('ring' in selection) {
    const ring = await store.getRing(selection.ring);
    if (!ring) throw new InputError(`--ring ${selection.ring}: no such ring in the last detection run`, []);
    return { rings: [ring], text: 'ring' };
  }
  const parties = await store.listPartyRisks({ minScore: selection.suspectsMinScore });
  const ids = [...new Set(parties.flatMap((p) => p.ringIds))].sort();
  const rings: Ring[] = [];
  for (const id of ids) {
    const ring = await store.getRing(id);
    if (ring && ring.members.some((m) => parties.some((p) => p.label === m.label && p.id === m.id)))
      rings.push(ring);
  }
  if (rings.length === 0)
    throw new InputError(`--suspects: no ring member scores at least ${selection.suspectsMinScore}`, []);
  return { rings, text: `suspects with score at least ${selection.suspectsMinScore}` };
}

/** The selected rings and their members, with names and identifiers read from the store. */
export async function collectSelection(store: Reader, selection: Selection): Promise<RawSelection> {
  const { rings, text } = await ringsFor(store, selection);
  const byKey = new Map<string, RawMember>();
  for (const ring of rings) {
    for (const m of ring.members) {
      if (!isPartyLabel(m.label)) continue;
      const key = nodeKey(m);
      const member = byKey.get(key) ?? {
        label: m.label,
        id: m.id,
        name: null,
        roles: [],
        ringIds: [],
        identifiers: [],
      };
      if (!member.roles.includes(m.role)) member.roles.push(m.role);
      member.ringIds.push(ring.id);
      byKey.set(key, member);
    }
  }
  const members = [...byKey.values()];
  const nodes = await store.getNodes(members.map((m) => ({ label: m.label, id: m.id })));
  const names = new Map(
    nodes.map((n) => [nodeKey(n), typeof n.props.name === 'string' ? n.props.name : null]),
  );
  for (const member of members) {
    member.name = names.get(nodeKey(member)) ?? null;
    member.identifiers = await identifiersOf(store, member.label, member.id);
  }
  return { selection: text, rings, members };
}
