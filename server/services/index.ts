// Everything a route may call, built once per app: the graph store and its API view, the
// app database's users, sessions, audit trail, cases and jobs, and the ingest/detect pipelines.
import type { Logger } from 'pino';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { AppDb } from '../app-db.ts';
import { AuditLog } from '../audit.ts';
import { Sessions } from '../auth/sessions.ts';
import { Users } from '../auth/users.ts';
import type { Config } from '../config.ts';
import { Cases } from './cases.ts';
import { GraphView } from './graph-view.ts';
import { Jobs, type JobProgress } from './jobs.ts';
import { RiskScores } from './risk-scores.ts';

export interface UploadedFile {
  /** Where the upload was streamed to on disk. */
  path: string;
  /** The client's file name, reduced to a safe base name. */
  name: string;
  bytes: number;
}

/** The ingest and detection entry points the job routes run; injected so tests can stand in. */
export interface Pipelines {
  ingest(input: {
    store: GraphStore;
    files: UploadedFile[];
    preset: string | undefined;
    onProgress: (p: JobProgress) => void;
  }): Promise<unknown>;
  detect(input: { store: GraphStore; seed: number; onProgress: (p: JobProgress) => void }): Promise<unknown>;
}

export interface Services {
  config: Config;
  logger: Logger;
  store: GraphStore;
  graph: GraphView;
  /** The last run's party scores, shared by every request; a job that ends drops them. */
  risks: RiskScores;
  db: AppDb;
  users: Users;
  sessions: Sessions;
  audit: AuditLog;
  cases: Cases;
  jobs: Jobs;
  pipelines: Pipelines | null;
}

export function createServices(input: {
  store: GraphStore;
  appDb: AppDb;
  config: Config;
  logger: Logger;
  pipelines: Pipelines | null;
}): Services {
  // Each entry's head also goes to the log, which is kept apart from the app database: an
  // anchor for `ringscope audit verify --anchor` if entries are later cut from the end.
  const audit = new AuditLog(input.appDb, (entry) =>
    input.logger.info({ audit: { seq: entry.seq, hash: entry.hash, action: entry.action } }, 'audit'),
  );
  const risks = new RiskScores(input.store);
  return {
    config: input.config,
    logger: input.logger,
    store: input.store,
    graph: new GraphView(input.store, risks),
    risks,
    db: input.appDb,
    users: new Users(input.appDb),
    sessions: new Sessions(input.appDb, {
      idleMs: input.config.sessionIdleMs,
      absoluteMs: input.config.sessionAbsoluteMs,
    }),
    audit,
    cases: new Cases(input.appDb),
    jobs: new Jobs(input.appDb, audit, input.logger, () => risks.invalidate()),
    pipelines: input.pipelines,
  };
}
