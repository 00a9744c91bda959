// The seeded world the browser tests run against: a tiny generated customs world, ingested into
// an embedded store, detection run, and the real API server on an ephemeral loopback port
// serving the built explorer, in demo mode (the published demo accounts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { generateWorld } from '../../../seed/generate.ts';
import type { Truth } from '../../../src/eval/truth.ts';
import { testConfig } from '../../../server/config.ts';
import { PIPELINES } from '../../../server/pipelines.ts';
import { serve } from '../../../server/serve.ts';
import { runDetection } from '../../../src/detection/run-detection.ts';
import { ingestFiles } from '../../../src/ingest/ingest.ts';
import type { DetectionRun } from '../../../src/model/index.ts';
import { openStore } from '../../../src/store/open.ts';

const clientDir = fileURLToPath(new URL('../../../client/', import.meta.url));

export interface SeededServer {
  url: string;
  truth: Truth;
  run: DetectionRun;
  dir: string;
  close(): Promise<void>;
}

export async function buildExplorer(): Promise<string> {
  await build({ configFile: join(clientDir, 'vite.config.ts'), logLevel: 'warn' });
  return join(clientDir, 'dist');
}

export async function startSeededServer(seed = 7): Promise<SeededServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-e2e-'));
  const clientDist = await buildExplorer();
  const world = await generateWorld({ size: 'tiny', seed, outDir: join(dir, 'world') });
  const db = join(dir, 'ringscope.db');
  const store = await openStore({ db });
  await ingestFiles(store, [world.entitiesPath, world.declarationsPath]);
  const { run } = await runDetection(store, { seed });
  const config = testConfig({
    mode: 'demo',
    port: 0,
    db,
    appDb: join(dir, 'app.db'),
    uploadDir: join(dir, 'uploads'),
    clientDist,
  });
  const running = await serve(config, { store, pipelines: PIPELINES });
  return {
    url: running.url,
    truth: world.truth,
    run,
    dir,
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
