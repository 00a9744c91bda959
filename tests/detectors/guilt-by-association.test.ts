import { describe, expect, it } from 'vitest';
import { runDetectors } from '../../src/detection/run-detectors.ts';
import { detect } from '../../src/detectors/guilt-by-association.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';
import { detectorContract } from './contract.ts';

/** A seized importer and `friends` sharing its phone and bank account. */
function seizedCircle(w: World, seized: string, friends: string[]): void {
  for (const id of [seized, ...friends]) {
    const firm = w.party('Importer', id, { registeredOn: '2019-01-01' });
    w.has(firm, 'Phone', `${seized} phone`);
    w.has(firm, 'BankAccount', `${seized} account`);
    w.ship({ importerId: id, date: isoDay(40), illicit: id === seized ? true : null });
  }
}

/**
 * A seized importer S1 buying from SU-P for CO-P, and four lawful, established firms that buy
 * from the same supplier for the same consignee at ordinary prices: trade partners of a seized
 * firm's partners, nothing more.
 */
function lawfulNeighbours(): World {
  const w = new World();
  legitimateTrade(w, 20, 4);
  w.party('Importer', 'S1', { registeredOn: '2015-01-01' });
  w.party('Supplier', 'SU-P', { registeredOn: '2005-01-01' });
  w.party('Consignee', 'CO-P', { registeredOn: '2005-01-01' });
  for (let l = 0; l < 4; l++)
    w.ship({
      importerId: 'S1',
      supplierId: 'SU-P',
      consigneeId: 'CO-P',
      date: isoDay(30 + l * 20),
      illicit: l === 0 ? true : null,
    });
  for (const id of ['L1', 'L2', 'L3', 'L4']) {
    w.party('Importer', id, { registeredOn: '2010-01-01' });
    for (let l = 0; l < 6; l++)
      w.ship({ importerId: id, supplierId: 'SU-P', consigneeId: 'CO-P', date: isoDay(10 + l * 40) });
  }
  return w;
}

describe('guilt_by_association detector', () => {
  detectorContract('guilt_by_association', detect);

  it('gives a lead on the seized firm and each firm closely tied to it, with the seizure path', async () => {
    const w = new World();
    legitimateTrade(w, 20, 4);
    seizedCircle(w, 'S1', ['K1', 'K2']);
    const [seized, ...leads] = detect(await w.view());
    expect(seized).toEqual({
      label: 'Importer',
      id: 'S1',
      detector: 'guilt_by_association',
      score: 0.5,
      reason: 'S1 had 1 declaration line seized; its other lines were not all inspected',
      path: [],
      evidence: { nodes: [{ label: 'Importer', id: 'S1' }], rels: [], declarations: ['D000081/1'] },
    });
    expect(leads.map((l) => `${l.detector}:${l.id}:${l.score}`)).toEqual([
      'guilt_by_association:K1:0.425',
      'guilt_by_association:K2:0.425',
    ]);
    expect(leads[0]!.path).toEqual([
      {
        from: { label: 'Importer', id: 'K1' },
        to: { label: 'Importer', id: 'S1' },
        kinds: ['bank_account', 'phone'],
      },
    ]);
    expect(leads[0]!.reason).toBe(
      "K1 is close to seized goods (affinity 0.74 of the seized parties'): K1 shares a bank account with and shares a phone with S1, whose goods were seized (1 line seized)",
    );
    expect(leads[0]!.evidence.declarations).toEqual(['D000081/1']);
    expect(leads[0]!.evidence.nodes).toEqual([
      { label: 'Importer', id: 'K1' },
      { label: 'Importer', id: 'S1' },
    ]);
  });

  it('finds nothing without seizures', async () => {
    const w = new World();
    legitimateTrade(w, 20, 4);
    expect(detect(await w.view())).toEqual([]);
  });

  it('explains a lead through the partner that received the seized goods', async () => {
    const leads = detect(await lawfulNeighbours().view());
    const l1 = leads.find((l) => l.id === 'L1')!;
    expect(l1.path).toEqual([
      { from: { label: 'Importer', id: 'L1' }, to: { label: 'Consignee', id: 'CO-P' }, kinds: ['consignee'] },
    ]);
    expect(l1.reason).toMatch(/: L1 ships to CO-P, whose goods were seized \(1 line seized\)$/);
  });

  it('keeps at most maxLeads, the best', async () => {
    const all = detect(await lawfulNeighbours().view());
    const two = detect(await lawfulNeighbours().view(), { maxLeads: 2 });
    expect(two).toEqual(all.slice(0, 2));
  });

  it('reports no ring when lawful firms trade with a seized firm’s partners: they are leads', async () => {
    const findings = runDetectors(await lawfulNeighbours().view(), { seed: 1 });
    expect(findings.rings).toEqual([]);
    const lawful = findings.leads.filter((l) => l.id.startsWith('L') && !l.id.startsWith('LEGIT'));
    expect(lawful.map((l) => `${l.detector}:${l.id}`)).toEqual([
      'guilt_by_association:L1',
      'guilt_by_association:L2',
      'guilt_by_association:L3',
      'guilt_by_association:L4',
    ]);
  });
});
