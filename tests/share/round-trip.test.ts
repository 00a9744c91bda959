// Sharing a ring between two administrations whose worlds overlap: the receiver finds the ring
// members it holds (under its own ids and spellings) and nothing else, and the package carries
// no raw identifier, name, id or amount of the sender's world.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSelection } from '../../src/share/collect.ts';
import { encodePackage } from '../../src/share/export.ts';
import { exportShare, importShare, type ImportReport } from '../../src/share/index.ts';
import { canonicalJson, type SharePackage } from '../../src/share/package.ts';
import { deriveKeys } from '../../src/share/encode.ts';
import { matchParties } from '../../src/share/match.ts';
import { encodeReceiverParties } from '../../src/share/receiver.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { overlapWorlds, storeOf, type OverlapWorlds } from './worlds.ts';

const AGREED = Buffer.from('c0ffee'.repeat(4) + '9a7b3c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b');
const NOW = new Date('2026-12-01T12:00:00Z');
const signing = generateKeyPairSync('ed25519');

let worlds: OverlapWorlds;
let sender: GraphStore;
let receiver: GraphStore;
let text: string;
let pkg: SharePackage;
let report: ImportReport;

beforeAll(async () => {
  worlds = overlapWorlds();
  sender = (await storeOf(worlds.sender, worlds.ring)).store;
  receiver = (await storeOf(worlds.receiver, null)).store;
  const shared = await exportShare(
    sender,
    { ring: worlds.ring.id },
    {
      agreedKey: AGREED,
      signing,
      sender: 'HMRC test desk',
      partner: 'Douane test desk',
      purpose: 'joint investigation of a shared-account ring',
      handling: 'TLP:AMBER',
      expiresAt: new Date('2027-01-31T23:59:59Z'),
      now: NOW,
    },
  );
  ({ text, pkg } = shared);
  report = await importShare(receiver, 'pkg.json', Buffer.from(text), {
    trusted: signing.publicKey,
    agreedKey: AGREED,
    now: NOW,
  });
});

afterAll(async () => {
  await sender.close();
  await receiver.close();
});

/** Package member ref → sender member key, by encoding each member alone under the same salt. */
async function refsOfMembers(): Promise<Map<string, string>> {
  const raw = await collectSelection(sender, { ring: worlds.ring.id });
  const salt = Buffer.from(pkg.salt, 'base64url');
  const options = {
    agreedKey: AGREED,
    signing,
    sender: 's',
    partner: 'p',
    purpose: 'p',
    handling: 'h',
    expiresAt: new Date('2027-01-01'),
    now: NOW,
  };
  const refs = new Map<string, string>();
  for (const member of raw.members) {
    const { ref: _ref, ...alone } = encodePackage({ ...raw, members: [member] }, options, salt).members[0]!;
    const found = pkg.members.find(({ ref: _r, ...m }) => canonicalJson(m) === canonicalJson(alone));
    refs.set(found!.ref, `${member.label}:${member.id}`);
  }
  return refs;
}

describe('share round trip on two overlapping worlds', () => {
  it('finds the ring members the receiver holds: recall ≥ 0.90, precision ≥ 0.95, pair by pair', async () => {
    const refs = await refsOfMembers();
    const reported = report.matches.map((m) => ({
      member: refs.get(m.member)!,
      party: `${m.party.label}:${m.party.id}`,
    }));
    const correct = reported.filter((r) => worlds.truth.get(r.member) === r.party).length;
    const recall = correct / worlds.truth.size;
    const precision = correct / reported.length;
    console.log(
      `share round trip: ${correct} correct of ${reported.length} reported, ${worlds.truth.size} to find; recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
    );
    expect(worlds.truth.size).toBe(16);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    const lawful = new Set(worlds.lawfulTruth.values());
    expect(reported.filter((r) => lawful.has(r.party))).toEqual([]);
  });

  it('needs the Bloom filters: keyed hashes of identifiers alone miss the firm that changed its phone and a director known by phone and a similar address', async () => {
    const refs = await refsOfMembers();
    const hashesOnly = pkg.members.map((m) => ({ ...m, nameBloom: null, addressBlooms: [] }));
    const parties = await encodeReceiverParties(
      receiver,
      deriveKeys(AGREED, Buffer.from(pkg.salt, 'base64url')),
    );
    const reported = matchParties(hashesOnly, parties).map((m) => ({
      member: refs.get(m.member)!,
      party: `${m.party.label}:${m.party.id}`,
    }));
    const correct = reported.filter((r) => worlds.truth.get(r.member) === r.party).length;
    console.log(
      `identifier hashes only: ${correct} correct of ${reported.length} reported, ${worlds.truth.size} to find`,
    );
    expect({ correct, reported: reported.length }).toEqual({ correct: 14, reported: 14 });
    const found = new Set(reported.map((r) => r.party));
    expect([...worlds.truth.values()].filter((p) => !found.has(p))).toEqual([
      'Supplier:NL800733103B01',
      'Person:NL-P-4414',
    ]);
  });

  it('reports the ring as typology, score, counts and indicator names, and each match with its evidence', () => {
    expect(report.rings).toEqual([
      {
        ref: 'ring-1',
        typology: 'shared_identifiers',
        score: 0.87,
        memberCount: 18,
        revenueAtRiskBand: '1e5-1e6',
        indicators: [
          {
            name: 'shared_bank_account',
            count: 1,
            contribution: 0.52,
            evidenceCounts: { nodes: 2, rels: 0, declarations: 1 },
          },
        ],
      },
    ]);
    expect(report.members).toBe(18);
    expect(report).toMatchObject({
      sender: 'HMRC test desk',
      purpose: 'joint investigation of a shared-account ring',
      handling: 'TLP:AMBER',
    });
    const phoneAndName = report.matches.find((m) => m.party.id === 'NL800000000B01')!;
    expect(phoneAndName.evidence).toContain('same phone');
    expect(phoneAndName.evidence.some((e) => /^names 0\.\d+ similar$|^names 1 similar$/.test(e))).toBe(true);
    expect(phoneAndName.confidence).toBeGreaterThan(0.99);
  });

  it('leaves out every raw identifier, name, id and amount of the sender world, in text and decoded bytes', async () => {
    const decoded = Buffer.concat(
      [...text.matchAll(/"([A-Za-z0-9_-]{16,})"/g)].map((m) => Buffer.from(m[1]!, 'base64url')),
    )
      .toString('latin1')
      .toLowerCase();
    const haystacks = [text.toLowerCase(), decoded];
    const needles = [...worlds.sender.rawTexts].map((t) => t.toLowerCase()).filter((t) => t.length >= 4);
    expect(needles.length).toBeGreaterThan(600);
    const leaks = needles.filter((n) => haystacks.some((h) => h.includes(n)));
    expect(leaks).toEqual([]);
    // The same scan finds them in the raw selection: it would catch a package that carried them.
    const raw = JSON.stringify(await collectSelection(sender, { ring: worlds.ring.id })).toLowerCase();
    expect(needles.filter((n) => raw.includes(n)).length).toBeGreaterThan(50);
  });
});
