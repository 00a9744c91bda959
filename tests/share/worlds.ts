// Two administrations' worlds with an overlap, for the sharing tests. The sender has a planted
// ring (firms and directors sharing bank accounts) and lawful firms; the receiver holds most of the
// same ring members under its own ids, with spelling variants of names and addresses (legal-form
// words, a typo, word order, case, street abbreviations) and the same phones and bank accounts
// written its own way, plus lawful firms present in both and firms of its own — two of which
// share one of the ring's bank accounts without being ring members.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  normaliseIdentifier,
  relId,
  type GraphNode,
  type GraphRel,
  type IdentifierLabel,
  type NodeRef,
  type PartyLabel,
  type Ring,
} from '../../src/model/index.ts';
import { openStore } from '../../src/store/open.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';

const REL = {
  Address: 'HAS_ADDRESS',
  Phone: 'HAS_PHONE',
  Email: 'HAS_EMAIL',
  BankAccount: 'HAS_ACCOUNT',
} as const;

export class WorldBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly rels: GraphRel[] = [];
  /** Every raw text written: ids, names, identifier values (what must never leave the sender). */
  readonly rawTexts = new Set<string>();

  party(label: PartyLabel, id: string, name: string): NodeRef {
    this.nodes.set(`${label}:${id}`, { label, id, props: { name, inRegistry: true }, source: null });
    this.rawTexts.add(id).add(name);
    return { label, id };
  }

  has(holder: NodeRef, label: IdentifierLabel, raw: string): void {
    const id = normaliseIdentifier(label, raw)!;
    if (!this.nodes.has(`${label}:${id}`))
      this.nodes.set(`${label}:${id}`, { label, id, props: { value: raw }, source: null });
    this.rawTexts.add(raw).add(id);
    this.rels.push({
      id: relId(REL[label], holder, { label, id }),
      type: REL[label],
      from: holder,
      to: { label, id },
      props: {},
    });
  }
}

// Ring and lawful names come from word lists; variants are made by rule, deterministically.
const RING_WORDS = [
  'Meridian',
  'Baltic',
  'Orion',
  'Harbourline',
  'Zenith',
  'Corvus',
  'Pelican',
  'Aurora',
  'Granite',
  'Falcon',
  'Cobalt',
  'Sable',
  'Vega',
  'Tundra',
];
const RING_TRADES = ['Trading', 'Logistics', 'Imports', 'Textiles', 'Electronics', 'Freight'];
const LAWFUL_A = [
  'Alder',
  'Birch',
  'Cedar',
  'Dune',
  'Elm',
  'Fjord',
  'Grove',
  'Heath',
  'Iris',
  'Juniper',
  'Kestrel',
  'Linden',
  'Maple',
  'Nettle',
  'Oak',
  'Pine',
];
const LAWFUL_B = ['Foods', 'Motors', 'Pharma', 'Paper', 'Tools', 'Glass', 'Dairy', 'Cables', 'Toys', 'Shoes'];
const FORMS = ['Ltd', 'Co Ltd', 'GmbH', 'Company Limited', 'S.A.', 'B.V.'];
const STREETS = ['Harbour Road', 'Mill Street', 'Station Avenue', 'Quay Lane', 'Canal Street', 'Park Road'];
const PEOPLE = ['Ivan Petrov', 'Maria Gonzalez', 'Chen Wei', 'Olga Sokolova', 'Ahmed Haddad', 'Lena Fischer'];

const ringName = (i: number) =>
  `${RING_WORDS[i]} ${RING_TRADES[i % RING_TRADES.length]} ${FORMS[i % FORMS.length]}`;
const lawfulName = (i: number) =>
  `${LAWFUL_A[i % LAWFUL_A.length]} ${LAWFUL_B[Math.floor(i / LAWFUL_A.length) % LAWFUL_B.length]} ${FORMS[(i + 1) % FORMS.length]}`;
const address = (i: number, base: number) =>
  `${((i * 7 + base) % 180) + 1} ${STREETS[i % STREETS.length]}, Port ${base}`;

