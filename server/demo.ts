// The demo world for `ringscope start`: on an empty store, generate the small planted-ring world,
// ingest it and run detection; on later starts reuse what is there (running detection only if
// it never ran).
import { dirname, join } from 'node:path';
import { generateWorld } from '../seed/generate.ts';
import { runDetection } from '../src/detection/run-detection.ts';
import { ingestFiles } from '../src/ingest/ingest.ts';
import { SILENT } from '../src/ingest/progress.ts';
import type { GraphStore } from '../src/store/graph-store.ts';

export const DEMO_SIZE = 'small';
export const DEMO_SEED = 7;

export async function prepareDemo(
  store: GraphStore,
  options: { dbPath: string; say: (line: string) => void },
): Promise<void> {
  const { nodes } = await store.counts();
  const total = Object.values(nodes).reduce((sum, n) => sum + (n ?? 0), 0);
  if (total === 0) {
    const outDir = join(dirname(options.dbPath), 'world');
    options.say(`Empty store: generating the ${DEMO_SIZE} demo world (seed ${DEMO_SEED}) in ${outDir} …`);
    const world = await generateWorld({ size: DEMO_SIZE, seed: DEMO_SEED, outDir });
    options.say('Ingesting it …');
    const outcomes = await ingestFiles(store, [world.entitiesPath, world.declarationsPath], {
      progress: () => SILENT,
    });
    const invalid = outcomes.filter((o) => o.status === 'invalid');
    if (invalid.length > 0)
      throw new Error(
        `the demo world did not ingest: ${invalid.map((o) => `${o.file} (${o.problemCount} problems)`).join(', ')}`,
      );
  }
  if ((await store.lastRun()) === null) {
    options.say('Running detection …');
    const outcome = await runDetection(store, {
      seed: 1,
      onProgress: (p) => options.say(`  ${p.phase}: ${p.message}`),
    });
    options.say(`Detection found ${outcome.run.rings.length} rings.`);
  }
}
