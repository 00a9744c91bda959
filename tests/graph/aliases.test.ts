import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aliasMap } from '../../src/graph/aliases.ts';
import { projectDetectionView } from '../../src/graph/projection.ts';
import type { DetectionView } from '../../src/graph/view.ts';
import { nodeKey } from '../../src/model/index.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { resolveLinkId } from '../../src/store/resolve-links.ts';
import { IDS, loadFixture, ref } from '../store/fixture.ts';

const TRADING = nodeKey(IDS.acmeTrading);
const IMPORTS = nodeKey(IDS.acmeImports);
const at = '2026-12-07T23:00:00.000Z';

/** The party each line's importer column names, in line order. */
function importers(view: DetectionView): string[] {
  return [...view.lines.importer].map((i) => view.lines.partyKeys[i] ?? '');
}

/** The graph as plain data: nodes with attributes, edges by their ends (edge keys are generated). */
function shape(view: DetectionView) {
  const nodes = view.graph
    .mapNodes((key, attrs) => [key, attrs] as const)
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const edges = view.graph
    .mapEdges((_, attrs, source, target) => [[source, target].sort().join(' ~ '), attrs] as const)
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return { nodes, edges };
}

function neighbours(view: DetectionView, key: string): string[] {
  return view.graph.hasNode(key) ? view.graph.neighbors(key).sort() : [];
}

describe('aliasMap', () => {
  it('maps each party of a group of accepted pairs to the smallest key of the group', () => {
    const map = aliasMap([
      [ref('Importer', 'B'), ref('Importer', 'C')],
      [ref('Importer', 'A'), ref('Importer', 'C')],
      [ref('Person', 'P2'), ref('Person', 'P1')],
    ]);
    expect([...map].sort()).toEqual([
      ['Importer:B', 'Importer:A'],
      ['Importer:C', 'Importer:A'],
      ['Person:P2', 'Person:P1'],
    ]);
    expect(aliasMap([]).size).toBe(0);
  });

  it('refuses a pair of two labels', () => {
    expect(() => aliasMap([[ref('Importer', 'A'), ref('Broker', 'A')]])).toThrow(
      /SAME_AS pair Importer:A ~ Broker:A joins two labels/,
    );
  });
});

describe('projection of accepted SAME_AS pairs', () => {
  let dir: string;
  let store: GraphStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ringscope-aliases-'));
    store = await openEmbeddedStore(join(dir, 'store.db'));
    await store.init();
    await loadFixture(store);
    await store.writeResolveCandidates([
      {
        a: IDS.acmeTrading,
        b: IDS.acmeImports,
        aName: 'ACME',
        bName: 'Acme',
        score: 0.95,
        weight: 4,
        evidence: [],
      },
    ]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('joins the pair’s links and lines once accepted, and restores both when rejected', async () => {
    const before = await projectDetectionView(store);
    expect(before.graph.hasNode(IMPORTS)).toBe(true);
    const importsLines = importers(before).filter((k) => k === IMPORTS).length;
    expect(importsLines).toBeGreaterThan(0);
    const id = resolveLinkId(IDS.acmeTrading, IDS.acmeImports);

    await store.reviewResolveLink(id, { decision: 'accepted', by: 'ines', at });
    const joined = await projectDetectionView(store);
    expect(joined.graph.hasNode(IMPORTS)).toBe(false);
    expect(joined.graph.order).toBe(before.graph.order - 1);
    const expected = [...new Set([...neighbours(before, TRADING), ...neighbours(before, IMPORTS)])]
      .filter((k) => k !== TRADING && k !== IMPORTS)
      .sort();
    expect(neighbours(joined, TRADING)).toEqual(expected);
    expect(importers(joined).filter((k) => k === IMPORTS)).toEqual([]);
    expect(importers(joined).filter((k) => k === TRADING).length).toBe(
      importers(before).filter((k) => k === TRADING).length + importsLines,
    );

    await store.reviewResolveLink(id, { decision: 'rejected', by: 'omar', at });
    const restored = await projectDetectionView(store);
    expect(shape(restored)).toEqual(shape(before));
    expect(importers(restored)).toEqual(importers(before));
  });

  it('leaves the projection as it was while the pair is only a candidate', async () => {
    const plain = await projectDetectionView({
      streamNodes: (l) => store.streamNodes(l),
      streamRels: (t) => store.streamRels(t),
      streamShipments: () => store.streamShipments(),
    });
    expect(shape(await projectDetectionView(store))).toEqual(shape(plain));
  });

  it('reads the same view from the store’s detection rows as from its shipment records', async () => {
    await store.reviewResolveLink(resolveLinkId(IDS.acmeTrading, IDS.acmeImports), {
      decision: 'accepted',
      by: 'ines',
      at,
    });
    expect('streamDetectionLines' in store).toBe(true);
    const fromRows = await projectDetectionView(store);
    const fromRecords = await projectDetectionView({
      streamNodes: (l) => store.streamNodes(l),
      streamRels: (t) => store.streamRels(t),
      streamShipments: () => store.streamShipments(),
      sameAsPairs: () => store.sameAsPairs(),
    });
    expect(importers(fromRows).filter((k) => k === IMPORTS)).toEqual([]);
    expect(shape(fromRows)).toEqual(shape(fromRecords));
    const { graph: _rows, ...rowsRest } = fromRows;
    const { graph: _records, ...recordsRest } = fromRecords;
    expect(rowsRest).toEqual(recordsRest);
  });
});
