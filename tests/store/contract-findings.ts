// Contract: findings are written as one run that replaces the previous one; read back with
// filters, by ring, by party, and ranked.
import { describe, expect, it } from 'vitest';
import type { DetectionRun } from '../../src/model/index.ts';
import type { UseStore } from './contract.ts';
import { fixtureRun } from './fixture-run.ts';
import { IDS, loadFixture } from './fixture.ts';
import { storeError } from './contract-helpers.ts';

const summary = (run: DetectionRun, index: number) => {
  const ring = run.rings[index]!;
  return {
    id: ring.id,
    typology: ring.typology,
    score: ring.score,
    revenueAtRisk: ring.revenueAtRisk,
    priority: ring.priority,
    explanation: ring.explanation,
    memberCount: ring.members.length,
  };
};

export function describeFindings(use: UseStore): void {
  describe('findings', () => {
    it('has nothing before detection runs', async () => {
      const { store } = use();
      expect(await store.lastRun()).toBeNull();
      expect(await store.listRings({ limit: 10, offset: 0 })).toEqual({ rings: [], total: 0 });
      expect(await store.ringsOf(IDS.acmeTrading)).toEqual([]);
      expect(await store.listTargets({ limit: 10 })).toEqual([]);
    });

    it('reads back a run: metadata, rings in full, summaries ranked by priority or score', async () => {
      const { store } = use();
      await loadFixture(store);
      const run = fixtureRun();
      await store.writeFindings(run);
      expect(await store.lastRun()).toEqual({
        runId: run.runId,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        seed: 42,
      });
      expect(await store.getRing(run.rings[0]!.id)).toEqual(run.rings[0]);
      expect(await store.getRing('R-none')).toBeNull();
      expect(await store.listRings({ limit: 10, offset: 0 })).toEqual({
        rings: [0, 2, 1].map((i) => summary(run, i)),
        total: 3,
      });
      expect(await store.listRings({ limit: 10, offset: 0, sort: 'score' })).toEqual({
        rings: [0, 1, 2].map((i) => summary(run, i)),
        total: 3,
      });
    });

    it('filters and pages rings, with the total before paging', async () => {
      const { store } = use();
      const run = fixtureRun();
      await store.writeFindings(run);
      expect(await store.listRings({ limit: 10, offset: 0, typology: 'phoenix' })).toEqual({
        rings: [summary(run, 1)],
        total: 1,
      });
      expect(await store.listRings({ limit: 10, offset: 0, minScore: 0.6 })).toEqual({
        rings: [summary(run, 0), summary(run, 1)],
        total: 2,
      });
      expect(await store.listRings({ limit: 1, offset: 1 })).toEqual({ rings: [summary(run, 2)], total: 3 });
      expect(await store.listRings({ limit: 1, offset: 1, sort: 'score' })).toEqual({
        rings: [summary(run, 1)],
        total: 3,
      });
    });

    it('answers the rings of a party and its risk', async () => {
      const { store } = use();
      const run = fixtureRun();
      await store.writeFindings(run);
      expect(await store.ringsOf(IDS.acmeTrading)).toEqual([summary(run, 0), summary(run, 1)]);
      expect(await store.ringsOf(IDS.jane)).toEqual([summary(run, 1)]);
      expect(await store.ringsOf(IDS.lonely)).toEqual([]);
      expect(await store.partyRisk(IDS.acmeImports)).toEqual(run.parties[0]);
      expect(await store.partyRisk(IDS.lonely)).toBeNull();
    });

    it('ranks party risks and line targets by score, ties by key', async () => {
      const { store } = use();
      const run = fixtureRun();
      await store.writeFindings(run);
      const [imports, trading, broker] = run.parties;
      expect(await store.listPartyRisks({})).toEqual([trading, imports, broker]);
      expect(await store.listPartyRisks({ minScore: 0.5, limit: 1 })).toEqual([trading]);
      const [d2, d12, d11] = run.targets;
      expect(await store.listTargets({ limit: 10 })).toEqual([d11, d12, d2]);
      expect(await store.listTargets({ limit: 2 })).toEqual([d11, d12]);
    });

    it('replaces the previous run as a whole', async () => {
      const { store } = use();
      await store.writeFindings(fixtureRun('run-1'));
      const second: DetectionRun = { ...fixtureRun('run-2'), parties: [], targets: [] };
      second.rings = second.rings.slice(2);
      await store.writeFindings(second);
      expect((await store.lastRun())?.runId).toBe('run-2');
      expect(await store.listRings({ limit: 10, offset: 0 })).toEqual({
        rings: [summary(second, 0)],
        total: 1,
      });
      expect(await store.getRing(fixtureRun('run-1').rings[0]!.id)).toBeNull();
      expect(await store.ringsOf(IDS.acmeTrading)).toEqual([]);
      expect(await store.listPartyRisks({})).toEqual([]);
      expect(await store.listTargets({ limit: 10 })).toEqual([]);
    });

    it('refuses an invalid run and keeps the previous one', async () => {
      const { store } = use();
      await store.writeFindings(fixtureRun('run-1'));
      const bad = { ...fixtureRun('run-2'), rings: [{ ...fixtureRun('run-2').rings[0]!, score: 1.5 }] };
      await expect(store.writeFindings(bad)).rejects.toEqual(storeError('invalid'));
      const twice = {
        ...fixtureRun('run-3'),
        rings: [fixtureRun('run-3').rings[0]!, fixtureRun('run-3').rings[0]!],
      };
      await expect(store.writeFindings(twice)).rejects.toEqual(storeError('invalid'));
      expect((await store.lastRun())?.runId).toBe('run-1');
      expect((await store.listRings({ limit: 10, offset: 0 })).total).toBe(3);
    });
  });
}
