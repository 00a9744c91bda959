// A file beyond the spill threshold (set to one byte here) keeps its planned rows in a temporary
// file rather than in memory; nothing a user sees changes: the same graph (nodes, props,
// sources, relationships), the same problems for every bad file, nothing written for an invalid
// file, and no temporary file left behind.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/import-file.ts';
import { layoutsFor } from '../../src/ingest/presets/index.ts';
import { SILENT } from '../../src/ingest/progress.ts';
import { validateFile } from '../../src/ingest/validate-file.ts';
import { NodeLabel, RelType } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { declarationLine, DECLARATIONS_HEADER } from '../../bench/support/generate-declarations.ts';
import { BAD } from './bad-files.ts';
import { decl, declRow, ents, snapshot, testDir, type TestDir } from './helpers.ts';

const layouts = layoutsFor('ringscope');
const SPILL = { spillMinBytes: 1 };
const IN_MEMORY = { spillMinBytes: Number.MAX_SAFE_INTEGER };

/** Everything the store holds, in a stable order. */
async function graphOf(store: GraphStore) {
  const nodes = [];
  for await (const node of store.streamNodes(NodeLabel.options)) nodes.push(node);
  const rels = [];
  for await (const rel of store.streamRels(RelType.options)) rels.push(rel);
  const key = (x: { id: string; label?: string }): string => `${x.label ?? ''}:${x.id}`;
  return {
    nodes: nodes.sort((a, b) => key(a).localeCompare(key(b))),
    rels: rels.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe('an import plan spilled to disk', () => {
  let dir: TestDir;
  let spillDir: string;
  const savedTmp = process.env.TMPDIR;

  beforeAll(async () => {
    dir = await testDir();
    // The spill's temporary directories land here, where the test can see what is left.
    spillDir = await mkdtemp(join(tmpdir(), 'ringscope-spill-test-'));
    process.env.TMPDIR = spillDir;
  });
  afterAll(async () => {
    process.env.TMPDIR = savedTmp;
    await rm(spillDir, { recursive: true, force: true });
    await dir.cleanup();
  });

  it('spills only beyond the threshold', async () => {
    const path = await dir.file('small.csv', decl(declRow()));
    const spilled = await validateFile(path, layouts, SILENT, SPILL);
    const kept = await validateFile(path, layouts, SILENT, IN_MEMORY);
    expect(spilled.plan.spilled).toBe(true);
    expect(kept.plan.spilled).toBe(false);
    spilled.plan.dispose();
    expect(await readdir(spillDir)).toEqual([]);
  });

  it('imports the same graph as in memory, registries and re-imports included', async () => {
    const registry = await dir.file(
      'registry.csv',
      ents(
        // A director named before its row, an entry arriving again with more links.
        'IM1,importer,Harbour,GB,2019-05-01,,1 Quay St,+44 1,a@x.example,GB11,P1;P2',
        'P1,person,Ann Lee,GB,,,,,,,',
        'IM1,importer,Harbour,GB,2019-05-01,,2 Dock Rd,,,,P2;P3',
        'P2,person,Bo Chan,GB,,,,,,,',
        'BR1,broker,Quick Clear,GB,,,1 Quay St,,,,',
      ),
    );
    const lines = Array.from({ length: 3_000 }, (_, i) => declarationLine(i));
    const declarations = await dir.file('declarations.csv', `${DECLARATIONS_HEADER}\n${lines.join('\n')}\n`);
    // Overlaps what is stored: identical lines and entries are kept, new links are added.
    const overlap = await dir.file(
      'overlap.csv',
      `${DECLARATIONS_HEADER}\n${[...lines.slice(0, 50), declarationLine(5_000)].join('\n')}\n`,
    );
    const registryAgain = await dir.file(
      'registry-again.csv',
      ents('IM1,importer,Harbour,GB,2019-05-01,,3 Pier Ln,,,,P1', 'P4,person,Dee Roy,GB,,,,,,,'),
    );

    const graphs = [];
    for (const options of [IN_MEMORY, SPILL]) {
      const store = await dir.store(`store-${graphs.length}.db`);
      const outcomes = [];
      for (const path of [registry, declarations, overlap, registryAgain])
        outcomes.push(await importFile(store, path, layouts, SILENT, options));
      expect(outcomes.map((o) => [o.status, o.problems])).toEqual(outcomes.map(() => ['imported', []]));
      graphs.push({
        graph: await graphOf(store),
        written: outcomes.map((o) => [o.rows, o.nodesWritten, o.relsWritten]),
      });
    }
    const [inMemory, spilled] = graphs;
    expect(inMemory?.graph.nodes.length).toBeGreaterThan(3_000);
    expect(inMemory?.graph.rels.some((r) => r.type === 'DIRECTS')).toBe(true);
    expect(spilled).toEqual(inMemory);
    expect(await readdir(spillDir)).toEqual([]);
  });

  it('reports a conflicting duplicate with the row and content of the first version', async () => {
    const path = await dir.file(
      'conflict.csv',
      decl(declRow(), declRow({ declaration_id: 'D2' }), declRow({ customs_value: '13000' })),
    );
    const store = await dir.store('conflict.db');
    const before = await snapshot(store);
    const spilled = await importFile(store, path, layouts, SILENT, SPILL);
    const kept = await importFile(store, path, layouts, SILENT, IN_MEMORY);
    expect(spilled.status).toBe('invalid');
    expect(spilled.problems).toEqual([expect.objectContaining({ row: 3, code: 'conflicting_duplicate' })]);
    expect(spilled.problems).toEqual(kept.problems);
    expect(await snapshot(store)).toEqual(before);
  });

  it('fails the import, writing nothing, when the temporary file cannot be made', async () => {
    const path = await dir.file('no-tmp.csv', decl(declRow()));
    const store = await dir.store('no-tmp.db');
    const before = await snapshot(store);
    process.env.TMPDIR = join(spillDir, 'missing');
    try {
      await expect(importFile(store, path, layouts, SILENT, SPILL)).rejects.toThrow(
        /temporary directory in .*missing \(ENOENT\); point TMPDIR at a writable directory/,
      );
    } finally {
      process.env.TMPDIR = spillDir;
    }
    expect(await snapshot(store)).toEqual(before);
  });

  it.each(BAD.map((c, i) => [c.name, c, i] as const))(
    'reports %s as in memory and writes nothing',
    async (_name, bad, i) => {
      const path = await dir.file(`bad-${i}.csv`, bad.content);
      const store = await dir.store(`bad-${i}.db`);
      const before = await snapshot(store);
      const spilled = await importFile(store, path, layouts, SILENT, SPILL);
      expect(spilled.problems.find((p) => p.code === bad.code && p.row === bad.row)).toBeDefined();
      expect(await snapshot(store)).toEqual(before);
      const kept = await importFile(store, path, layouts, SILENT, IN_MEMORY);
      expect({ ...spilled, timings: null }).toEqual({ ...kept, timings: null });
      expect(await readdir(spillDir)).toEqual([]);
    },
  );
});
