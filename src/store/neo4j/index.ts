// Neo4j store adapter: every query is a named file in cypher/, run with $parameters only
// through one executor (executor.ts). How data sits in Neo4j is described in encode.ts.
import neo4j from 'neo4j-driver';
import { isResolutionRelType, NodeLabel, RelType } from '../../model/index.ts';
import type {
  DetectionRun,
  Lead,
  LeadQuery,
  GraphNode,
  GraphPath,
  GraphRel,
  LineTarget,
  NodeRef,
  PartyRisk,
  ResolveCandidateInput,
  ResolveLink,
  ResolveLinkQuery,
  ResolveReview,
  Ring,
  RingSummary,
  ShipmentRecord,
  Subgraph,
} from '../../model/index.ts';
import { StoreError } from '../errors.ts';
import type {
  GraphCounts,
  GraphStore,
  ImportRecord,
  ImportSession,
  InspectionLabel,
  LineRef,
  NeighbourhoodQuery,
  PathQuery,
  RingQuery,
  SearchHit,
  SearchOptions,
  TextHit,
} from '../graph-store.ts';
import { findPaths } from '../traversal.ts';
import type { TraversalSource } from '../traversal.ts';
import { query } from './cypher.ts';
import { toStoreError } from './errors.ts';
import { CypherExecutor } from './executor.ts';
import * as findings from './findings.ts';
import * as leads from './leads.ts';
import * as resolveLinks from './resolve-links.ts';
import * as riskModels from './risk-models.ts';
import type { RiskModelRecord, RiskModelSave, RiskModelVersion } from '../risk-models.ts';
import { attachGds } from './gds.ts';
import { importFromRecord, Neo4jImport } from './imports.ts';
import { labelLine } from './labels.ts';
import type { ImportTuning } from './imports.ts';
import { neighbourhood } from './neighbourhood.ts';
import { createSchema } from './schema.ts';
import { searchNodes } from './search.ts';
import { searchText } from './text-search.ts';
import * as trade from './trade.ts';
import { shippingRoutes } from './shipping-routes.ts';
import { neighbourPage, type NeighbourPage, type NeighbourPageQuery } from '../neighbour-page.ts';
import type { LinkLine, LinkLinesQuery, PartyMonth, TradeLink } from '../trade.ts';
import type { ShippingRoute } from '../shipping-routes.ts';
import * as streams from './streams.ts';
import { neo4jTraversal, selectNodes } from './traversal.ts';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
  /** Import transaction and statement sizes; the measured defaults when absent. */
  importTuning?: ImportTuning | undefined;
}

