// Contract: risk models kept in the store. Saving makes a model current and keeps the earlier
// ones; saving a stored one again makes it current; versions list newest first; a bad record is
// refused with the field named.
import { describe, expect, it } from 'vitest';
import type { RiskModelSave } from '../../src/store/risk-models.ts';
import type { UseStore } from './contract.ts';

const model = (digit: string, savedAt: string): RiskModelSave => ({
  contentHash: `sha256:${digit.repeat(64)}`,
  createdAt: `2026-12-0${digit}T10:00:00.000Z`,
  metrics: { auc: Number(`0.${digit}`), precisionAt: { '1%': 0.5 } },
  json: JSON.stringify({ kind: 'ringscope-risk-model', trees: [digit] }),
  savedAt,
});

export function describeRiskModels(use: UseStore): void {
  describe('risk models', () => {
    it('has no current model before one is saved', async () => {
      const { store } = use();
      expect(await store.currentRiskModel()).toBeNull();
      expect(await store.listRiskModels()).toEqual([]);
    });

    it('makes the saved model current, keeps the earlier ones, and lists them newest first', async () => {
      const { store } = use();
      await store.saveRiskModel(model('1', '2026-12-07T10:00:00.000Z'));
      await store.saveRiskModel(model('2', '2026-12-07T11:00:00.000Z'));
      const { savedAt: _savedAt, ...second } = model('2', '');
      expect(await store.currentRiskModel()).toEqual(second);
      expect(await store.listRiskModels()).toEqual([
        {
          contentHash: `sha256:${'2'.repeat(64)}`,
          createdAt: '2026-12-02T10:00:00.000Z',
          savedAt: '2026-12-07T11:00:00.000Z',
          metrics: { auc: 0.2, precisionAt: { '1%': 0.5 } },
          current: true,
        },
        {
          contentHash: `sha256:${'1'.repeat(64)}`,
          createdAt: '2026-12-01T10:00:00.000Z',
          savedAt: '2026-12-07T10:00:00.000Z',
          metrics: { auc: 0.1, precisionAt: { '1%': 0.5 } },
          current: false,
        },
      ]);
      // The first one again: current once more, stored once, its first save time kept.
      await store.saveRiskModel(model('1', '2026-12-07T12:00:00.000Z'));
      expect((await store.currentRiskModel())?.contentHash).toBe(`sha256:${'1'.repeat(64)}`);
      const versions = await store.listRiskModels();
      expect(versions.map((v) => [v.contentHash.slice(7, 8), v.savedAt, v.current])).toEqual([
        ['2', '2026-12-07T11:00:00.000Z', false],
        ['1', '2026-12-07T10:00:00.000Z', true],
      ]);
    });

    it('refuses a record without a content hash, naming the field', async () => {
      const { store } = use();
      const refused = store.saveRiskModel({ ...model('1', '2026-12-07T10:00:00.000Z'), contentHash: 'abc' });
      await expect(refused).rejects.toMatchObject({ code: 'invalid' });
      await expect(refused).rejects.toThrow(/contentHash: a content hash sha256/);
      expect(await store.listRiskModels()).toEqual([]);
    });
  });
}