/** A spelling of the same name as another administration writes it. */
export function nameVariant(name: string, i: number): string {
  const words = name.split(' ');
  switch (i % 5) {
    case 0:
      return name
        .replace(/\bLtd\b/, 'Limited')
        .replace(/\bCo\b/, 'Company')
        .toUpperCase();
    case 1: {
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      const cut = Math.floor(longest.length / 2);
      return name.replace(longest, longest.slice(0, cut) + longest.slice(cut + 1));
    }
    case 2:
      return [words[1], words[0], ...words.slice(2)].join(' ');
    case 3:
      return name.replace(/ (Ltd|Co Ltd|GmbH|Company Limited|S\.A\.|B\.V\.)$/, '');
    default:
      return name.toLowerCase().replace(/ /g, '  ');
  }
}

export function addressVariant(text: string, i: number): string {
  switch (i % 3) {
    case 0:
      return text.replace('Road', 'Rd.').replace('Street', 'St').replace('Avenue', 'Ave');
    case 1:
      return text.toUpperCase().replace(',', '');
    default:
      return text.replace('Harbour', 'Harbor').replace('Station', 'Statoin').replace('Canal', 'Cannal');
  }
}

const phone = (i: number) => `+44 7700 9${String(100 + i).padStart(5, '0')}`;
const phoneOther = (i: number) => `0044 7700 9${String(100 + i).padStart(5, '0')}`;
const bank = (a: number) => `GB${10 + a} NWBK 6016 1331 92${String(a).padStart(2, '0')} 19`;

export const RING_FIRMS = 14;
export const RING_PEOPLE = 4;
/** Ring members the receiver does not hold (indexes into the ring's members). */
export const ONLY_SENDER = new Set([5, 15]);
export const LAWFUL_SHARED = 40;
export const LAWFUL_OWN = 50;

export interface OverlapWorlds {
  sender: WorldBuilder;
  receiver: WorldBuilder;
  ring: Ring;
  /** Sender ring member key → receiver party key, for the members both hold. */
  truth: Map<string, string>;
  /** Sender lawful firm key → receiver key (present in both, not in the ring). */
  lawfulTruth: Map<string, string>;
}

function ringMembers(
  sender: WorldBuilder,
  receiver: WorldBuilder,
  truth: Map<string, string>,
): Ring['members'] {
  const members: Ring['members'] = [];
  for (let i = 0; i < RING_FIRMS + RING_PEOPLE; i++) {
    const person = i >= RING_FIRMS;
    const label: PartyLabel = person ? 'Person' : i === 0 ? 'Broker' : i % 4 === 3 ? 'Supplier' : 'Importer';
    const name = person ? PEOPLE[i - RING_FIRMS]! : ringName(i);
    const s = sender.party(label, person ? `P-UK-${9100 + i}` : `GB${100000000 + i * 7919}`, name);
    sender.has(s, 'Phone', phone(i));
    sender.has(s, 'Address', address(i, 11));
    if (!person) sender.has(s, 'BankAccount', bank(i % 3));
    if (i % 3 === 0)
      sender.has(s, 'Email', `desk${i}@${RING_WORDS[i % RING_WORDS.length]!.toLowerCase()}-trade.example`);
    members.push({ ...s, role: person ? 'director' : label.toLowerCase() });
    if (ONLY_SENDER.has(i)) continue;
    const r = receiver.party(
      label,
      person ? `NL-P-${4400 + i}` : `NL${800000000 + i * 104729}B01`,
      nameVariant(name, i),
    );
    // One firm changed its phone; the receiver knows it by its bank account, name and address.
    if (i !== 7) receiver.has(r, 'Phone', phoneOther(i));
    receiver.has(r, 'Address', addressVariant(address(i, 11), i));
    if (!person) receiver.has(r, 'BankAccount', bank(i % 3).replace(/ /g, ''));
    truth.set(`${s.label}:${s.id}`, `${r.label}:${r.id}`);
  }
  return members;
}

