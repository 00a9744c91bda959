// What the sender's store holds about the parties it shares, raw, before encoding: the ring (or
// the suspects above a score) with its indicators, and each member's id, name and identifiers.
// This never leaves the machine; encodePackage turns it into hashes and Bloom filters.
import type { IdentifierLabel, NodeLabel, NodeRef, PartyLabel, Ring } from '../model/index.ts';
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

/**
 * One ring; every ring with a member scoring at least a score; or chosen parties (a case's
 * entities, a list of suspects) with the rings of the last run that hold them, and `rings` besides
 * (a case's pinned rings). `text` says in the package what was chosen (`case`, `suspects`).
 */
export type Selection =
  { ring: string } | { suspectsMinScore: number } | { members: NodeRef[]; rings?: string[]; text: string };

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

/** The chosen parties' rings of the last run (none without a run), and the rings named besides. */
async function ringsOfMembers(store: Reader, members: NodeRef[], named: string[]): Promise<Ring[]> {
  if ((await store.lastRun()) === null) return [];
  const wanted = new Set(members.map(nodeKey));
  const parties = await store.listPartyRisks({});
  const ids = new Set(named);
  for (const p of parties) if (wanted.has(nodeKey(p))) for (const id of p.ringIds) ids.add(id);
  const rings: Ring[] = [];
  for (const id of [...ids].sort()) {
    const ring = await store.getRing(id);
    if (ring) rings.push(ring);
  }
  return rings;
}

async function ringsFor(store: Reader, selection: Selection): Promise<{ rings: Ring[]; text: string }> {
  if ('members' in selection)
    return {
      rings: await ringsOfMembers(store, selection.members, selection.rings ?? []),
      text: selection.text,
    };
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

const blankMember = (label: PartyLabel, id: string): RawMember => ({
  label,
  id,
  name: null,
  roles: [],
  ringIds: [],
  identifiers: [],
});

/** The rings' party members; with `chosen`, those parties only, each with its rings among `rings`. */
function membersOf(rings: Ring[], chosen: NodeRef[] | null): RawMember[] {
  const byKey = new Map<string, RawMember>();
  for (const c of chosen ?? []) if (isPartyLabel(c.label)) byKey.set(nodeKey(c), blankMember(c.label, c.id));
  for (const ring of rings) {
    for (const m of ring.members) {
      if (!isPartyLabel(m.label)) continue;
      const key = nodeKey(m);
      if (chosen !== null && !byKey.has(key)) continue;
      const member = byKey.get(key) ?? blankMember(m.label, m.id);
      if (!member.roles.includes(m.role)) member.roles.push(m.role);
      if (!member.ringIds.includes(ring.id)) member.ringIds.push(ring.id);
      byKey.set(key, member);
    }
  }
  return [...byKey.values()];
}

/** The selected rings and their members, with names and identifiers read from the store. */
export async function collectSelection(store: Reader, selection: Selection): Promise<RawSelection> {
  const { rings, text } = await ringsFor(store, selection);
  const chosen = 'members' in selection ? selection.members : null;
  let members = membersOf(rings, chosen);
  const nodes = await store.getNodes(members.map((m) => ({ label: m.label, id: m.id })));
  const names = new Map(
    nodes.map((n) => [nodeKey(n), typeof n.props.name === 'string' ? n.props.name : null]),
  );
  if (chosen !== null) {
    // Chosen entities no longer in the store (a case outlives a re-import) are left out.
    members = members.filter((m) => names.has(nodeKey(m)));
    if (members.length === 0)
      throw new InputError(`${text}: none of its entities is a party (firm or person) in the store`, []);
  }
  for (const member of members) {
    member.name = names.get(nodeKey(member)) ?? null;
    member.identifiers = await identifiersOf(store, member.label, member.id);
  }
  return { selection: text, rings, members };
}
