// The GraphStore contract: one suite every adapter runs (embedded, neo4j), pinning the exact
// semantics written in src/store/graph-store.ts on the shared fixture (tests/store/fixture.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { describeFindings } from './contract-findings.ts';
import { describeImports } from './contract-imports.ts';
import { describeLabels } from './contract-labels.ts';
import { describeLeads } from './contract-leads.ts';
import { describeReads } from './contract-reads.ts';
import { describeResolveLinks } from './contract-resolve-links.ts';
import { describeRiskModels } from './contract-risk-models.ts';
import { describeSearch } from './contract-search.ts';
import { describeStreams } from './contract-streams.ts';
import { describeTextSearch } from './contract-text-search.ts';
import { describeTrade } from './contract-trade.ts';
import { describeShippingRoutes } from './contract-shipping-routes.ts';
import { describeNeighbours } from './contract-neighbours.ts';
import { describeTraversal } from './contract-traversal.ts';
import { fixtureRun } from './fixture-run.ts';
import { IDS, loadFixture } from './fixture.ts';

export interface OpenedStore {
  /** An empty store (init() is called by the suite). */
  store: GraphStore;
  /** Opens the same database again after the suite closed `store`. */
  reopen?: () => Promise<GraphStore>;
  /** Closes whatever is still open and removes the database. */
  cleanup: () => Promise<void>;
}

export type UseStore = () => OpenedStore;

export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let opened: OpenedStore | null = null;
    beforeEach(async () => {
      opened = await open();
      await opened.store.init();
    });
    afterEach(async () => {
      await opened?.cleanup();
      opened = null;
    });
    const use: UseStore = () => {
      if (!opened) throw new Error('store contract: no store is open');
      return opened;
    };

    describeImports(use);
    describeReads(use);
    describeSearch(use);
    describeTextSearch(use);
    describeTrade(use);
    describeShippingRoutes(use);
    describeNeighbours(use);
    describeTraversal(use);
    describeStreams(use);
    describeFindings(use);
    describeLabels(use);
    describeLeads(use);
    describeRiskModels(use);
    describeResolveLinks(use);

    describe('durability', () => {
      it('keeps committed imports and findings across a close and reopen, and drops an aborted one', async (ctx) => {
        const { store, reopen } = use();
        if (!reopen) return ctx.skip();
        await loadFixture(store);
        await store.writeFindings(fixtureRun());
        const before = { counts: await store.counts(), node: await store.getNode(IDS.acmeImports) };
        const aborted = await store.beginImport({
          fileHash: 'b'.repeat(64),
          fileName: 'aborted.csv',
          rows: 1,
        });
        await aborted.write({
          nodes: [{ ...IDS.lonely, props: { name: 'Renamed' }, source: null }],
          rels: [],
        });
        await aborted.abort();
        await store.close();

        const again = await reopen();
        try {
          await again.init();
          expect(await again.counts()).toEqual(before.counts);
          expect(await again.getNode(IDS.acmeImports)).toEqual(before.node);
          expect((await again.getNode(IDS.lonely))?.props.name).toBe('Lonely Ltd');
          expect(await again.findImport('b'.repeat(64))).toBeNull();
          expect((await again.lastRun())?.runId).toBe('run-1');
          expect(await again.getRing(fixtureRun().rings[0]!.id)).toEqual(fixtureRun().rings[0]);
        } finally {
          await again.close();
        }
      });
    });
  });
}
