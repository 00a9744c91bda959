// Path search (src/store/traversal.ts) over an in-memory source: the pinned answers on random
// graphs (against the naive reference), and how much of the graph a search reads, counted.
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src/model/rng.ts';
import { nodeKey, relId } from '../../src/model/index.ts';
import type { GraphNode, GraphRel, NodeLabel, NodeRef, RelType } from '../../src/model/index.ts';
import type { PathQuery, WriteBatch } from '../../src/store/graph-store.ts';
import { findPaths, TRAVERSED_TYPES } from '../../src/store/traversal.ts';
import type { Incidence, TraversalSource } from '../../src/store/traversal.ts';
import { referencePaths } from './reference.ts';

/** A TraversalSource over a batch that counts the nodes whose relationships it was asked for. */
function memorySource(batch: WriteBatch): TraversalSource & { incidentReads: number } {
  const nodes = new Map(batch.nodes.map((n) => [nodeKey(n), n]));
  const traversed = batch.rels.filter((r) => TRAVERSED_TYPES.includes(r.type));
  const source = {
    incidentReads: 0,
    getNodes: (refs: NodeRef[]) => Promise.resolve(refs.flatMap((r) => nodes.get(nodeKey(r)) ?? [])),
    incident: (refs: NodeRef[]) => {
      source.incidentReads += refs.length;
      const byNode = new Map<string, Incidence[]>();
      for (const ref of refs) {
        const key = nodeKey(ref);
        byNode.set(
          key,
          traversed.flatMap((r): Incidence[] => {
            const base = { relId: r.id, type: r.type, from: r.from, to: r.to };
            if (nodeKey(r.from) === key) return [{ ...base, other: r.to }];
            if (nodeKey(r.to) === key) return [{ ...base, other: r.from }];
            return [];
          }),
        );
      }
      return Promise.resolve(byNode);
    },
    relsAmong: () => Promise.resolve([]),
    getRels: (ends: { type: RelType; from: NodeRef; to: NodeRef }[]) => {
      const ids = new Set(ends.map((e) => relId(e.type, e.from, e.to)));
      return Promise.resolve(traversed.filter((r) => ids.has(r.id)));
    },
  };
  return source;
}

const node = (label: NodeLabel, id: string): GraphNode => ({ label, id, props: {}, source: null });
const rel = (type: RelType, from: GraphNode, to: GraphNode): GraphRel => ({
  id: relId(type, from, to),
  type,
  from,
  to,
  props: {},
});
const shape = (paths: { nodes: GraphNode[]; rels: GraphRel[] }[]) =>
  paths.map((p) => ({ nodes: p.nodes.map(nodeKey), rels: p.rels.map((r) => r.id) }));

/** Firms, addresses and shipments joined at random, with some parallel relationships. */
function randomWorld(seed: number): WriteBatch {
  const next = seededRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const firms = Array.from({ length: 14 }, (_, i) => node(i % 3 === 0 ? 'Broker' : 'Importer', `F${i}`));
  const addresses = Array.from({ length: 6 }, (_, i) => node('Address', `a${i}`));
  const shipments = Array.from({ length: 16 }, (_, i) => node('Shipment', `D${i}/1`));
  const rels = new Map<string, GraphRel>();
  const add = (r: GraphRel) => rels.set(r.id, r);
  for (const s of shipments) {
    add(rel('IMPORTED_BY', s, pick(firms)));
    add(rel('DECLARED_BY', s, pick(firms)));
  }
  for (let i = 0; i < 12; i += 1) add(rel('HAS_ADDRESS', pick(firms), pick(addresses)));
  for (let i = 0; i < 6; i += 1) {
    const [a, b] = [pick(firms), pick(firms)];
    if (a === b) continue;
    add(rel('SUCCEEDS', a, b)); // with a parallel relationship between the same two firms
    add(rel('DIRECTS', a, b));
  }
  for (let i = 0; i < 3; i += 1) {
    const [a, b] = [pick(firms), pick(firms)];
    if (a !== b) add(rel('DIRECTS', a, b));
  }
  return { nodes: [...firms, ...addresses, ...shipments], rels: [...rels.values()] };
}

describe('path search', () => {
  it('gives the pinned paths on random graphs, for every pair, length bound, k and exclusion', async () => {
    let compared = 0;
    for (const seed of [1, 2, 3]) {
      const batch = randomWorld(seed);
      const source = memorySource(batch);
      const ends = batch.nodes.filter((_, i) => i % 3 === 0);
      for (const from of ends) {
        for (const to of ends) {
          for (const [maxLength, k, excludeLabels] of [
            [3, 1, undefined],
            [5, 4, undefined],
            [6, 3, ['Shipment']],
          ] as const) {
            const query: PathQuery = {
              from,
              to,
              maxLength,
              k,
              ...(excludeLabels ? { excludeLabels: [...excludeLabels] } : {}),
            };
            const expected = referencePaths(batch, query);
            expect(shape(await findPaths(source, query)), JSON.stringify(query)).toEqual(expected);
            if (expected.length > 0) compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads around both ends, not a ball around one of them', async () => {
    // A — address — B, and B imports 2,000 lines each declared by one of 40 brokers.
    const a = node('Importer', 'A');
    const b = node('Importer', 'B');
    const address = node('Address', 'x');
    const shipments = Array.from({ length: 2000 }, (_, i) => node('Shipment', `D${i}/1`));
    const brokers = Array.from({ length: 40 }, (_, i) => node('Broker', `BR${i}`));
    const batch: WriteBatch = {
      nodes: [a, b, address, ...shipments, ...brokers],
      rels: [
        rel('HAS_ADDRESS', a, address),
        rel('HAS_ADDRESS', b, address),
        ...shipments.flatMap((s, i) => [
          rel('IMPORTED_BY', s, b),
          rel('DECLARED_BY', s, brokers[i % brokers.length]!),
        ]),
      ],
    };
    const source = memorySource(batch);
    const paths = await findPaths(source, { from: a, to: b, maxLength: 4, k: 1 });
    expect(shape(paths)).toEqual([
      {
        nodes: ['Importer:A', 'Address:x', 'Importer:B'],
        rels: ['HAS_ADDRESS|Importer:A|Address:x', 'HAS_ADDRESS|Importer:B|Address:x'],
      },
    ]);
    // B's 2,000 lines are one hop from B: reading their relationships would be 2,000 reads.
    expect(source.incidentReads).toBeLessThan(10);
  });
});
