// A registry entry arriving again with the same firm fields adds the addresses, phones, e-mails,
// bank accounts and directors it names (links are additions, not conflicts), in the same file
// and against the store; its firm fields still conflict when they differ. A declaration line
// arriving again must name the same parties.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import-file.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { decl, declRow, ents, snapshot, testDir, type TestDir } from './helpers.ts';

const layouts = layoutsFor('ringscope');
const FIRM = 'IM1,importer,Harbour Trading Ltd,GB,2019-05-01,';
const firm = (address: string, phone: string, email: string, account: string, directors: string): string =>
  `${FIRM},${address},${phone},${email},${account},${directors}`;

async function linksOf(store: GraphStore, id: string): Promise<string[]> {
  const near = await store.neighbourhood({ start: { label: 'Importer', id }, hops: 1, limit: 100 });
  return near.rels.map((r) => r.id).sort();
}

let dir: TestDir;
let store: GraphStore;

beforeEach(async () => {
  dir = await testDir();
  store = await dir.store();
});
afterEach(async () => dir.cleanup());

describe('registry entries that arrive again', () => {
  it('adds the links of a repeated row in the same file', async () => {
    const path = await dir.file(
      'r.csv',
      ents(
        firm('1 Quay St', '+44 1', 'a@x.example', 'GB11', 'P1'),
        'P1,person,Ann Lee,GB,,,,,,,',
        firm('2 Dock Rd', '+44 2', 'b@x.example', 'GB22', 'P2'),
        firm('1 Quay St', '', '', '', 'P1;P2'),
      ),
    );
    const outcome = await importFile(store, path, layouts);
    expect(outcome.problems).toEqual([]);
    expect(outcome.status).toBe('imported');
    const counts = await store.counts();
    expect(counts.nodes).toMatchObject({
      Importer: 1,
      Person: 2,
      Address: 2,
      Phone: 2,
      Email: 2,
      BankAccount: 2,
    });
    expect(counts.rels).toMatchObject({
      HAS_ADDRESS: 2,
      HAS_PHONE: 2,
      HAS_EMAIL: 2,
      HAS_ACCOUNT: 2,
      DIRECTS: 2,
    });
    // Each link once, however many rows name it.
    expect(outcome.relsWritten).toBe(10);
    expect(await linksOf(store, 'IM1')).toContain('HAS_ADDRESS|Importer:IM1|Address:2 dock rd');
    const node = await store.getNode({ label: 'Importer', id: 'IM1' });
    expect(node?.source?.row).toBe(1);
  });

  it('adds only the new links of a row the store already has, and writes nothing for the same links', async () => {
    const first = await importFile(
      store,
      await dir.file('a.csv', ents(firm('1 Quay St', '+44 1', '', '', 'P1'))),
      layouts,
    );
    expect(first.status).toBe('imported');
    const before = await linksOf(store, 'IM1');
    expect(before).toHaveLength(3);

    const again = await importFile(
      store,
      await dir.file(
        'b.csv',
        ents(firm('1 Quay St', '+44 1', '', '', 'P1'), 'BR1,broker,Quick Clear,GB,2001-01-01,,,,,,'),
      ),
      layouts,
    );
    expect(again.status).toBe('imported');
    expect([again.nodesWritten, again.relsWritten]).toEqual([1, 0]);
    expect(await linksOf(store, 'IM1')).toEqual(before);

    const more = await importFile(
      store,
      await dir.file('c.csv', ents(firm('9 New St', '+44 1', 'c@x.example', 'GB33', 'P1;P9'))),
      layouts,
    );
    expect(more.problems).toEqual([]);
    expect(more.status).toBe('imported');
    // New: an address, an e-mail, an account and a director (nodes and links); the phone and P1 were there.
    expect([more.nodesWritten, more.relsWritten]).toEqual([4, 4]);
    const after = await linksOf(store, 'IM1');
    expect(after).toEqual(
      [
        ...before,
        'HAS_ADDRESS|Importer:IM1|Address:9 new st',
        'HAS_EMAIL|Importer:IM1|Email:c x example',
        'HAS_ACCOUNT|Importer:IM1|BankAccount:GB33',
        'DIRECTS|Person:P9|Importer:IM1',
      ].sort(),
    );
    expect((await store.getNode({ label: 'Importer', id: 'IM1' }))?.source?.file).toBe(first.fileHash);
  });

  it('still reports other firm fields as a conflicting duplicate, in the file and against the store', async () => {
    const inFile = await importFile(
      store,
      await dir.file(
        'a.csv',
        ents(firm('1 Quay St', '', '', '', ''), 'IM1,importer,Other Name,GB,2019-05-01,,2 Dock Rd,,,,'),
      ),
      layouts,
    );
    expect(inFile.status).toBe('invalid');
    expect(inFile.problems.map((p) => [p.row, p.code])).toEqual([[2, 'conflicting_duplicate']]);
    expect((await store.counts()).nodes).toEqual({});

    await importFile(store, await dir.file('b.csv', ents(firm('1 Quay St', '', '', '', ''))), layouts);
    const before = await snapshot(store);
    const against = await importFile(
      store,
      await dir.file('c.csv', ents('IM1,importer,Other Name,GB,2019-05-01,,2 Dock Rd,,,,')),
      layouts,
    );
    expect(against.status).toBe('invalid');
    expect(against.problems.map((p) => [p.row, p.code])).toEqual([[1, 'conflicting_duplicate']]);
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('declaration lines that arrive again', () => {
  it('reports the same line naming another party as a conflicting duplicate', async () => {
    const path = await dir.file(
      'd.csv',
      decl(declRow(), declRow(), declRow({ importer_id: 'IM2', importer_name: 'Harbour Trading Ltd' })),
    );
    const outcome = await importFile(store, path, layouts);
    expect(outcome.status).toBe('invalid');
    expect(outcome.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'declaration_id', 'conflicting_duplicate'],
    ]);
    expect(outcome.problems[0]?.message).toContain('Importer IM1 vs IM2');
    expect((await store.counts()).nodes).toEqual({});
  });
});
