import { describe, expect, it } from 'vitest';
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

describe('guilt_by_association detector', () => {
  detectorContract('guilt_by_association', detect);

  it('rings the seized firm with the firms closely tied to it, not the unrelated trade', async () => {
    const w = new World();
    legitimateTrade(w, 20, 4);
    seizedCircle(w, 'S1', ['K1', 'K2']);
    const rings = detect(await w.view());
    expect(rings.map((r) => r.members.map((m) => `${m.role}:${m.id}`))).toEqual([
      ['seized:S1', 'associate:K1', 'associate:K2'],
    ]);
    expect(rings[0]!.indicators[0]!.evidence.declarations).toEqual(['D000081/1']);
  });

  it('finds nothing without seizures', async () => {
    const w = new World();
    legitimateTrade(w, 20, 4);
    expect(detect(await w.view())).toEqual([]);
  });

  it('keeps unconnected circles apart', async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    seizedCircle(w, 'S2', ['Q1']);
    seizedCircle(w, 'S1', ['P1']);
    expect(detect(await w.view()).map((r) => r.members.map((m) => m.id).join(' '))).toEqual([
      'S1 P1',
      'S2 Q1',
    ]);
  });

  it('does not report a group larger than a ring, and keeps the ring beside it', async () => {
    const w = new World();
    legitimateTrade(w, 10, 4);
    seizedCircle(w, 'S1', ['P1', 'P2']);
    seizedCircle(w, 'S9', ['M1', 'M2', 'M3', 'M4', 'M5']);
    const all = detect(await w.view()).map((r) => r.members[0]!.id);
    expect(all).toEqual(['S1', 'S9']);
    const capped = detect(await w.view(), { maxMembers: 4 }).map((r) => r.members.map((m) => m.id).join(' '));
    expect(capped).toEqual(['S1 P1 P2']);
  });
});
