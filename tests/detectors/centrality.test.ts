import { describe, expect, it } from 'vitest';
import { detect } from '../../src/detectors/centrality.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

/** A person directing `firms`, each otherwise unconnected; young firms when `young`. */
function hub(w: World, person: string, firms: string[], young: boolean): void {
  const p = w.party('Person', person);
  for (const [n, id] of firms.entries()) {
    const firm = w.party('Importer', id, { registeredOn: young ? isoDay(n * 10) : '2010-01-01' });
    w.rel('DIRECTS', p, firm);
    w.ship({ importerId: id, date: isoDay(n * 10 + 20) });
  }
}

describe('centrality detector', () => {
  detectorContract('centrality', detect);

  it('finds the person who alone ties young firms together', async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    hub(w, 'P-HUB', ['Y1', 'Y2', 'Y3', 'Y4'], true);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      ['hub:P-HUB', 'spoke:Y1', 'spoke:Y2', 'spoke:Y3', 'spoke:Y4'],
    ]);
    expect(rings[0]!.indicators[0]!.description).toBe(
      'person P-HUB is the only link between 4 groups of 4 importers',
    );
  });

  it('ignores a director of established firms', async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    hub(w, 'P-OLD', ['O1', 'O2', 'O3'], false);
    expect(detect(await w.view())).toEqual([]);
  });

  it('reports each hub on its own', async () => {
    const w = new World();
    hub(w, 'P-B', ['B1', 'B2', 'B3'], true);
    hub(w, 'P-A', ['A1', 'A2', 'A3'], true);
    expect(detect(await w.view()).map((r) => r.members[0]!.id)).toEqual(['P-A', 'P-B']);
  });

  it("needs risky firms to be a majority of the hub's contacts", async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    hub(w, 'P-HALF', ['H1', 'H2'], true);
    hub(w, 'P-HALF', ['H3', 'H4'], false);
    hub(w, 'P-MOST', ['M1', 'M2', 'M3'], true);
    hub(w, 'P-MOST', ['M4'], false);
    expect(detect(await w.view()).map((r) => r.members[0]!.id)).toEqual(['P-MOST']);
  });
});