function lawful(sender: WorldBuilder, receiver: WorldBuilder, lawfulTruth: Map<string, string>): void {
  for (let i = 0; i < LAWFUL_SHARED + 2 * LAWFUL_OWN; i++) {
    const name = lawfulName(i);
    const inSender = i < LAWFUL_SHARED + LAWFUL_OWN;
    const inReceiver = i < LAWFUL_SHARED || i >= LAWFUL_SHARED + LAWFUL_OWN;
    let s: NodeRef | null = null;
    if (inSender) {
      s = sender.party('Importer', `GB${200000000 + i * 131}`, name);
      sender.has(s, 'Phone', `+49 30 555 ${String(1000 + i)}`);
      sender.has(s, 'Address', address(i, 40));
      sender.has(s, 'BankAccount', `DE${44 + (i % 50)} 5001 0517 ${String(5400000000 + i)}`);
    }
    if (inReceiver) {
      const r = receiver.party(
        'Importer',
        `NL${700000000 + i * 211}B01`,
        inSender ? nameVariant(name, i) : name,
      );
      receiver.has(r, 'Phone', `0049 30 555 ${String(1000 + i)}`);
      receiver.has(r, 'Address', inSender ? addressVariant(address(i, 40), i) : address(i, 40));
      if (s) lawfulTruth.set(`${s.label}:${s.id}`, `${r.label}:${r.id}`);
    }
  }
  // The receiver's own firms paid through one of the ring's accounts: linked, not the same firms.
  for (let j = 0; j < 2; j++) {
    const r = receiver.party(
      'Importer',
      `NL${600000000 + j}B01`,
      `Windmill ${['Bakeries', 'Bicycles'][j]} B.V.`,
    );
    receiver.has(r, 'BankAccount', bank(j));
    receiver.has(r, 'Address', `${j + 3} Dam Square, Amsterdam`);
  }
}

export function overlapWorlds(): OverlapWorlds {
  const sender = new WorldBuilder();
  const receiver = new WorldBuilder();
  const truth = new Map<string, string>();
  const lawfulTruth = new Map<string, string>();
  const members = ringMembers(sender, receiver, truth);
  lawful(sender, receiver, lawfulTruth);
  const ring: Ring = {
    id: 'R-shared_identifiers-5e1d3f0c9a7b',
    typology: 'shared_identifiers',
    score: 0.87,
    revenueAtRisk: 123456.78,
    priority: 5.3,
    explanation: `${ringName(1)} and ${RING_FIRMS - 1} other firms share 3 bank accounts`,
    members,
    indicators: [
      {
        name: 'shared_bank_account',
        value: 3,
        weight: 0.6,
        contribution: 0.52,
        description: `${ringName(2)} shares account ${bank(2)}`,
        evidence: {
          nodes: [members[0]!, members[1]!].map(({ label, id }) => ({ label, id })),
          rels: [],
          declarations: ['DECL-GB-0001/1'],
        },
      },
    ],
  };
  sender.rawTexts.add(ring.id).add('123456.78').add('DECL-GB-0001');
  return { sender, receiver, ring, truth, lawfulTruth };
}

/** An embedded store in a fresh directory holding the world (and a run with the ring, if given). */
export async function storeOf(
  world: WorldBuilder,
  ring: Ring | null,
): Promise<{ store: GraphStore; db: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-share-'));
  const db = join(dir, 'ringscope.db');
  const store = await openStore({ db });
  const session = await store.beginImport({
    fileHash: 'f'.repeat(64),
    fileName: 'world.csv',
    rows: world.nodes.size,
  });
  await session.write({ nodes: [...world.nodes.values()], rels: world.rels });
  await session.commit();
  if (ring) {
    await store.writeFindings({
      runId: 'run-share',
      startedAt: '2026-11-01T10:00:00.000Z',
      finishedAt: '2026-11-01T10:00:05.000Z',
      seed: 1,
      rings: [ring],
      parties: ring.members.map((m) => ({
        label: m.label,
        id: m.id,
        score: 0.8,
        revenueAtRisk: 1000,
        ringIds: [ring.id],
        reasons: ['ring member'],
      })),
      targets: [],
    });
  }
  return { store, db, dir };
}
