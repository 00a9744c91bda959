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

  it('gives a lead on the person who alone ties young firms together', async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    hub(w, 'P-HUB', ['Y1', 'Y2', 'Y3', 'Y4'], true);
    const leads = detect(await w.view());
    expect(leads.map((l) => `${l.detector}:${l.label}:${l.id}:${l.score}`)).toEqual([
      'centrality:Person:P-HUB:1',
    ]);
    expect(leads[0]!.reason).toBe(
      'person P-HUB is the only link between 4 groups of 4 importers; 100% of the pairs among them connect only through P-HUB; 4 of 4 are young, undervalue or had goods seized; no seized party within reach',
    );
    expect(leads[0]!.path).toEqual([]);
    expect(leads[0]!.evidence.nodes.map((n) => n.id)).toEqual(['Y1', 'Y2', 'Y3', 'Y4', 'P-HUB']);
  });

  it('explains the lead with the path to a seized firm it ties in', async () => {
    const w = new World();
    hub(w, 'P-HUB', ['Y1', 'Y2', 'Y3'], true);
    w.ship({ importerId: 'Y2', date: isoDay(200), illicit: true });
    const [lead] = detect(await w.view());
    expect(lead!.path).toEqual([
      { from: { label: 'Person', id: 'P-HUB' }, to: { label: 'Importer', id: 'Y2' }, kinds: ['director'] },
    ]);
    expect(lead!.reason).toMatch(/; P-HUB directs Y2, whose goods were seized$/);
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
    expect(detect(await w.view()).map((l) => l.id)).toEqual(['P-A', 'P-B']);
  });

  it("needs risky firms to be a majority of the hub's contacts", async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    hub(w, 'P-HALF', ['H1', 'H2'], true);
    hub(w, 'P-HALF', ['H3', 'H4'], false);
    hub(w, 'P-MOST', ['M1', 'M2', 'M3'], true);
    hub(w, 'P-MOST', ['M4'], false);
    expect(detect(await w.view()).map((l) => l.id)).toEqual(['P-MOST']);
  });
});
