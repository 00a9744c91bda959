// The Neo4j adapter against a real Neo4j (see bench/support/neo4j-target.ts for how it is found): the store
// contract, injection, a killed import, identical results to the embedded store, integers. The suites share one database, so they
// live in this one file and run in order, each on an emptied database.
import { describe, expect, it } from 'vitest';
import { openNeo4jStore } from '../../src/store/neo4j/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { storeContract } from './contract.ts';
import { describeComparison } from './neo4j-compare.ts';
import { describeCrash } from './neo4j-crash.ts';
import { describeFastPath } from './neo4j-fast-path.ts';
import { describeInjection } from './neo4j-injection.ts';
import { describeKeyOrder } from './neo4j-order.ts';
import { describePending } from './neo4j-pending.ts';
import { neo4jTarget, wipeNeo4j } from '../../bench/support/neo4j-target.ts';
import { syntheticBatches } from './synthetic-lines.ts';

const target = await neo4jTarget();

if (!target) {
  describe('Neo4j store', () => {
    it.skip('needs a Neo4j server: npm run neo4j:start (or NEO4J_URI)', () => undefined);
  });
} else {
  const options = target;
  const emptyStore = async (): Promise<GraphStore> => {
    await wipeNeo4j(options);
    const store = await openNeo4jStore(options);
    await store.init();
    return store;
  };

  storeContract('neo4j', async () => {
    const opened: GraphStore[] = [];
    const open = async () => {
      const store = await openNeo4jStore(options);
      opened.push(store);
      return store;
    };
    await wipeNeo4j(options);
    return {
      store: await open(),
      reopen: open,
      cleanup: async () => {
        for (const store of opened) await store.close();
      },
    };
  });

  describe('Neo4j store: injection', () => describeInjection(emptyStore));
  describe('Neo4j store: same results as the embedded store on a seeded world', () =>
    describeComparison(emptyStore));
  describe('Neo4j store: key order beyond the BMP', () => describeKeyOrder(emptyStore));
  describe('Neo4j store: killed import', () => {
    it('starts from an empty database', () => wipeNeo4j(options));
    describeCrash(options, async () => {
      const store = await openNeo4jStore(options);
      await store.init();
      return store;
    });
  });

  describe('Neo4j store: imports written in chunks', () => describePending(options, emptyStore));
  describe('Neo4j store: new nodes created, existing ones merged', () =>
    describeFastPath(options, emptyStore));

  describe('Neo4j store: values', () => {
    it('gives integers back as JS numbers, never neo4j Integer objects', async () => {
      const store = await emptyStore();
      try {
        const session = await store.beginImport({ fileHash: '1'.repeat(64), fileName: 'ints.csv', rows: 30 });
        for (const batch of syntheticBatches({ lines: 30 }, 30)) await session.write(batch);
        const record = await session.commit();
        expect(typeof (await store.listImports())[0]?.rows).toBe('number');
        expect(record.rows).toBe(30);
        const counts = await store.counts();
        for (const n of [...Object.values(counts.nodes), ...Object.values(counts.rels)])
          expect(typeof n).toBe('number');
        for await (const line of store.streamShipments()) {
          for (const value of Object.values(line))
            expect(['string', 'number', 'boolean', 'object']).toContain(typeof value);
          expect(typeof line.line).toBe('number');
          expect(typeof line.quantity).toBe('number');
        }
        for await (const node of store.streamNodes(['Shipment']))
          expect(node.source?.row).toEqual(expect.any(Number));
      } finally {
        await store.close();
      }
    });
  });
}