class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private openImport: Neo4jImport | null = null;
  private readonly traversal: TraversalSource;

  constructor(
    private readonly driver: neo4j.Driver,
    private readonly executor: CypherExecutor,
    private readonly importTuning: ImportTuning = {},
  ) {
    this.traversal = neo4jTraversal(executor);
  }

  init(): Promise<void> {
    return createSchema(this.executor);
  }

  async close(): Promise<void> {
    const open = this.openImport;
    this.openImport = null;
    if (open) await open.abort();
    await this.driver.close();
  }

  async findImport(fileHash: string): Promise<ImportRecord | null> {
    const [record] = await this.executor.read(query('imports/find'), { fileHash });
    return record ? importFromRecord(record) : null;
  }

  async listImports(): Promise<ImportRecord[]> {
    return (await this.executor.read(query('imports/list'))).map(importFromRecord);
  }

  async beginImport(file: { fileHash: string; fileName: string; rows: number }): Promise<ImportSession> {
    this.requireNoImport(`start the import of ${file.fileName}`);
    const session: Neo4jImport = await Neo4jImport.open(
      this.executor,
      file,
      () => {
        if (this.openImport === session) this.openImport = null;
      },
      this.importTuning,
    );
    this.openImport = session;
    return session;
  }

  async getNode(ref: NodeRef): Promise<GraphNode | null> {
    const [node] = await selectNodes(this.executor, [ref]);
    return node ?? null;
  }

  getNodes(refs: NodeRef[]): Promise<GraphNode[]> {
    return selectNodes(this.executor, refs);
  }

  neighbourhood(q: NeighbourhoodQuery): Promise<Subgraph> {
    return neighbourhood(this.executor, this.traversal, q);
  }

  paths(q: PathQuery): Promise<GraphPath[]> {
    return findPaths(this.traversal, q);
  }

  neighbours(query: NeighbourPageQuery): Promise<NeighbourPage> {
    return neighbourPage(this.traversal, query);
  }

  search(text: string, options: { limit: number; labels?: NodeLabel[] }): Promise<SearchHit[]> {
    return searchNodes(this.executor, text, options);
  }

  searchText(text: string, options: SearchOptions): Promise<TextHit[]> {
    return searchText(this.executor, text, options);
  }

  partyMonths(ref: NodeRef): Promise<PartyMonth[]> {
    return trade.partyMonths(this.executor, ref);
  }

  tradeLinks(ref: NodeRef): Promise<TradeLink[]> {
    return trade.tradeLinks(this.executor, ref);
  }

  linkLines(q: LinkLinesQuery): Promise<LinkLine[]> {
    return trade.linkLines(this.executor, q);
  }

  shippingRoutes(parties: readonly NodeRef[]): Promise<ShippingRoute[]> {
    return shippingRoutes(this.executor, parties);
  }

  async counts(): Promise<GraphCounts> {
    const counts: GraphCounts = { nodes: {}, rels: {} };
    for (const label of [...NodeLabel.options].sort()) {
      const [record] = await this.executor.read(query('read/count-label', { label }));
      const n = Number(record?.get('n') ?? 0);
      if (n > 0) counts.nodes[label] = n;
    }
    for (const type of RelType.options.filter((t) => !isResolutionRelType(t)).sort()) {
      const [record] = await this.executor.read(query('read/count-type', { type }));
      const n = Number(record?.get('n') ?? 0);
      if (n > 0) counts.rels[type] = n;
    }
    return counts;
  }

  streamNodes(labels: readonly NodeLabel[]): AsyncIterable<GraphNode> {
    return streams.streamNodes(this.executor, labels);
  }

  streamRels(types: readonly RelType[]): AsyncIterable<GraphRel> {
    return streams.streamRels(this.executor, types);
  }

  streamShipments(): AsyncIterable<ShipmentRecord> {
    return streams.streamShipments(this.executor);
  }

  writeFindings(run: DetectionRun): Promise<void> {
    this.requireNoImport('write findings');
    return findings.writeFindings(this.executor, run);
  }

  async labelLine(line: LineRef, result: InspectionLabel): Promise<boolean> {
    this.requireNoImport('label a declaration line');
    return labelLine(this.executor, line, result);
  }

  lastRun(): Promise<Pick<DetectionRun, 'runId' | 'startedAt' | 'finishedAt' | 'seed'> | null> {
    return findings.lastRun(this.executor);
  }

  listRings(q: RingQuery): Promise<{ rings: RingSummary[]; total: number }> {
    return findings.listRings(this.executor, q);
  }

  getRing(id: string): Promise<Ring | null> {
    return findings.getRing(this.executor, id);
  }

  ringsOf(ref: NodeRef): Promise<RingSummary[]> {
    return findings.ringsOf(this.executor, ref);
  }

  partyRisk(ref: NodeRef): Promise<PartyRisk | null> {
    return findings.partyRisk(this.executor, ref);
  }

  listPartyRisks(options: { minScore?: number; limit?: number }): Promise<PartyRisk[]> {
    return findings.listPartyRisks(this.executor, options);
  }

  listTargets(options: { limit: number }): Promise<LineTarget[]> {
    return findings.listTargets(this.executor, options);
  }

  listLeads(query: LeadQuery): Promise<{ leads: Lead[]; total: number }> {
    return leads.listLeads(this.executor, query);
  }

  saveRiskModel(model: RiskModelSave): Promise<void> {
    return riskModels.saveRiskModel(this.executor, model);
  }

  currentRiskModel(): Promise<RiskModelRecord | null> {
    return riskModels.currentRiskModel(this.executor);
  }

  listRiskModels(): Promise<RiskModelVersion[]> {
    return riskModels.listRiskModels(this.executor);
  }

  writeResolveCandidates(candidates: readonly ResolveCandidateInput[]): Promise<{ written: number }> {
    return resolveLinks.writeResolveCandidates(this.executor, candidates);
  }

  listResolveLinks(query: ResolveLinkQuery): Promise<{ links: ResolveLink[]; total: number }> {
    return resolveLinks.listResolveLinks(this.executor, query);
  }

  reviewResolveLink(id: string, review: ResolveReview): Promise<ResolveLink | null> {
    return resolveLinks.reviewResolveLink(this.executor, id, review);
  }

  sameAsPairs(): Promise<[NodeRef, NodeRef][]> {
    return resolveLinks.sameAsPairs(this.executor);
  }

  private requireNoImport(action: string): void {
    if (this.openImport !== null) {
      throw new StoreError(
        'conflict',
        `Cannot ${action}: another import is still open on this store; commit or abort it first.`,
      );
    }
  }
}

/** The driver Ringscope talks to Neo4j with: integers as JS numbers, never neo4j.Integer. */
export function createDriver(options: Neo4jStoreOptions): neo4j.Driver {
  const auth = options.password === '' ? undefined : neo4j.auth.basic(options.user, options.password);
  return neo4j.driver(options.uri, auth, {
    disableLosslessIntegers: true,
    userAgent: 'ringscope/0.1',
    connectionAcquisitionTimeout: 30_000,
  });
}

export async function openNeo4jStore(options: Neo4jStoreOptions): Promise<GraphStore> {
  let driver: neo4j.Driver;
  try {
    driver = createDriver(options);
  } catch (error) {
    throw new StoreError(
      'invalid',
      `Not a usable Neo4j URI ${JSON.stringify(options.uri)}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  try {
    await driver.verifyConnectivity({ database: options.database });
  } catch (error) {
    await driver.close();
    const mapped = toStoreError(error, `Neo4j at ${options.uri}`);
    throw mapped instanceof StoreError
      ? new StoreError(mapped.code, `${mapped.message} (for a local server: npm run neo4j:start)`, {
          cause: error,
        })
      : mapped;
  }
  const executor = new CypherExecutor(driver, options.database);
  const store = new Neo4jStore(driver, executor, options.importTuning);
  attachGds(store, executor);
  return store;
}
