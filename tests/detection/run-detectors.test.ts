import { describe, expect, it } from 'vitest';
import { runDetectors } from '../../src/detection/run-detectors.ts';
import { targetLines } from '../../src/scoring/targeting.ts';
import { World, isoDay, legitimateTrade } from '../fixtures/world.ts';

/** A world with shell importers that share identifiers and undervalue through one supplier. */
function schemeWorld(): World {
  const w = new World();
  legitimateTrade(w, 30, 8);
  for (const id of ['R1', 'R2', 'R3']) {
    const firm = w.party('Importer', id, { registeredOn: '2025-01-05' });
    w.has(firm, 'Phone', '+1 ring');
    w.has(firm, 'BankAccount', 'IBAN-RING');
    for (let l = 0; l < 5; l++)
      w.ship({
        importerId: id,
        supplierId: 'SU-R',
        brokerId: 'BIG',
        date: isoDay(20 + l * 25),
        netMassKg: 100,
        customsValue: 350,
      });
  }
  return w;
}

describe('runDetectors', () => {
  it('finds the scheme once, with the same findings and ids on every run', async () => {
    const first = runDetectors(await schemeWorld().view(), { seed: 1 });
    const again = runDetectors(await schemeWorld().view(), { seed: 1 });
    expect(again).toEqual(first);
    const schemes = first.rings.filter(
      (r) => r.typology === 'shared_identifiers' || r.typology === 'undervaluation',
    );
    expect(schemes.map((r) => r.members.map((m) => m.id).join(' '))).toEqual(['R1 R2 R3']);
    expect(first.counts.shared_identifiers).toBe(1);
    const otherSeed = runDetectors(await schemeWorld().view(), { seed: 99 });
    expect(otherSeed.rings.find((r) => r.typology === 'shared_identifiers')!.id).toBe(schemes[0]!.id);
  });

  it('targets the ring’s undervalued lines first, each with its reasons', async () => {
    const view = await schemeWorld().view();
    const { targets } = runDetectors(view, { seed: 1 });
    const ringLines = new Set(
      view.lines.declarationId.filter((_d, i) =>
        view.lines.partyKeys[view.lines.importer[i]!]!.startsWith('Importer:R'),
      ),
    );
    expect(targets.slice(0, 15).every((t) => ringLines.has(t.declarationId))).toBe(true);
    expect(targets[0]!.reasons.some((r) => r.startsWith('unit value'))).toBe(true);
    expect(targets.map((t) => t.score)).toEqual([...targets.map((t) => t.score)].sort((a, b) => b - a));
  });

  it('lists rings by priority and keeps guilt by association and centrality out of the rings', async () => {
    const w = schemeWorld();
    w.ship({ importerId: 'R1', supplierId: 'SU-R', date: isoDay(250), illicit: true });
    const findings = runDetectors(await w.view(), { seed: 1 });
    const priorities = findings.rings.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(
      findings.rings.some((r) => r.typology === 'guilt_by_association' || r.typology === 'centrality'),
    ).toBe(false);
    expect(findings.leads.filter((l) => l.id === 'R2').map((l) => l.detector)).toEqual([
      'guilt_by_association',
    ]);
    const scheme = findings.rings.find((r) => r.typology === 'shared_identifiers')!;
    expect(scheme.indicators.map((i) => i.name)).toContain('lead_guilt_by_association');
  });

  it('returns no targets for an empty world', async () => {
    expect(targetLines(await new World().view(), [], [])).toEqual([]);
  });
});
