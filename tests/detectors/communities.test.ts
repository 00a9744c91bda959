import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detect, partition } from '../../src/detectors/communities.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

function twoCliques(): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const group of [
    ['a', 'b', 'c', 'd'],
    ['w', 'x', 'y', 'z'],
  ]) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) g.mergeEdge(group[i]!, group[j]!);
  }
  g.mergeEdge('d', 'w');
  return g;
}

/** Young firms sharing phones and accounts in a tight cluster that also undervalues. */
function cluster(w: World, prefix: string, size: number): void {
  for (let i = 0; i < size; i++) {
    const firm = w.party('Importer', `${prefix}${i}`, { registeredOn: isoDay(i) });
    w.has(firm, 'Phone', `${prefix} phone ${i % 2}`);
    w.has(firm, 'BankAccount', `${prefix} account`);
    for (let l = 0; l < 4; l++)
      w.ship({ importerId: `${prefix}${i}`, date: isoDay(30 + l * 20), customsValue: 300 });
  }
}

describe('community detector', () => {
  detectorContract('community', detect);

  it('partition separates two cliques joined by one edge, the same way for the same seed', () => {
    const g = twoCliques();
    const p = partition(g, { seed: 3 });
    expect(new Set(['a', 'b', 'c', 'd'].map((n) => p[n])).size).toBe(1);
    expect(p.a).not.toBe(p.z);
    expect(partition(g, { seed: 3 })).toEqual(p);
  });

  it('partition rejects a multigraph with a typed error', () => {
    const g = new MultiUndirectedGraph();
    g.mergeEdge('a', 'b');
    expect(() => partition(g, { seed: 1 })).toThrow(/community detector/);
  });

  it('reports a tight, young, undervaluing cluster and not the ordinary trade', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    cluster(w, 'C', 4);
    const rings = detect(await w.view(), { seed: 5 });
    expect(rings.map((r) => r.members.map((m) => m.id))).toEqual([['C0', 'C1', 'C2', 'C3']]);
    expect(detect(await w.view(), { seed: 5 })).toEqual(rings);
  });

  it('keeps two clusters apart', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    cluster(w, 'Q', 3);
    cluster(w, 'P', 3);
    expect(detect(await w.view(), { seed: 2 }).map((r) => r.members[0]!.id)).toEqual(['P0', 'Q0']);
  });

  it('does not report a tight group of firms none of which shows a fraud signal (a family group)', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    const head = w.party('Person', 'HEAD');
    for (let i = 0; i < 4; i++) {
      const firm = w.party('Importer', `F${i}`, { registeredOn: isoDay(i) });
      w.rel('DIRECTS', head, firm);
      w.has(firm, 'Phone', 'family phone');
      w.has(firm, 'BankAccount', 'family account');
      for (let l = 0; l < 4; l++)
        w.ship({ importerId: `F${i}`, date: isoDay(30 + l * 20), customsValue: 1000 });
    }
    expect(detect(await w.view(), { seed: 5 })).toEqual([]);
  });

  it('needs several firms with a signal of their own: one undervaluing firm and its sisters are no ring', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    for (let i = 0; i < 4; i++) {
      const firm = w.party('Importer', `S${i}`, { registeredOn: '2012-01-01' });
      w.has(firm, 'Phone', 'sister phone');
      w.has(firm, 'BankAccount', 'sister account');
      for (let l = 0; l < 4; l++)
        w.ship({ importerId: `S${i}`, date: isoDay(30 + l * 20), customsValue: i === 0 ? 300 : 1000 });
    }
    expect(detect(await w.view(), { seed: 5 })).toEqual([]);
    const lenient = { seed: 5, minFlagged: 1, minFlaggedShare: 0, maxEstablishedShare: 1 };
    expect(detect(await w.view(), lenient)).toHaveLength(1);
  });
});

describe('community detector on a family group', () => {
  /** Old family firms under two directors (one firm undated), two of them cheap buyers. */
  function familyGroup(w: World): void {
    const parents = [w.party('Person', 'P-MUM'), w.party('Person', 'P-DAD')];
    for (const [i, registeredOn] of ['2008-06-22', '2006-01-21', '2010-03-14', null].entries()) {
      const firm = w.party('Importer', `F${i}`, registeredOn ? { registeredOn } : {});
      for (const parent of parents) w.rel('DIRECTS', parent, firm);
      for (let l = 0; l < 4; l++)
        w.ship({ importerId: `F${i}`, date: isoDay(30 + l * 20), customsValue: i < 2 ? 300 : 1000 });
    }
  }

  it('reports the shells and not the family whose directors run established firms', async () => {
    const w = new World();
    legitimateTrade(w, 30, 8);
    cluster(w, 'C', 4);
    familyGroup(w);
    const view = await w.view();
    expect(detect(view, { seed: 5 }).map((r) => r.members[0]!.id)).toEqual(['C0']);
    const lenient = detect(view, { seed: 5, maxEstablishedShare: 1 });
    expect(lenient.map((r) => r.members[0]!.id).sort()).toEqual(['C0', 'F0']);
  });
});
