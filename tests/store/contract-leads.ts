// Contract: leads on parties are written with a run, replaced with it, and listed best first
// (score, then detector, label, id), filtered by detector and minimum score, paged.
import { describe, expect, it } from 'vitest';
import type { UseStore } from './contract.ts';
import { storeError } from './contract-helpers.ts';
import { fixtureRun } from './fixture-run.ts';

export function describeLeads(use: UseStore): void {
  describe('leads', () => {
    it('has none before detection runs, nor for a run without leads', async () => {
      const { store } = use();
      expect(await store.listLeads({ limit: 10, offset: 0 })).toEqual({ leads: [], total: 0 });
      const { leads: _, ...withoutLeads } = fixtureRun();
      await store.writeFindings(withoutLeads);
      expect(await store.listLeads({ limit: 10, offset: 0 })).toEqual({ leads: [], total: 0 });
    });

    it('lists the run’s leads best first, ties by detector then party', async () => {
      const { store } = use();
      const run = fixtureRun();
      await store.writeFindings(run);
      const [gbaZenith, broker, centralZenith, blue] = run.leads!;
      expect(await store.listLeads({ limit: 10, offset: 0 })).toEqual({
        leads: [broker, blue, centralZenith, gbaZenith],
        total: 4,
      });
      expect(await store.listLeads({ limit: 2, offset: 1 })).toEqual({
        leads: [blue, centralZenith],
        total: 4,
      });
      expect(await store.listLeads({ limit: 10, offset: 0, detector: 'guilt_by_association' })).toEqual({
        leads: [gbaZenith],
        total: 1,
      });
      expect(await store.listLeads({ limit: 10, offset: 0, minScore: 0.5 })).toEqual({
        leads: [broker],
        total: 1,
      });
    });

    it('replaces the leads with the run, and refuses an invalid lead keeping the previous run', async () => {
      const { store } = use();
      await store.writeFindings(fixtureRun('run-1'));
      const bad = fixtureRun('run-2');
      await expect(store.writeFindings({ ...bad, leads: [{ ...bad.leads![0]!, score: 2 }] })).rejects.toEqual(
        storeError('invalid'),
      );
      expect((await store.listLeads({ limit: 10, offset: 0 })).total).toBe(4);
      await store.writeFindings({ ...fixtureRun('run-3'), leads: fixtureRun().leads!.slice(1, 2) });
      expect(await store.listLeads({ limit: 10, offset: 0 })).toEqual({
        leads: fixtureRun().leads!.slice(1, 2),
        total: 1,
      });
    });

    it('refuses a page that is not whole numbers', async () => {
      const { store } = use();
      await expect(store.listLeads({ limit: 1.5, offset: 0 })).rejects.toEqual(storeError('invalid'));
    });
  });
}
