// Embedded store adapter (SQLite through better-sqlite3): the default, zero set-up store.
// One local file, ACID, durable across restarts; safe to share between the server and a CLI.
import type {
  DetectionRun,
  Lead,
  LeadQuery,
  GraphNode,
  GraphPath,
  GraphRel,
  LineTarget,
  NodeLabel,
  NodeRef,
  PartyRisk,
  RelType,
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
  DetectionLineChunk,
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
import { EmbeddedImport, findImport, listImports } from './imports.ts';
import { expandNeighbourhood, findPaths } from '../traversal.ts';
import type { TraversalSource } from '../traversal.ts';
import * as findings from './findings.ts';
import { labelLine } from './labels.ts';
import * as leads from './leads.ts';
import * as resolveLinks from './resolve-links.ts';
import * as riskModels from './risk-models.ts';
import type { RiskModelRecord, RiskModelSave, RiskModelVersion } from '../risk-models.ts';
import { NODE_COLUMNS, nodeFromRow } from './rows.ts';
import type { NodeRow } from './rows.ts';
import { migrate, openDatabase } from './schema.ts';
import type { DatabaseOptions, Db } from './schema.ts';
import { searchNodes } from './search.ts';
import { searchText } from './text-index.ts';
import * as trade from './trade.ts';
import { shippingRoutes } from './shipping-routes.ts';
import { neighbourPage, type NeighbourPage, type NeighbourPageQuery } from '../neighbour-page.ts';
import type { LinkLine, LinkLinesQuery, PartyMonth, TradeLink } from '../trade.ts';
import type { ShippingRoute } from '../shipping-routes.ts';
import * as streams from './streams.ts';
import { settle } from './sync.ts';
import { embeddedTraversal, selectNodes } from './traversal.ts';

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private openImport: EmbeddedImport | null = null;
  private readonly traversal: TraversalSource;

  constructor(
    private readonly db: Db,
    private readonly path: string,
  ) {
    this.traversal = embeddedTraversal(db);
  }

  get file(): string | undefined {
    return this.path === ':memory:' ? undefined : this.path;
  }

  init(): Promise<void> {
    return settle(() => migrate(this.db));
  }

  close(): Promise<void> {
    return settle(() => {
      if (!this.db.open) return;
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.openImport = null;
      this.db.close();
    });
  }

  findImport(fileHash: string): Promise<ImportRecord | null> {
    return settle(() => findImport(this.db, fileHash));
  }

  listImports(): Promise<ImportRecord[]> {
    return settle(() => listImports(this.db));
  }

  beginImport(file: { fileHash: string; fileName: string; rows: number }): Promise<ImportSession> {
    return settle(() => {
      this.requireNoImport(`start the import of ${file.fileName}`);
      const session = new EmbeddedImport(this.db, file, () => {
        if (this.openImport === session) this.openImport = null;
      });
      this.openImport = session;
      return session;
    });
  }

  getNode(ref: NodeRef): Promise<GraphNode | null> {
    return settle(() => {
      const row = this.db
        .prepare(`SELECT ${NODE_COLUMNS} FROM nodes WHERE label = ? AND id = ?`)
        .get(ref.label, ref.id) as NodeRow | undefined;
      return row ? nodeFromRow(row) : null;
    });
  }

  getNodes(refs: NodeRef[]): Promise<GraphNode[]> {
    return settle(() => selectNodes(this.db, refs));
  }

  neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph> {
    return expandNeighbourhood(this.traversal, query);
  }

  paths(query: PathQuery): Promise<GraphPath[]> {
    return findPaths(this.traversal, query);
  }

  neighbours(query: NeighbourPageQuery): Promise<NeighbourPage> {
    return neighbourPage(this.traversal, query);
  }

  search(text: string, options: { limit: number; labels?: NodeLabel[] }): Promise<SearchHit[]> {
    return settle(() => {
      // A first import builds the search indexes only when it commits.
      this.requireNoImport('search');
      return searchNodes(this.db, text, options);
    });
  }

  searchText(text: string, options: SearchOptions): Promise<TextHit[]> {
    return settle(() => {
      this.requireNoImport('search');
      return searchText(this.db, text, options);
    });
  }

  partyMonths(ref: NodeRef): Promise<PartyMonth[]> {
    return settle(() => trade.partyMonths(this.db, ref));
  }

  tradeLinks(ref: NodeRef): Promise<TradeLink[]> {
    return settle(() => trade.tradeLinks(this.db, ref));
  }

  linkLines(query: LinkLinesQuery): Promise<LinkLine[]> {
    return settle(() => trade.linkLines(this.db, query));
  }

  shippingRoutes(parties: readonly NodeRef[]): Promise<ShippingRoute[]> {
    return settle(() => shippingRoutes(this.db, parties));
  }

  counts(): Promise<GraphCounts> {
    return settle(() => {
      const counts: GraphCounts = { nodes: {}, rels: {} };
      const nodeRows = this.db
        .prepare('SELECT label, n FROM node_counts WHERE n > 0 ORDER BY label')
        .all() as {
        label: NodeLabel;
        n: number;
      }[];
      for (const { label, n } of nodeRows) counts.nodes[label] = n;
      const relRows = this.db.prepare('SELECT type, n FROM rel_counts WHERE n > 0 ORDER BY type').all() as {
        type: RelType;
        n: number;
      }[];
      for (const { type, n } of relRows) counts.rels[type] = n;
      return counts;
    });
  }

  streamNodes(labels: readonly NodeLabel[]): AsyncIterable<GraphNode> {
    return streams.streamNodes(this.path, labels);
  }

  streamRels(types: readonly RelType[]): AsyncIterable<GraphRel> {
    return streams.streamRels(this.path, types);
  }

  streamShipments(): AsyncIterable<ShipmentRecord> {
    return streams.streamShipments(this.path);
  }

  streamDetectionLines(): AsyncIterable<DetectionLineChunk> {
    return streams.streamDetectionLines(this.path);
  }

  labelLine(line: LineRef, result: InspectionLabel): Promise<boolean> {
    return settle(() => {
      this.requireNoImport('label a declaration line');
      return labelLine(this.db, line, result);
    });
  }

  writeFindings(run: DetectionRun): Promise<void> {
    return settle(() => {
      this.requireNoImport('write findings');
      findings.writeFindings(this.db, run);
    });
  }

  lastRun(): Promise<Pick<DetectionRun, 'runId' | 'startedAt' | 'finishedAt' | 'seed'> | null> {
    return settle(() => findings.lastRun(this.db));
  }

  listRings(query: RingQuery): Promise<{ rings: RingSummary[]; total: number }> {
    return settle(() => findings.listRings(this.db, query));
  }

  getRing(id: string): Promise<Ring | null> {
    return settle(() => findings.getRing(this.db, id));
  }

  ringsOf(ref: NodeRef): Promise<RingSummary[]> {
    return settle(() => findings.ringsOf(this.db, ref));
  }

  partyRisk(ref: NodeRef): Promise<PartyRisk | null> {
    return settle(() => findings.partyRisk(this.db, ref));
  }

  listPartyRisks(options: { minScore?: number; limit?: number }): Promise<PartyRisk[]> {
    return settle(() => findings.listPartyRisks(this.db, options));
  }

  listTargets(options: { limit: number }): Promise<LineTarget[]> {
    return settle(() => findings.listTargets(this.db, options));
  }

  listLeads(query: LeadQuery): Promise<{ leads: Lead[]; total: number }> {
    return settle(() => leads.listLeads(this.db, query));
  }

  saveRiskModel(model: RiskModelSave): Promise<void> {
    return settle(() => riskModels.saveRiskModel(this.db, model));
  }

  currentRiskModel(): Promise<RiskModelRecord | null> {
    return settle(() => riskModels.currentRiskModel(this.db));
  }

  listRiskModels(): Promise<RiskModelVersion[]> {
    return settle(() => riskModels.listRiskModels(this.db));
  }

  writeResolveCandidates(candidates: readonly ResolveCandidateInput[]): Promise<{ written: number }> {
    return settle(() => resolveLinks.writeResolveCandidates(this.db, candidates));
  }

  listResolveLinks(query: ResolveLinkQuery): Promise<{ links: ResolveLink[]; total: number }> {
    return settle(() => resolveLinks.listResolveLinks(this.db, query));
  }

  reviewResolveLink(id: string, review: ResolveReview): Promise<ResolveLink | null> {
    return settle(() => resolveLinks.reviewResolveLink(this.db, id, review));
  }

  sameAsPairs(): Promise<[NodeRef, NodeRef][]> {
    return settle(() => resolveLinks.sameAsPairs(this.db));
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

export function openEmbeddedStore(path: string, options: DatabaseOptions = {}): Promise<GraphStore> {
  return settle(() => {
    const db = openDatabase(path, options);
    try {
      // The schema is brought up to date at once: statements are prepared against it.
      migrate(db);
      return new EmbeddedStore(db, path);
    } catch (error) {
      db.close();
      throw error;
    }
  });
}
