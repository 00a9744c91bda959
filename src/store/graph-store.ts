// The GraphStore port: everything the other layers ask of a store. Two adapters implement it
// (embedded, the default; neo4j) and both pass the one contract suite in tests/store/.
//
// Semantics every adapter must reproduce exactly (pinned by tests/store/contract.ts):
//
// Writes. Nodes are keyed by (label, id), relationships by their derived id (relId). Upsert
// merges props: an incoming non-null value replaces the stored one, a key the incoming node
// lacks or holds null keeps the stored value; null is never stored (unknown = absent). The first
// `source` of a node is kept. Prop values are strings, finite numbers or booleans; labels and
// types come from the closed enums; a relationship's ends must exist (written earlier in the
// session or already stored) — anything else rejects the write with StoreError `invalid`, after
// which the session is rolled back and can only be aborted.
//
// Traversal (neighbourhood and paths; see src/store/traversal.ts, shared by the adapters) is
// undirected over every relationship type except HAS_MEMBER and CONCERNS. Node keys and
// relationship ids compare as JavaScript strings (UTF-16 code units).
// - neighbourhood: a node whose label is filtered out (labels), or a Shipment outside
//   [dateFrom, dateTo] or whose hsCode lacks hsPrefix, is neither returned nor traversed
//   through; the start node is always returned (and must exist: `not_found`). Nodes are ordered
//   by (hop distance, nodeKey) and cut at `limit`; `truncated` is true iff more reachable nodes
//   existed. `rels` = every traversable relationship whose two ends are both returned, by id.
// - paths: simple paths (no node twice) of at most maxLength relationships whose inner nodes
//   have no label in excludeLabels (the ends may); the k first ordered by (length, then the
//   sequence of node keys compared element by element). Between two nodes joined by several
//   relationships a path uses the one with the smallest id. None when unreachable; from == to
//   gives one path of length 0. Unknown ends reject with `not_found`.
//
// Search: text is trimmed (blank → no hits). Matches: `id` — the exact id (case-sensitive), any
// label; `declaration` — Shipments whose id starts with `text/`; `identifier` — the Address,
// Phone, Email or BankAccount whose id is normaliseIdentifier(label, text); `name` — nodes whose
// nameSearchKey(props.name) starts with nameSearchKey(text) (identifier nodes carry `value`,
// not `name`). A node is listed once, under its best match; hits are ranked id, declaration,
// identifier, name; within a kind by nodeKey, except name hits: by lower-case name, then key.
// The labels filter applies to every kind; limit (1 to 1000) cuts after ranking.
// searchText (full text, typo-tolerant) is pinned in text-search.ts; the aggregates over
// declaration lines (partyMonths, tradeLinks, linkLines) in trade.ts; neighbours in
// neighbour-page.ts.
//
// Streams see committed data only and yield each item once: nodes in nodeKey order (label, then
// id); shipments by (date, declarationId, line, id), each with the ids of its IMPORTED_BY,
// DECLARED_BY, CONSIGNED_TO and SUPPLIED_BY ends (null when absent; importerId '' when absent);
// relationships in an adapter-defined order that is stable while the store is unchanged (a
// total order by id would cost a sort of every relationship; consumers that need one sort).
//
// Labels: labelLine records an inspection result on a stored declaration line (the label
// training and detection read): inspected = true, illicit as given, revenueRecovered as given —
// when not given, 0 if nothing was found, else the stored value stays. Reads and streams see it
// at once. A line not in the store (or only in an open import) is left alone: false. Like
// writeFindings, it rejects with `conflict` while an import of this store object is open.
//
// Findings: writeFindings validates the run (DetectionRun, ring ids unique) and replaces the
// previous run's rings, members, party risks, targets and metadata in one transaction; it does
// not create Ring nodes in the graph. Rings list by (priority desc, score desc, id), or by
// (score desc, id) with `sort: 'score'`, filtered by typology and minScore, `total` counted before
// offset/limit; leads (written with the run, absent = none) list by (score desc, detector, label,
// id), filtered by detector and minScore, `total` likewise, a party named twice by one detector
// keeping its last entry; ringsOf by (score desc, id); party risks by
// (score desc, label, id); targets by (score desc, declarationId, line). A party or line named
// twice in a run keeps its last entry.
import type { RiskModelRecord, RiskModelSave, RiskModelVersion } from './risk-models.ts';
import type { NeighbourPage, NeighbourPageQuery } from './neighbour-page.ts';
import type { TextHit } from './text-search.ts';
import type { LinkLine, LinkLinesQuery, PartyMonth, TradeLink } from './trade.ts';
import type { ShippingRoute } from './shipping-routes.ts';
import type {
  DetectionRun,
  GraphNode,
  GraphPath,
  GraphRel,
  Lead,
  LeadQuery,
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
  RingQuery,
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

/** One declaration line, as an inspection result names it. */
export interface LineRef {
  declarationId: string;
  line: number;
}

/** An inspection result as a line's label. */
export interface InspectionLabel {
  illicit: boolean;
  /** null: not known (0 is written when nothing was found). */
  revenueRecovered: number | null;
}
export interface SearchOptions {
  /** 1 to 1000. */
  limit: number;
  labels?: NodeLabel[];
}

export type { TextHit } from './text-search.ts';

export interface GraphCounts {
  nodes: Partial<Record<NodeLabel, number>>;
  rels: Partial<Record<RelType, number>>;
}

export type { RingQuery };

export type DetectionLineString = 'declarationId' | 'date' | 'hsCode' | 'origin' | 'departure';
export type DetectionLineParty = 'importer' | 'broker' | 'consignee' | 'supplier';

/**
 * Declaration lines packed in columns, the fields of their ShipmentRecords detection reads (the
 * first `size` entries of each array; origin and departure are the record's originCountry and
 * departureCountry). Numbers are typed arrays, NaN where unknown (illicit: 1, 0 or -1 unknown).
 * Each string field and each kind of party is an index into a list that grows from chunk to
 * chunk: `strings` and `parties` hold only the values first seen in this chunk, numbered after
 * those of the chunks before; -1 is no value (and no party, for a null or empty id).
 */
export interface DetectionLineChunk {
  size: number;
  line: Int32Array;
  illicit: Int8Array;
  customsValue: Float64Array;
  dutyRate: Float64Array;
  dutyPaid: Float64Array;
  netMassKg: Float64Array;
  quantity: Float64Array;
  declarationId: Int32Array;
  date: Int32Array;
  hsCode: Int32Array;
  origin: Int32Array;
  departure: Int32Array;
  importer: Int32Array;
  broker: Int32Array;
  consignee: Int32Array;
  supplier: Int32Array;
  strings: Record<DetectionLineString, string[]>;
  parties: Record<DetectionLineParty, string[]>;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** The embedded store's file, which other threads may open to read; absent on Neo4j. */
  readonly file?: string;

  /** Creates constraints and indexes; idempotent. Call once after opening. */
  init(): Promise<void>;
  close(): Promise<void>;

  // ── ingest ────────────────────────────────────────────────────────────────────────────────
  /** The committed import of a file with this content hash, if any. */
  findImport(fileHash: string): Promise<ImportRecord | null>;
  listImports(): Promise<ImportRecord[]>;
  /**
   * One import at a time: while a session of this store is open, beginImport (and
   * writeFindings) reject with `conflict`; when another process holds the write lock past the
   * adapter's wait, with `unavailable` (retryable). The embedded store also refuses search on
   * the importing store object until the import ends (`conflict`).
   */
  beginImport(file: { fileHash: string; fileName: string; rows: number }): Promise<ImportSession>;

  // ── reads ─────────────────────────────────────────────────────────────────────────────────
  getNode(ref: NodeRef): Promise<GraphNode | null>;
  /** Nodes that exist among refs, in no particular order. */
  getNodes(refs: NodeRef[]): Promise<GraphNode[]>;
  neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph>;
  paths(query: PathQuery): Promise<GraphPath[]>;
  /** A node's direct neighbours one page at a time, any hub walkable (see neighbour-page.ts). */
  neighbours(query: NeighbourPageQuery): Promise<NeighbourPage>;
  /** Id (exact), declaration id, identifier value, name prefix (case-insensitive); see above. */
  search(text: string, options: { limit: number; labels?: NodeLabel[] }): Promise<SearchHit[]>;
  /** Full-text search of parties and identifiers, typo-tolerant, ranked (see text-search.ts). */
  searchText(text: string, options: SearchOptions): Promise<TextHit[]>;
  counts(): Promise<GraphCounts>;

  // ── aggregates over declaration lines (see trade.ts) ─────────────────────────────────────
  /** A party's lines by month, over all of them; none for people and identifiers. */
  partyMonths(ref: NodeRef): Promise<PartyMonth[]>;
  /** The party's trade links over all its lines, in no particular order. */
  tradeLinks(ref: NodeRef): Promise<TradeLink[]>;
  /** The lines of one trade link by (date, shipment id), after the cursor, at most limit. */
  linkLines(query: LinkLinesQuery): Promise<LinkLine[]>;
  /** The route map of a set of parties over all their lines (see shipping-routes.ts), largest first. */
  shippingRoutes(parties: readonly NodeRef[]): Promise<ShippingRoute[]>;

  // ── projection for graph algorithms (streamed: never all shipments in memory at once) ────
  streamNodes(labels: readonly NodeLabel[]): AsyncIterable<GraphNode>;
  streamRels(types: readonly RelType[]): AsyncIterable<GraphRel>;
  /** Every declaration line with its parties, ordered by date then declaration id and line. */
  streamShipments(): AsyncIterable<ShipmentRecord>;
  /**
   * The same lines in the same order, only the fields detection reads, packed in columns: where
   * a store has it, the projection reads this instead of streamShipments (no object per line).
   */
  streamDetectionLines?(): AsyncIterable<DetectionLineChunk>;

  // ── labels ────────────────────────────────────────────────────────────────────────────────
  /** Writes an inspection result onto a stored line; false when the line is not stored. */
  labelLine(line: LineRef, result: InspectionLabel): Promise<boolean>;

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
  /** The last run's leads on parties, best first (see above). */
  listLeads(query: LeadQuery): Promise<{ leads: Lead[]; total: number }>;

  // ── risk models (src/store/risk-models.ts) ──────────────────────────────────────────────
  /** Keeps a trained model and makes it current; earlier versions stay (saving one again makes it current). */
  saveRiskModel(model: RiskModelSave): Promise<void>;
  /** The current model, or null when none was saved. */
  currentRiskModel(): Promise<RiskModelRecord | null>;
  /** Every saved version, by (savedAt desc, contentHash). */
  listRiskModels(): Promise<RiskModelVersion[]>;

  // ── entity resolution (src/store/resolve-links.ts) ───────────────────────────────────────
  /** Upserts `POSSIBLY_SAME_AS` candidates by pair, keeping each stored pair's review. */
  writeResolveCandidates(candidates: readonly ResolveCandidateInput[]): Promise<{ written: number }>;
  /** Links by (score desc, id), filtered by status and minScore; total before offset/limit. */
  listResolveLinks(query: ResolveLinkQuery): Promise<{ links: ResolveLink[]; total: number }>;
  /** Accepts (`SAME_AS`) or rejects a link, recording who and when; null when no such link. */
  reviewResolveLink(id: string, review: ResolveReview): Promise<ResolveLink | null>;
  /** The accepted (`SAME_AS`) pairs, by (a, b) node key. */
  sameAsPairs(): Promise<[NodeRef, NodeRef][]>;
}
