// Detection with Graph Data Science against a real Neo4j with GDS (NEO4J_GDS=1 npm run
// neo4j:start): on the small seeded world, GDS's identifier components equal the in-process
// ones exactly, `--engine gds` finds the rings `--engine in-process` finds, a memory estimate
// over the limit is refused with nothing changed, and projections are dropped even on failure.
// Without GDS on the server, `--engine gds` must exit 2 with a clear message.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateWorld } from '../../seed/generate.ts';
import { main } from '../../src/cli/main.ts';
import { runDetection, type DetectionOutcome } from '../../src/detection/run-detection.ts';
import { scoreRings } from '../../src/eval/ring-matching.ts';
import { identifierComponents, groupsOf } from '../../src/graph/identifier-components.ts';
import { PROJECTION_DEFAULTS } from '../../src/graph/projection.ts';
import { ingestFiles } from '../../src/ingest/ingest.ts';
import type { Ring } from '../../src/model/index.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { gdsEngineOf, type GdsEngine } from '../../src/store/neo4j/gds.ts';
import { openNeo4jStore } from '../../src/store/neo4j/index.ts';
import { neo4jTarget, wipeNeo4j } from '../../bench/support/neo4j-target.ts';
import { gdsAnswers } from './gds-probe.ts';

const target = await neo4jTarget();

const asMemberSets = (rings: readonly Ring[]) =>
  rings.map((r) => ({ id: r.id, typology: r.typology, members: r.members.map((m) => `${m.label}:${m.id}`) }));

if (!target) {
  describe('detection with Graph Data Science', () => {
    it.skip('needs a Neo4j server with GDS: NEO4J_GDS=1 npm run neo4j:start (and NEO4J_URI)', () =>
      undefined);
  });
} else {
  const gdsUp = await gdsAnswers(target);

  // Only where GDS is off (CI runs with it on, and tests the refusal in tests/store/neo4j-gds.test.ts).
  if (!gdsUp)
    describe('detection with --engine gds on a Neo4j without GDS', () => {
      it('exits 2 saying GDS does not answer, and writes no run', async () => {
        const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
        try {
          expect(await main(['--neo4j', target.uri, 'detect', '--engine', 'gds'])).toBe(2);
          expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(
            'Graph Data Science does not answer on this Neo4j',
          );
        } finally {
          stderr.mockRestore();
        }
      });
    });

  describe.runIf(gdsUp)('detection with Graph Data Science on the small world', () => {
    let dir = '';
    let store: GraphStore;
    let gds: GdsEngine;
    let inProcess: DetectionOutcome;
    let withGds: DetectionOutcome;

    beforeAll(async () => {
      await wipeNeo4j(target);
      dir = await mkdtemp(join(tmpdir(), 'ringscope-gds-'));
      const world = await generateWorld({ size: 'small', seed: 7, outDir: dir });
      store = await openNeo4jStore(target);
      await store.init();
      await ingestFiles(store, [world.entitiesPath, world.declarationsPath]);
      gds = gdsEngineOf(store)!;
      inProcess = await runDetection(store, { seed: 1, engine: 'in-process' });
      withGds = await runDetection(store, { seed: 1, engine: 'gds' });
    }, 900_000);

    afterAll(async () => {
      await store?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('gives the same identifier components as the in-process view, exactly', () => {
      expect(withGds.gds).not.toBeNull();
      const expected = identifierComponents(inProcess.view);
      expect(expected.filter((g) => g.length >= 2).length).toBeGreaterThan(10);
      expect(groupsOf(withGds.gds!.components)).toEqual(expected);
      expect(withGds.gds!.communities.size).toBe(inProcess.view.graph.order);
    });

    it('finds the in-process rings (ring recall ≥ 0.95, Jaccard ≥ 0.5 as in ringscope eval)', () => {
      expect(inProcess.gds).toBeNull();
      const reference = asMemberSets(inProcess.findings.rings);
      const typologies = [...new Set(reference.map((r) => r.typology))];
      const { overall } = scoreRings(reference, asMemberSets(withGds.findings.rings), typologies);
      expect(reference.length).toBeGreaterThan(10);
      expect(overall.recall).toBeGreaterThanOrEqual(0.95);
      // GDS's communities find rings: reported as communities, or folded into the scheme ring
      // whose firms they are (named in its explanation).
      const communities = withGds.findings.rings.filter(
        (r) => r.typology === 'community' || r.explanation.includes('also seen as community'),
      );
      expect(communities.length).toBeGreaterThan(0);
    });

    it('refuses when the estimate exceeds the memory limit, projecting and writing nothing', async () => {
      const before = await store.lastRun();
      const refused = runDetection(store, { seed: 1, engine: 'gds', gdsMemoryLimitBytes: 1024 });
      await expect(refused).rejects.toMatchObject({ name: 'GdsError', reason: 'memory' });
      await expect(refused).rejects.toThrow(
        /would need up to [\d.]+ MiB .* and 0\.0 MiB is free: nothing was projected/,
      );
      expect(await store.lastRun()).toEqual(before);
      expect(await gds.projections()).toEqual([]);
    });

    it('drops its projection when an algorithm fails (Community GDS refuses 8 threads)', async () => {
      const failing = gds.run({
        seed: 1,
        resolution: 1,
        concurrency: 8,
        window: PROJECTION_DEFAULTS.window,
        maxIdentifierHolders: PROJECTION_DEFAULTS.maxIdentifierHolders,
        linkWeights: PROJECTION_DEFAULTS.linkWeights,
      });
      await expect(failing).rejects.toThrow(/Community users cannot exceed concurrency=4/);
      expect(await gds.projections()).toEqual([]);
    });

    it('caps concurrency at 4 on Community Edition', async () => {
      expect(await gds.server()).toMatchObject({ edition: 'community', concurrency: 4 });
    });
  });
}
