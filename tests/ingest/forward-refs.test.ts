// Registries come in any order: a firm may name a director whose person row is further down
// (beyond one write batch) or in another file of the same call, and declarations may name a
// firm whose registry row comes later. Every such import must load completely.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { WRITE_BATCH_ROWS } from '../../src/ingest/write-file.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { decl, declRow, ents, testDir, type TestDir } from './helpers.ts';

/** Firms first, each naming its own director; the directors' person rows come after all firms. */
function firmsThenPersons(firms: number): { firmRows: string[]; personRows: string[] } {
  const firmRows: string[] = [];
  const personRows: string[] = [];
  for (let i = 0; i < firms; i += 1) {
    firmRows.push(`BR${i},broker,Broker ${i},GB,2020-01-01,,,,,,P${i}`);
    personRows.push(`P${i},person,Person ${i},GB,,,,,,,`);
  }
  return { firmRows, personRows };
}

describe('references to nodes that come later', () => {
  let dir: TestDir;
  let store: GraphStore;
  // More firms than one write batch holds rows, so the persons land in later batches.
  const firms = WRITE_BATCH_ROWS + 100;

  beforeEach(async () => {
    dir = await testDir();
    store = await dir.store();
  });
  afterEach(async () => dir.cleanup());

  it('loads a registry whose person rows come after the firms they direct', async () => {
    const { firmRows, personRows } = firmsThenPersons(firms);
    const registry = await dir.file('registry.csv', ents(...firmRows, ...personRows));
    const [outcome] = await ingestFiles(store, [registry]);
    expect(outcome?.problems).toEqual([]);
    expect(outcome?.status).toBe('imported');
    const counts = await store.counts();
    expect(counts.nodes.Broker).toBe(firms);
    expect(counts.nodes.Person).toBe(firms);
    expect(counts.rels.DIRECTS).toBe(firms);
    // The person is its registry entry, not a bare director stub.
    const last = await store.getNode({ label: 'Person', id: `P${firms - 1}` });
    expect(last?.props).toMatchObject({ inRegistry: true, name: `Person ${firms - 1}` });
  });

  it('loads persons from a later registry file and firms named by declarations listed first', async () => {
    const { firmRows, personRows } = firmsThenPersons(firms);
    const declarations = await dir.file(
      'declarations.csv',
      decl(declRow({ broker_id: `BR${firms - 1}`, broker_name: 'Named in a declaration' })),
    );
    const firmFile = await dir.file('firms.csv', ents(...firmRows));
    const personFile = await dir.file('persons.csv', ents(...personRows));
    const outcomes = await ingestFiles(store, [declarations, firmFile, personFile]);
    expect(outcomes.map((o) => [o.file, o.status, o.problemCount])).toEqual([
      [firmFile, 'imported', 0],
      [personFile, 'imported', 0],
      [declarations, 'imported', 0],
    ]);
    const counts = await store.counts();
    expect(counts.nodes.Person).toBe(firms);
    expect(counts.rels.DIRECTS).toBe(firms);
    const person = await store.getNode({ label: 'Person', id: 'P0' });
    expect(person?.props).toMatchObject({ inRegistry: true, name: 'Person 0' });
    // The registry's name stands; the declaration only links the line to the broker.
    const broker = await store.getNode({ label: 'Broker', id: `BR${firms - 1}` });
    expect(broker?.props).toMatchObject({ inRegistry: true, name: `Broker ${firms - 1}` });
    expect(counts.rels.DECLARED_BY).toBe(1);
  });
});
