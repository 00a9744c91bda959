// Everything a route may call, built once per app: one service per area, each method one use
// case (graph reads, cases, exports, jobs, accounts), plus the users, sessions and audit trail
// that authentication and the route mounting use. Routes never reach the stores themselves.
import type { Logger } from 'pino';
import type { AdministrationProfile } from '../../src/model/profile.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import type { AppDb } from '../app-db.ts';
import { AuditLog } from '../audit.ts';
import { Sessions } from '../auth/sessions.ts';
import { Users } from '../auth/users.ts';
import type { Config } from '../config.ts';
import { Accounts } from './accounts.ts';
import { Alerts } from './alerts.ts';
import { CaseWork } from './case-work.ts';
import { DeclarationScoring } from './declaration-scoring.ts';
import { Cases } from './cases.ts';
import { Exports } from './exports.ts';
import { GraphReads } from './graph-reads.ts';
import { GraphView } from './graph-view.ts';
import { JobRuns } from './job-runs.ts';
import { Jobs, type JobProgress } from './jobs.ts';
import { Inspections } from './inspections.ts';
import { Investigations } from './investigations.ts';
import { DeclarationIntake } from './declaration-intake.ts';
import { LiveEvents } from './live-events.ts';
import { LiveLane } from './live-lane.ts';
import { Leads } from './leads.ts';
import { ResolveCandidates } from './resolve-candidates.ts';
import { HeavyReads } from './read-pool.ts';
import { ReadWorkers } from './read-workers.ts';
import { PartyIndex } from './party-index.ts';
import { ServedModel } from './risk-model.ts';
import { ScoreWorker } from './score-worker.ts';
import { RiskScores } from './risk-scores.ts';
import { Sharing } from './sharing.ts';
import { ShippingRoutes } from './shipping-routes.ts';
import { StoreWrites } from './store-writes.ts';
import { WatchList } from './watch-list.ts';

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
  detect(input: {
    store: GraphStore;
    seed: number;
    /** The administration's facts (RINGSCOPE_PROFILE). */
    profile: AdministrationProfile;
    onProgress: (p: JobProgress) => void;
  }): Promise<unknown>;
  /** Entity resolution of the store's parties, its candidates stored as links for review (absent: 503). */
  resolve?(input: {
    store: GraphStore;
    minScore: number;
    onProgress: (p: JobProgress) => void;
  }): Promise<unknown>;
}

export interface Services {
  config: Config;
  logger: Logger;
  graph: GraphView;
  /** Neighbourhood, paths and search: admitted by a bounded pool, run off the event loop. */
  graphReads: GraphReads;
  /** The last run's party scores, shared by every request; a job that ends drops them. */
  risks: RiskScores;
  users: Users;
  sessions: Sessions;
  accounts: Accounts;
  audit: AuditLog;
  cases: CaseWork;
  exports: Exports;
  jobs: Jobs;
  jobRuns: JobRuns;
  /** Arriving declarations scored with the served model (RINGSCOPE_RISK_MODEL's file, else the store's). */
  scoring: DeclarationScoring;
  /** The thread arriving declarations are scored on (closed with the server). */
  scoreWorker: ScoreWorker;
  /** That model: its card, and reloading it without a restart. */
  riskModel: ServedModel;
  /** The last run's party risks, rings and network facts in memory, for scoring; a job that ends rebuilds it. */
  parties: PartyIndex;
  inspections: Inspections;
  /** Saved investigations (named canvases), with their one access check. */
  investigations: Investigations;
  /** An arriving declaration stored (when asked), scored, alerted on and streamed; the alerts. */
  liveLane: LiveLane;
  watchList: WatchList;
  /** The last detection run's leads on parties. */
  leads: Leads;
  /** Packages for partner administrations, and partners' packages matched against the store. */
  share: Sharing;
  /** Entity-resolution candidates and their review. */
  resolveCandidates: ResolveCandidates;
  /** The route map of a ring or parties: their lines by origin, departure and entry office. */
  shippingRoutes: ShippingRoutes;
}

export function createServices(input: {
  store: GraphStore;
  appDb: AppDb;
  config: Config;
  logger: Logger;
  pipelines: Pipelines | null;
}): Services {
  // First: a model file that cannot be used stops the boot before anything else is set up (the
  // store's model is read by riskModel.ready(), which the boot awaits).
  const riskModel = new ServedModel(input.config.riskModel, undefined, input.store);
  // Each entry's head also goes to the log, which is kept apart from the app database: an
  // anchor for `ringscope audit verify --anchor` if entries are later cut from the end.
  const audit = new AuditLog(input.appDb, (entry) =>
    input.logger.info({ audit: { seq: entry.seq, hash: entry.hash, action: entry.action } }, 'audit'),
  );
  const risks = new RiskScores(input.store);
  const parties = new PartyIndex(input.store);
  const scoreWorker = new ScoreWorker();
  riskModel.onSwap((loaded) => scoreWorker.warm(loaded));
  // With a model to serve, the first declaration should not wait for the index or the thread.
  riskModel
    .ready()
    .then((loaded) => (loaded ? (scoreWorker.warm(loaded), parties.current()) : null))
    .catch(() => undefined);
  const users = new Users(input.appDb);
  const sessions = new Sessions(input.appDb, {
    idleMs: input.config.sessionIdleMs,
    absoluteMs: input.config.sessionAbsoluteMs,
  });
  const graph = new GraphView(input.store, risks);
  const { threads, ...limits } = input.config.heavyReads;
  const file = input.store.file;
  const graphReads = new GraphReads(
    new HeavyReads(limits),
    graph,
    file !== undefined && threads > 0 ? new ReadWorkers(file, threads) : null,
  );
  const cases = new CaseWork(new Cases(input.appDb), users, input.store, graph);
  const scoring = new DeclarationScoring(riskModel, parties, (...args) => scoreWorker.score(...args));
  const watchList = new WatchList(input.appDb);
  const storeWrites = new StoreWrites();
  const jobs = new Jobs(input.appDb, audit, input.logger, () => {
    risks.invalidate();
    graphReads.invalidate();
    parties.invalidate();
  });
  return {
    config: input.config,
    logger: input.logger,
    graph,
    graphReads,
    risks,
    users,
    sessions,
    accounts: new Accounts(users, sessions, audit),
    audit,
    cases,
    exports: new Exports(input.store, graph, cases, audit),
    jobs,
    jobRuns: new JobRuns(jobs, input.store, input.pipelines, input.config),
    scoring,
    scoreWorker,
    inspections: new Inspections(input.appDb, input.store, storeWrites),
    investigations: new Investigations(input.appDb, users),
    liveLane: new LiveLane({
      scoring,
      intake: new DeclarationIntake(input.store, storeWrites),
      watchList,
      alerts: new Alerts(input.appDb),
      events: new LiveEvents(),
    }),
    watchList,
    leads: new Leads(input.store),
    share: new Sharing(input.store, cases, audit, input.config),
    resolveCandidates: new ResolveCandidates(input.store),
    shippingRoutes: new ShippingRoutes(input.store),
    riskModel,
    parties,
  };
}
