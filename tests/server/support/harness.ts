// A real app on a temporary store and app database, listening on an ephemeral loopback port,
// with one signed-in agent per role.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../../server/app.ts';
import { openAppDb, type AppDb } from '../../../server/app-db.ts';
import { testConfig, type Config } from '../../../server/config.ts';
import { ROLES, type Role } from '../../../server/policies.ts';
import type { Pipelines, Services } from '../../../server/services/index.ts';
import type { GraphStore } from '../../../src/store/graph-store.ts';
import { loadFixture } from './fixture.ts';
import { faulty, type Fault } from './faulty-store.ts';
import { openEmbeddedStore } from '../../../src/store/embedded/index.ts';
import { openNeo4jStore, type Neo4jStoreOptions } from '../../../src/store/neo4j/index.ts';
import { wipeNeo4j } from '../../../bench/support/neo4j-target.ts';

export type Agent = InstanceType<typeof TestAgent>;

export interface Harness {
  server: Server;
  origin: string;
  store: GraphStore;
  /** Set `error` to make every store call fail; null heals it. */
  fault: Fault;
  appDb: AppDb;
  services: Services;
  dir: string;
  agent(): Agent;
  /** A signed-in agent for the role (user `<role>` with password `password-<role>`). */
  as(role: Role): Promise<Agent>;
  close(): Promise<void>;
}

export const passwordOf = (role: Role) => `password-for-${role}`;

export interface HarnessOptions {
  config?: Partial<Config>;
  pipelines?: Pipelines;
  fixture?: boolean;
  /** A Neo4j to run on instead of a temporary embedded store; it is EMPTIED first. */
  neo4j?: Neo4jStoreOptions;
  logger?: Logger;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'ringscope-server-'));
  const fault: Fault = { error: null };
  if (options.neo4j) await wipeNeo4j(options.neo4j);
  const real = options.neo4j
    ? await openNeo4jStore(options.neo4j)
    : await openEmbeddedStore(join(dir, 'graph.db'));
  await real.init();
  const store = faulty(real, fault);
  if (options.fixture !== false) await loadFixture(store);
  const appDb = openAppDb(join(dir, 'app.db'));
  const config = testConfig({
    appDb: join(dir, 'app.db'),
    uploadDir: join(dir, 'uploads'),
    clientDist: join(dir, 'no-client'),
    logRequests: false,
    ...options.config,
  });
  const app = createApp({
    store,
    appDb,
    config,
    logger: options.logger ?? pino({ level: 'silent' }),
    pipelines: options.pipelines ?? null,
  });
  const services = app.locals.services;
  await Promise.all(
    ROLES.map((role) =>
      services.users.add({ username: role.replace('_', '-'), role, password: passwordOf(role) }),
    ),
  );
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agents = new Map<Role, Agent>();
  const harness: Harness = {
    server,
    origin,
    store,
    fault,
    appDb,
    services,
    dir,
    agent: () => request.agent(server).set('Origin', origin),
    async as(role) {
      const existing = agents.get(role);
      if (existing) return existing;
      const agent = harness.agent();
      const res = await agent
        .post('/api/auth/login')
        .send({ username: role.replace('_', '-'), password: passwordOf(role) });
      if (res.status !== 200)
        throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      agents.set(role, agent);
      return agent;
    },
    async close() {
      await services.jobs.idle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.scoreWorker.close();
      appDb.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
