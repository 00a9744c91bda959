import { describe, expect, it } from 'vitest';
import { communityCore } from '../../src/detectors/community-core.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';

const OPTIONS = { maxCoreHolders: 10, minPartnerShare: 0.5, establishedDays: 365, maxEstablishedShare: 0.5 };

/** Four shells (C0–C3) sharing a phone and an account, one of them seated in a business centre. */
function ringInBusinessCentre(w: World): string[] {
  legitimateTrade(w, 10, 4);
  for (let i = 0; i < 4; i++) {
    const firm = w.party('Importer', `C${i}`, { registeredOn: isoDay(i) });
    w.has(firm, 'Phone', 'ring phone');
    w.has(firm, 'BankAccount', 'ring account');
    for (let l = 0; l < 4; l++) w.ship({ importerId: `C${i}`, supplierId: 'RS', date: isoDay(30 + l * 20) });
    w.ship({ importerId: `C${i}`, supplierId: 'SUP-0', date: isoDay(120) });
  }
  w.party('Supplier', 'RS');
  w.has({ label: 'Importer', id: 'C0' }, 'Address', 'business centre');
  for (let t = 0; t < 12; t++) {
    const tenant = w.party('Importer', `T${t}`, { registeredOn: '2012-01-01' });
    w.has(tenant, 'Address', 'business centre');
  }
  const clean = w.party('Importer', 'L', { registeredOn: '2012-01-01' });
  w.has(clean, 'Phone', 'tenant phone');
  w.has({ label: 'Importer', id: 'T0' }, 'Phone', 'tenant phone');
  const director = w.party('Person', 'PR');
  w.rel('DIRECTS', director, { label: 'Importer', id: 'C0' });
  w.rel('DIRECTS', director, { label: 'Importer', id: 'C1' });
  const other = w.party('Person', 'PX');
  w.rel('DIRECTS', other, { label: 'Importer', id: 'C2' });
  return [
    ...['C0', 'C1', 'C2', 'C3', 'L', ...Array.from({ length: 12 }, (_, t) => `T${t}`)].map(
      (id) => `Importer:${id}`,
    ),
    'Person:PR',
    'Person:PX',
    'Supplier:RS',
    'Supplier:SUP-0',
  ].sort();
}

describe('communityCore', () => {
  it('keeps the flagged firms, the people and the partner that serve them, not their lawful neighbours', async () => {
    const w = new World();
    const keys = ringInBusinessCentre(w);
    const flagged = (k: string): boolean => /^Importer:C\d$/.test(k);
    const core = communityCore(await w.view(), keys, flagged, OPTIONS);
    expect(core).toEqual([
      'Importer:C0',
      'Importer:C1',
      'Importer:C2',
      'Importer:C3',
      'Person:PR',
      'Supplier:RS',
    ]);
  });

  it('takes in an unflagged firm tied to a flagged one by a specific identifier or a shared director', async () => {
    const w = new World();
    const keys = ringInBusinessCentre(w);
    const flagged = (k: string): boolean => ['Importer:C0', 'Importer:C2', 'Importer:C3'].includes(k);
    const core = communityCore(await w.view(), keys, flagged, OPTIONS);
    expect(core).toContain('Importer:C1');
    expect(core.filter((k) => k.startsWith('Importer:T'))).toEqual([]);
  });

  it('takes in business-centre tenants once the seat counts as specific', async () => {
    const w = new World();
    const keys = ringInBusinessCentre(w);
    const flagged = (k: string): boolean => /^Importer:C\d$/.test(k);
    const lenient = { ...OPTIONS, maxCoreHolders: 20, maxEstablishedShare: 1 };
    const core = communityCore(await w.view(), keys, flagged, lenient);
    expect(core.filter((k) => k.startsWith('Importer:T'))).toHaveLength(12);
    expect(core).not.toContain('Importer:L');
  });

  it('leaves out the tenants of a seat held mostly by established firms, however few they are', async () => {
    const w = new World();
    const keys = ringInBusinessCentre(w);
    const flagged = (k: string): boolean => /^Importer:C\d$/.test(k);
    const core = communityCore(await w.view(), keys, flagged, { ...OPTIONS, maxCoreHolders: 20 });
    expect(core.filter((k) => k.startsWith('Importer:T'))).toEqual([]);
  });

  it('leaves out the firms of a family director whose other firms are established', async () => {
    const w = new World();
    const keys = ringInBusinessCentre(w);
    // PF directs one flagged shell and three old family firms: a family director, no nominee.
    const parent = w.party('Person', 'PF');
    w.rel('DIRECTS', parent, { label: 'Importer', id: 'C3' });
    for (const id of ['T1', 'T2', 'T3']) w.rel('DIRECTS', parent, { label: 'Importer', id });
    const flagged = (k: string): boolean => /^Importer:C\d$/.test(k);
    const view = await w.view();
    const all = [...keys, 'Person:PF'].sort();
    expect(communityCore(view, all, flagged, OPTIONS)).not.toContain('Importer:T1');
    const lenient = { ...OPTIONS, maxEstablishedShare: 1 };
    expect(communityCore(view, all, flagged, lenient)).toContain('Importer:T1');
  });

  it('is empty when nothing is flagged and for no keys', async () => {
    const w = new World();
    const keys = ringInBusinessCentre(w);
    const view = await w.view();
    expect(communityCore(view, keys, () => false, OPTIONS)).toEqual([]);
    expect(communityCore(view, [], () => true, OPTIONS)).toEqual([]);
  });
});
