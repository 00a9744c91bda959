// Accepted SAME_AS pairs in detection with Graph Data Science, against a real Neo4j with GDS
// (NEO4J_GDS=1 npm run neo4j:start): on the tiny seeded world, two importers of two different
// identifier components are accepted as one party; `--engine gds` then projects them as one node
// named by the representative, and its identifier components (WCC) equal the in-process ones
// exactly, the merged party's component being the union of the two. Rejecting the pair gives both
// engines the two parties and the original components back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../seed/generate.ts';
import { runDetection, type DetectionOutcome } from '../../src/detection/run-detection.ts';
import { groupsOf, identifierComponents } from '../../src/graph/identifier-components.ts';
import { nodeKey, parseNodeKey, type NodeRef } from '../../src/model/index.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { openNeo4jStore } from '../../src/store/neo4j/index.ts';
import { resolveLinkId } from '../../src/store/resolve-links.ts';
import { neo4jTarget, wipeNeo4j } from '../../bench/support/neo4j-target.ts';
import { gdsAnswers } from '../detection/gds-probe.ts';

const target = await neo4jTarget();
const at = '2026-12-07T23:00:00.000Z';

/** Both engines on the store as it is now. */
async function bothEngines(
  store: GraphStore,
): Promise<{ inProcess: DetectionOutcome; gds: DetectionOutcome }> {
  const inProcess = await runDetection(store, { seed: 1, engine: 'in-process' });
  const gds = await runDetection(store, { seed: 1, engine: 'gds' });
  return { inProcess, gds };
}

/** The two importers with the smallest keys whose identifier components differ, both shared. */
function pairAcrossComponents(components: string[][]): [NodeRef, NodeRef] {
  const shared = components.filter((g) => g.length >= 2 && g.some((k) => k.startsWith('Importer:')));
  const first = (g: string[]) => g.find((k) => k.startsWith('Importer:'))!;
  if (shared.length < 2) throw new Error('the tiny world has fewer than two importer components');
  const [a, b] = [first(shared[0]!), first(shared[1]!)].sort();
  return [parseNodeKey(a!), parseNodeKey(b!)];
}

function componentOf(components: string[][], key: string): string[] {
  return components.find((g) => g.includes(key)) ?? [];
}

if (!target) {
  describe('accepted SAME_AS pairs with Graph Data Science', () => {
    it.skip('needs a Neo4j server with GDS: NEO4J_GDS=1 npm run neo4j:start (and NEO4J_URI)', () =>
      undefined);
  });
} else {
  const gdsUp = await gdsAnswers(target);

  describe.runIf(gdsUp)('accepted SAME_AS pairs with Graph Data Science (tiny world)', () => {
    let dir = '';
    let store: GraphStore;
    let before: { inProcess: DetectionOutcome; gds: DetectionOutcome };
    let pair: [NodeRef, NodeRef];

    beforeAll(async () => {
      await wipeNeo4j(target);
      dir = await mkdtemp(join(tmpdir(), 'ringscope-gds-same-as-'));
      const world = await generateWorld({ size: 'tiny', seed: 11, outDir: dir });
      store = await openNeo4jStore(target);
      await store.init();
      await ingestFiles(store, [world.entitiesPath, world.declarationsPath]);
      before = await bothEngines(store);
      pair = pairAcrossComponents(identifierComponents(before.inProcess.view));
      await store.writeResolveCandidates([
        { a: pair[0], b: pair[1], aName: 'a', bName: 'b', score: 0.97, weight: 5, evidence: [] },
      ]);
    }, 600_000);

    afterAll(async () => {
      await store?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('agrees with the in-process engine before any review (two parties)', () => {
      const expected = identifierComponents(before.inProcess.view);
      expect(groupsOf(before.gds.gds!.components)).toEqual(expected);
      const [a, b] = pair.map(nodeKey) as [string, string];
      expect(componentOf(expected, a)).not.toContain(b);
    });

    it('projects an accepted pair as one party named by its representative, as in process', async () => {
      const [representative, alias] = pair.map(nodeKey) as [string, string];
      const separate = identifierComponents(before.inProcess.view);
      await store.reviewResolveLink(resolveLinkId(pair[0], pair[1]), {
        decision: 'accepted',
        by: 'ines',
        at,
      });
      const merged = await bothEngines(store);
      const partition = merged.gds.gds!;

      const expected = identifierComponents(merged.inProcess.view);
      expect(groupsOf(partition.components)).toEqual(expected);
      const union = [...componentOf(separate, representative), ...componentOf(separate, alias)]
        .filter((k) => k !== alias)
        .sort();
      expect(componentOf(expected, representative)).toEqual(union);

      // One node for the pair in both engines: the representative, never the alias.
      expect(partition.nodes).toBe(merged.inProcess.view.graph.order);
      expect(partition.nodes).toBe(before.inProcess.view.graph.order - 1);
      expect([...partition.communities.keys()].sort()).toEqual(merged.inProcess.view.graph.nodes().sort());
      expect(partition.communities.has(alias)).toBe(false);
      expect(partition.communities.has(representative)).toBe(true);
      const named = (o: DetectionOutcome) => [
        ...o.findings.parties.map(nodeKey),
        ...o.findings.rings.flatMap((r) => r.members.map(nodeKey)),
      ];
      expect(named(merged.gds)).not.toContain(alias);
      expect(named(merged.inProcess)).not.toContain(alias);
    });

    it('sees two parties again in both engines once the pair is rejected', async () => {
      await store.reviewResolveLink(resolveLinkId(pair[0], pair[1]), {
        decision: 'rejected',
        by: 'omar',
        at,
      });
      const restored = await bothEngines(store);
      const expected = identifierComponents(before.inProcess.view);
      expect(identifierComponents(restored.inProcess.view)).toEqual(expected);
      expect(groupsOf(restored.gds.gds!.components)).toEqual(expected);
      expect(restored.gds.gds!.nodes).toBe(before.inProcess.view.graph.order);
      expect(restored.gds.gds!.communities.has(nodeKey(pair[1]))).toBe(true);
    });
  });
}
