// The seeded world the browser tests run against: a tiny generated customs world, ingested into
// an embedded store, detection run, and the real API server on an ephemeral loopback port
// serving the built explorer, in demo mode (the published demo accounts). With `risk`, the server
// also scores arriving declarations with a model trained on the world's labelled lines.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { generateWorld } from '../../../seed/generate.ts';
import type { Truth } from '../../../src/eval/truth.ts';
import { testConfig, type Config } from '../../../server/config.ts';
import { PIPELINES } from '../../../server/pipelines.ts';
import { serve } from '../../../server/serve.ts';
import { runDetection } from '../../../src/detection/run-detection.ts';
import { ingestFiles } from '../../../src/ingest/ingest.ts';
import type { DetectionRun } from '../../../src/model/index.ts';
import { openStore } from '../../../src/store/open.ts';
import { trainWorldModel } from './risk.ts';

const clientDir = fileURLToPath(new URL('../../../client/', import.meta.url));

export interface SeededServer {
  url: string;
  truth: Truth;
  run: DetectionRun;
  dir: string;
  declarationsPath: string;
  /** The risk model the server scores with; null without `risk`. */
  riskModel: string | null;
  close(): Promise<void>;
}

export async function buildExplorer(): Promise<string> {
  await build({ configFile: join(clientDir, 'vite.config.ts'), logLevel: 'warn' });
  return join(clientDir, 'dist');
}

export async function startSeededServer(
  seed = 7,
  options: { risk?: boolean; config?: Partial<Config> } = {},
): Promise<SeededServer> {
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-e2e-'));
  const clientDist = await buildExplorer();
  const world = await generateWorld({ size: 'tiny', seed, outDir: join(dir, 'world') });
  const db = join(dir, 'ringscope.db');
  const store = await openStore({ db });
  await ingestFiles(store, [world.entitiesPath, world.declarationsPath]);
  const { run } = await runDetection(store, { seed });
  const riskModel = options.risk ? join(dir, 'risk-model.json') : null;
  if (riskModel) await trainWorldModel(world.declarationsPath, riskModel);
  const config = testConfig({
    mode: 'demo',
    port: 0,
    db,
    appDb: join(dir, 'app.db'),
    uploadDir: join(dir, 'uploads'),
    clientDist,
    ...(riskModel ? { riskModel } : {}),
    ...options.config,
  });
  const running = await serve(config, { store, pipelines: PIPELINES });
  return {
    url: running.url,
    truth: world.truth,
    run,
    dir,
    declarationsPath: world.declarationsPath,
    riskModel,
    close: async () => {
      await running.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The session cookie of a demo user (password `ringscope-<name>`), signed in through the API. */
export async function sessionCookie(url: string, username: string): Promise<string> {
  const answer = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: `ringscope-${username}` }),
  });
  if (answer.status !== 200) throw new Error(`${username} could not sign in: ${answer.status}`);
  return answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
