// Contract: an inspection result written onto a stored declaration line (labelLine) is what reads
// and the shipment stream see; a line not stored is left alone; an open import refuses it.
import { describe, expect, it } from 'vitest';
import { shipmentId } from '../../src/model/index.ts';
import { StoreError } from '../../src/store/errors.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { UseStore } from './contract.ts';
import { loadFixture } from './fixture.ts';

const shipment = (declarationId: string, line: number) => ({
  label: 'Shipment' as const,
  id: shipmentId(declarationId, line),
});

async function streamedLine(store: GraphStore, declarationId: string, line: number) {
  for await (const s of store.streamShipments())
    if (s.declarationId === declarationId && s.line === line) return s;
  return undefined;
}

export function describeLabels(use: UseStore): void {
  describe('labels', () => {
    it('writes inspected, illicit and the revenue recovered onto a stored line, seen by reads and streams', async () => {
      const { store } = use();
      await loadFixture(store);
      const before = await store.getNode(shipment('D1', 1));
      expect(
        await store.labelLine({ declarationId: 'D1', line: 1 }, { illicit: true, revenueRecovered: 420.5 }),
      ).toBe(true);
      const after = await store.getNode(shipment('D1', 1));
      expect(after).toEqual({
        ...before,
        props: { ...before!.props, inspected: true, illicit: true, revenueRecovered: 420.5 },
      });
      expect(await streamedLine(store, 'D1', 1)).toMatchObject({
        inspected: true,
        illicit: true,
        revenueRecovered: 420.5,
      });
    });

    it('a later result replaces the label; without a revenue, nothing found writes 0 and a find keeps the stored amount', async () => {
      const { store } = use();
      await loadFixture(store);
      const line = { declarationId: 'D2', line: 1 };
      await store.labelLine(line, { illicit: true, revenueRecovered: 80 });
      await store.labelLine(line, { illicit: true, revenueRecovered: null });
      expect((await store.getNode(shipment('D2', 1)))?.props).toMatchObject({
        illicit: true,
        revenueRecovered: 80,
      });
      await store.labelLine(line, { illicit: false, revenueRecovered: null });
      expect((await store.getNode(shipment('D2', 1)))?.props).toMatchObject({
        inspected: true,
        illicit: false,
        revenueRecovered: 0,
      });
    });

    it('answers false for a line that is not stored, and writes nothing', async () => {
      const { store } = use();
      await loadFixture(store);
      const counts = await store.counts();
      expect(
        await store.labelLine({ declarationId: 'D1', line: 99 }, { illicit: true, revenueRecovered: 1 }),
      ).toBe(false);
      expect(await store.getNode(shipment('D1', 99))).toBeNull();
      expect(await store.counts()).toEqual(counts);
    });

    it('refuses with conflict while an import is open on the store', async () => {
      const { store } = use();
      await loadFixture(store);
      const session = await store.beginImport({ fileHash: 'c'.repeat(64), fileName: 'open.csv', rows: 1 });
      try {
        const refused = store.labelLine(
          { declarationId: 'D1', line: 1 },
          { illicit: true, revenueRecovered: null },
        );
        await expect(refused).rejects.toBeInstanceOf(StoreError);
        await expect(refused).rejects.toMatchObject({ code: 'conflict' });
      } finally {
        await session.abort();
      }
      expect((await store.getNode(shipment('D1', 1)))?.props.illicit).toBeUndefined();
    });
  });
}
