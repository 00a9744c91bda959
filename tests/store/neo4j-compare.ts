// The same seeded world ingested into the embedded store and into Neo4j gives identical
// counts, projection streams, neighbourhoods, paths and search results.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NodeLabel, nodeKey, RelType } from '../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeRef } from '../../src/model/index.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import { openEmbeddedStore } from '../../src/store/embedded/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { generateWorld } from '../../seed/generate.ts';
import { compare } from './contract-helpers.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every `step`-th element, so the sample spreads over the whole world. */
function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}

export function describeComparison(openNeo4j: () => Promise<GraphStore>): void {
  let dir = '';
  let embedded: GraphStore;
  let neo4j: GraphStore;
  let parties: GraphNode[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ringscope-compare-'));
    const world = await generateWorld({ size: 'tiny', seed: 11, outDir: dir });
    const files = [world.entitiesPath, world.declarationsPath];
    embedded = await openEmbeddedStore(join(dir, 'store.db'));
    await embedded.init();
    neo4j = await openNeo4j();
    for (const store of [embedded, neo4j]) {
      const outcomes = await ingestFiles(store, files);
      expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    }
    parties = await collect(embedded.streamNodes(['Importer', 'Broker', 'Supplier', 'Consignee', 'Person']));
  }, 600_000);

  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts the same nodes and relationships', async () => {
    const counts = await embedded.counts();
    expect(Object.keys(counts.nodes).length).toBeGreaterThan(5);
    expect(await neo4j.counts()).toEqual(counts);
  });

  it('streams the same nodes, relationships and declaration lines', async () => {
    expect(await collect(neo4j.streamNodes(NodeLabel.options))).toEqual(
      await collect(embedded.streamNodes(NodeLabel.options)),
    );
    const byId = (a: GraphRel, b: GraphRel) => compare(a.id, b.id);
    const rels = (await collect(embedded.streamRels(RelType.options))).sort(byId);
    expect((await collect(neo4j.streamRels(RelType.options))).sort(byId)).toEqual(rels);
    expect(await collect(neo4j.streamShipments())).toEqual(await collect(embedded.streamShipments()));
  });

  it('expands the same neighbourhoods, with and without filters', async () => {
    for (const start of spread(parties, 40)) {
      const queries = [
        { start, hops: 2, limit: 150 },
        {
          start,
          hops: 3,
          limit: 60,
          labels: ['Importer', 'Broker', 'Address', 'Person', 'Shipment'] as NodeLabel[],
        },
        { start, hops: 2, limit: 200, dateFrom: '2024-03-01', dateTo: '2024-09-30', hsPrefix: '6' },
      ];
      for (const q of queries)
        expect(await neo4j.neighbourhood(q), nodeKey(start)).toEqual(await embedded.neighbourhood(q));
    }
  });

  it('finds the same paths', async () => {
    const ends = spread(parties, 30);
    for (const [i, from] of ends.entries()) {
      const to: NodeRef = ends[(i * 7 + 3) % ends.length]!;
      for (const q of [
        { from, to, maxLength: 4, k: 3 },
        { from, to, maxLength: 6, k: 2, excludeLabels: ['Shipment'] as NodeLabel[] },
      ]) {
        expect(await neo4j.paths(q), `${nodeKey(from)} → ${nodeKey(to)}`).toEqual(await embedded.paths(q));
      }
    }
  });

  it('answers the same searches', async () => {
    const texts = new Set<string>();
    for (const p of spread(parties, 25)) {
      texts.add(p.id);
      const name = p.props.name;
      if (typeof name === 'string') texts.add(name.slice(0, 3)).add(name.toUpperCase());
    }
    for (const s of spread(await collect(embedded.streamShipments()), 10)) texts.add(s.declarationId);
    for (const n of spread(
      await collect(embedded.streamNodes(['Address', 'Phone', 'Email', 'BankAccount'])),
      12,
    )) {
      if (typeof n.props.value === 'string') texts.add(n.props.value);
    }
    for (const text of texts) {
      for (const options of [
        { limit: 20 },
        { limit: 5, labels: ['Importer', 'Supplier', 'Shipment'] as NodeLabel[] },
      ]) {
        expect(await neo4j.search(text, options), text).toEqual(await embedded.search(text, options));
      }
    }
  });

  it('answers the same full-text searches: fragments, lower-case ids, digits, typos', async () => {
    const texts = new Set<string>();
    for (const p of spread(parties, 20)) {
      texts.add(p.id.toLowerCase());
      const name = p.props.name;
      if (typeof name !== 'string') continue;
      const words = name.split(' ');
      texts.add(words.slice(1).join(' ')).add(`${name.slice(0, 2)}${name.slice(3)}`);
    }
    for (const n of spread(await collect(embedded.streamNodes(['Address', 'Phone'])), 12)) {
      if (typeof n.props.value === 'string') texts.add(n.props.value.slice(4, 14));
    }
    for (const text of texts) {
      for (const options of [{ limit: 20 }, { limit: 5, labels: ['Importer', 'Address'] as NodeLabel[] }]) {
        expect(await neo4j.searchText(text, options), text).toEqual(await embedded.searchText(text, options));
      }
    }
  });

  it('aggregates the same months, trade links and link lines', async () => {
    const byKey = (a: { party: NodeRef }, b: { party: NodeRef }) =>
      compare(nodeKey(a.party), nodeKey(b.party));
    for (const party of spread(parties, 30)) {
      expect(await neo4j.partyMonths(party), nodeKey(party)).toEqual(await embedded.partyMonths(party));
      const links = (await embedded.tradeLinks(party)).sort(byKey);
      expect((await neo4j.tradeLinks(party)).sort(byKey), nodeKey(party)).toEqual(links);
      for (const link of links.slice(0, 2)) {
        const q = { from: party, to: link.party, limit: 3 };
        const page = await embedded.linkLines(q);
        expect(await neo4j.linkLines(q)).toEqual(page);
        const last = page.at(-1);
        if (!last) continue;
        const next = { ...q, after: { date: last.date, shipmentId: last.shipmentId } };
        expect(await neo4j.linkLines(next)).toEqual(await embedded.linkLines(next));
      }
      const hub = { start: party, limit: 7 };
      expect(await neo4j.neighbours(hub), nodeKey(party)).toEqual(await embedded.neighbours(hub));
    }
  });
}
