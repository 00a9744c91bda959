// Runs the API server: opens the graph store and the app database, makes sure there is an admin,
// listens, and shuts down cleanly (finishing the running job) on SIGINT/SIGTERM.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { openStore } from '../src/store/open.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { createApp } from './app.ts';
import { openAppDb } from './app-db.ts';
import { ensureAccounts } from './auth/bootstrap.ts';
import type { Config } from './config.ts';
import type { Pipelines } from './services/index.ts';

export interface RunningServer {
  url: string;
  notices: string[];
  close(): Promise<void>;
}

export async function serve(
  config: Config,
  options: { store?: GraphStore; pipelines?: Pipelines | null } = {},
): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel, redact: ['req.headers.cookie', 'password', '*.password'] });
  const store =
    options.store ?? (await openStore(config.neo4jUri ? { neo4j: config.neo4jUri } : { db: config.db }));
  const appDb = openAppDb(config.appDb);
  const app = createApp({ store, appDb, config, logger, pipelines: options.pipelines ?? null });
  const { services } = app.locals;
  // The store's model (when RINGSCOPE_RISK_MODEL is not set): one that cannot be used stops the boot.
  await services.riskModel.ready().catch(async (error: unknown) => {
    appDb.close();
    if (!options.store) await store.close();
    throw error;
  });
  const notices = await ensureAccounts(services.users, config);
  services.sessions.sweep();
  const sweeper = setInterval(() => services.sessions.sweep(), 10 * 60_000).unref();
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.info({ host: config.host, port, store: store.kind }, 'listening');
  let closed = false;
  return {
    url: `http://${host}:${port}`,
    notices,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.jobs.idle();
      await services.graphReads.close();
      await services.scoreWorker.close();
      services.audit.flush();
      appDb.close();
      await store.close();
    },
  };
}

/** Resolves when the process is asked to stop, after the server has closed. */
export function closeOnSignal(running: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
