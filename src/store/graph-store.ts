// The GraphStore port: everything the other layers ask of a store. Two adapters implement it
// (embedded, the default; neo4j) and both pass the one contract suite in tests/store/.
import type {
  DetectionRun,
  GraphNode,
  GraphPath,
  GraphRel,
  LineTarget,
  NodeLabel,
  NodeRef,
  PartyRisk,
  RelType,
  Ring,
  RingSummary,
  ShipmentRecord,
  Subgraph,
} from '../model/index.ts';

/** A batch of nodes and relationships to upsert (MERGE by label+id, rel by type+ends). */
export interface WriteBatch {
  nodes: GraphNode[];
  rels: GraphRel[];
}

/** What is known of one imported file; recorded when its import commits. */
export interface ImportRecord {
  /** SHA-256 of the file's bytes. */
  fileHash: string;
  fileName: string;
  rows: number;
  importedAt: string;
}

/**
 * One file's import. Nothing written through it is visible to readers (nor survives a crash)
 * until commit(); abort() or a crash leaves the store as it was before begin.
 */
export interface ImportSession {
  write(batch: WriteBatch): Promise<void>;
  commit(): Promise<ImportRecord>;
  abort(): Promise<void>;
}

export interface NeighbourhoodQuery {
  start: NodeRef;
  /** 1 to 4. */
  hops: number;
  /** Only these labels beyond the start node (all when absent). */
  labels?: NodeLabel[];
  /** Shipments outside [dateFrom, dateTo] (ISO dates, inclusive) are left out. */
  dateFrom?: string;
  dateTo?: string;
  /** Shipments whose HS code does not start with this prefix are left out. */
  hsPrefix?: string;
  /** Most nodes returned (start included); `truncated` says when more were reachable. */
  limit: number;
}

export interface PathQuery {
  from: NodeRef;
  to: NodeRef;
  /** Longest path in relationships, 1 to 8. */
  maxLength: number;
  /** How many shortest paths (1 = the shortest only). Paths are simple, shortest first. */
  k: number;
  /** Paths never pass through these labels (e.g. Shipment, to stay on the firm network). */
  excludeLabels?: NodeLabel[];
}

export interface SearchHit {
  node: GraphNode;
  /** How it matched: exact id, name prefix, identifier value, declaration id. */
  match: 'id' | 'name' | 'identifier' | 'declaration';
}

export interface GraphCounts {
  nodes: Partial<Record<NodeLabel, number>>;
  rels: Partial<Record<RelType, number>>;
}

export interface RingQuery {
  typology?: string;
  minScore?: number;
  limit: number;
  offset: number;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';

  /** Creates constraints and indexes; idempotent. Call once after opening. */
  init(): Promise<void>;
  close(): Promise<void>;

  // ── ingest ────────────────────────────────────────────────────────────────────────────────
  /** The committed import of a file with this content hash, if any. */
  findImport(fileHash: string): Promise<ImportRecord | null>;
  listImports(): Promise<ImportRecord[]>;
  beginImport(file: { fileHash: string; fileName: string; rows: number }): Promise<ImportSession>;

  // ── reads ─────────────────────────────────────────────────────────────────────────────────
  getNode(ref: NodeRef): Promise<GraphNode | null>;
  /** Nodes that exist among refs, in no particular order. */
  getNodes(refs: NodeRef[]): Promise<GraphNode[]>;
  neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph>;
  paths(query: PathQuery): Promise<GraphPath[]>;
  /** Id (exact), name prefix, identifier value, declaration id; case-insensitive. */
  search(text: string, options: { limit: number; labels?: NodeLabel[] }): Promise<SearchHit[]>;
  counts(): Promise<GraphCounts>;

  // ── projection for graph algorithms (streamed: never all shipments in memory at once) ────
  streamNodes(labels: readonly NodeLabel[]): AsyncIterable<GraphNode>;
  streamRels(types: readonly RelType[]): AsyncIterable<GraphRel>;
  /** Every declaration line with its parties, ordered by date then declaration id and line. */
  streamShipments(): AsyncIterable<ShipmentRecord>;

  // ── findings ──────────────────────────────────────────────────────────────────────────────
  /** Replaces the previous run's findings as a whole, in one transaction. */
  writeFindings(run: DetectionRun): Promise<void>;
  /** The last run's metadata, or null when detection never ran. */
  lastRun(): Promise<Pick<DetectionRun, 'runId' | 'startedAt' | 'finishedAt' | 'seed'> | null>;
  listRings(query: RingQuery): Promise<{ rings: RingSummary[]; total: number }>;
  getRing(id: string): Promise<Ring | null>;
  ringsOf(ref: NodeRef): Promise<RingSummary[]>;
  partyRisk(ref: NodeRef): Promise<PartyRisk | null>;
  /** Parties ranked by score, highest first. */
  listPartyRisks(options: { minScore?: number; limit?: number }): Promise<PartyRisk[]>;
  /** Line targets ranked by score, highest first. */
  listTargets(options: { limit: number }): Promise<LineTarget[]>;
}
