// The embedded store's file: connection settings and the schema, applied by numbered migrations
// recorded in `PRAGMA user_version` so an older file is brought up to date when opened.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { addLineColumnsSql, fillLineColumnsSql } from './line-columns.ts';
import { byPartyType, PARTY_COLUMNS, PARTY_TYPES_SQL } from './parties.ts';
import { registerTextFunctions, TEXT_INDEX_MIGRATION } from './text-index.ts';

export type Db = Database.Database;

/**
 * Secondary indexes only reads need. A first import into an empty store drops them and builds
 * them again before it commits (in the same transaction): one sorted build is far cheaper than
 * millions of scattered index inserts. Never change a definition here: migrations embed them.
 */
export const DEFERRABLE_INDEXES = {
  nodes_name: 'CREATE INDEX nodes_name ON nodes (name_lc, label, id) WHERE name_lc IS NOT NULL',
  nodes_shipment_order:
    "CREATE INDEX nodes_shipment_order ON nodes (ship_date, ship_declaration, ship_line, id) WHERE label = 'Shipment'",
  rels_to: 'CREATE INDEX rels_to ON rels (to_n, type, from_n)',
  // The shipments of one party (see parties.ts), covering so that a hop reads no table row.
  nodes_importer: 'CREATE INDEX nodes_importer ON nodes (importer_id, id) WHERE importer_id IS NOT NULL',
  nodes_broker: 'CREATE INDEX nodes_broker ON nodes (broker_id, id) WHERE broker_id IS NOT NULL',
  nodes_consignee: 'CREATE INDEX nodes_consignee ON nodes (consignee_id, id) WHERE consignee_id IS NOT NULL',
  nodes_supplier: 'CREATE INDEX nodes_supplier ON nodes (supplier_id, id) WHERE supplier_id IS NOT NULL',
} as const;

/**
 * Each entry moves the schema from version i to i+1. Never edit a released entry: append.
 * Nodes and relationships keep their props as JSON text; the columns beside them exist only to
 * be indexed (lower-case name for search) or to be joined cheaply.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE nodes (
    n INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    id TEXT NOT NULL,
    props TEXT NOT NULL,
    name_lc TEXT,
    ship_date TEXT,
    ship_declaration TEXT,
    ship_line INTEGER,
    source_file TEXT,
    source_row INTEGER
  );
  CREATE UNIQUE INDEX nodes_key ON nodes (label, id);
  ${DEFERRABLE_INDEXES.nodes_name};
  -- Shipment columns copied from props at write time: the order detectors stream lines in.
  ${DEFERRABLE_INDEXES.nodes_shipment_order};

  -- Relationships refer to nodes by their row number: small keys make the two B-trees a
  -- relationship costs several times cheaper to write than text keys. Ids are derived on read.
  CREATE TABLE rels (
    from_n INTEGER NOT NULL,
    type TEXT NOT NULL,
    to_n INTEGER NOT NULL,
    props TEXT NOT NULL,
    PRIMARY KEY (from_n, type, to_n)
  ) WITHOUT ROWID;
  ${DEFERRABLE_INDEXES.rels_to};

  -- Counts kept by the writers (an import adds what it inserted, in its own transaction).
  CREATE TABLE node_counts (label TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE rel_counts (type TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;

  CREATE TABLE imports (
    file_hash TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  );

  CREATE TABLE detection_run (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    run_id TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    seed INTEGER NOT NULL
  );
  CREATE TABLE rings (
    id TEXT PRIMARY KEY,
    typology TEXT NOT NULL,
    score REAL NOT NULL,
    revenue_at_risk REAL NOT NULL,
    explanation TEXT NOT NULL,
    member_count INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX rings_rank ON rings (score DESC, id);
  CREATE TABLE ring_members (
    ring_id TEXT NOT NULL,
    label TEXT NOT NULL,
    id TEXT NOT NULL,
    role TEXT NOT NULL
  );
  CREATE INDEX ring_members_party ON ring_members (label, id, ring_id);
  CREATE TABLE party_risks (
    label TEXT NOT NULL,
    id TEXT NOT NULL,
    score REAL NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (label, id)
  ) WITHOUT ROWID;
  CREATE INDEX party_risks_rank ON party_risks (score DESC, label, id);
  CREATE TABLE line_targets (
    declaration_id TEXT NOT NULL,
    line INTEGER NOT NULL,
    score REAL NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (declaration_id, line)
  ) WITHOUT ROWID;
  CREATE INDEX line_targets_rank ON line_targets (score DESC, declaration_id, line);
  `,
  // 2: the four party relationships of a line move into columns of its Shipment row
  // (parties.ts); what cannot (a second party of one kind, props) stays in rels, flagged.
  `
  ${PARTY_COLUMNS.map((p) => `ALTER TABLE nodes ADD COLUMN ${p.column} TEXT;`).join('\n  ')}
  ALTER TABLE nodes ADD COLUMN party_more INTEGER;
  UPDATE nodes SET ${PARTY_COLUMNS.map(
    (p) => `${p.column} = (SELECT p.id FROM rels r CROSS JOIN nodes p ON p.n = r.to_n
      WHERE r.from_n = nodes.n AND r.type = '${p.type}' AND r.props = '{}' AND p.label = '${p.label}'
      ORDER BY r.to_n LIMIT 1)`,
  ).join(',\n    ')}
   WHERE label = 'Shipment';
  DELETE FROM rels WHERE type IN (${PARTY_TYPES_SQL}) AND props = '{}' AND EXISTS (
    SELECT 1 FROM nodes s CROSS JOIN nodes p ON p.n = rels.to_n
     WHERE s.n = rels.from_n AND s.label = 'Shipment'
       AND p.label = ${byPartyType('rels.type', (p) => `'${p.label}'`)}
       AND p.id = ${byPartyType('rels.type', (p) => `s.${p.column}`)});
  UPDATE nodes SET party_more = 1
   WHERE label = 'Shipment' AND n IN (SELECT from_n FROM rels WHERE type IN (${PARTY_TYPES_SQL}));
  ${PARTY_COLUMNS.map((p) => `${DEFERRABLE_INDEXES[p.index]};`).join('\n  ')}
  `,
  // 3: rings rank by priority (score and revenue at risk, src/scoring/ring.ts; computed here for
  // a run stored before), and a run keeps its leads on parties.
  `
  ALTER TABLE rings ADD COLUMN priority REAL NOT NULL DEFAULT 0;
  UPDATE rings SET priority = round(score * (1 + log10(1 + max(revenue_at_risk, 0))), 6);
  CREATE INDEX rings_priority ON rings (priority DESC, score DESC, id);
  CREATE TABLE leads (
    detector TEXT NOT NULL,
    label TEXT NOT NULL,
    id TEXT NOT NULL,
    score REAL NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (detector, label, id)
  ) WITHOUT ROWID;
  CREATE INDEX leads_rank ON leads (score DESC, detector, label, id);
  `,
  // 4: trained risk models (src/store/embedded/risk-models.ts), one of them current.
  `
  CREATE TABLE risk_models (
    content_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    metrics TEXT NOT NULL,
    body TEXT NOT NULL,
    current INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX risk_models_current ON risk_models (current) WHERE current = 1;
  `,
  // 5: the full-text index of parties and identifiers (text-index.ts).
  TEXT_INDEX_MIGRATION,
  // 6: entity-resolution links between two parties of one label (resolve-links.ts): a candidate
  // with its score and evidence, and its review. The parties are named, not referenced by row:
  // a link never changes or holds back a node.
  `
  CREATE TABLE resolve_links (
    id TEXT PRIMARY KEY,
    a_label TEXT NOT NULL,
    a_id TEXT NOT NULL,
    b_label TEXT NOT NULL,
    b_id TEXT NOT NULL,
    a_name TEXT NOT NULL,
    b_name TEXT NOT NULL,
    score REAL NOT NULL,
    weight REAL NOT NULL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    reviewed_by TEXT,
    reviewed_at TEXT
  );
  CREATE INDEX resolve_links_rank ON resolve_links (score DESC, id);
  CREATE INDEX resolve_links_status ON resolve_links (status, score DESC, id);
  `,
  // 7: the fields detection reads from a line copied from its props into columns of its row
  // (line-columns.ts), so the projection streams lines without parsing their JSON.
  `
  ${addLineColumnsSql()}
  ${fillLineColumnsSql()}
  `,
];

// Queries name their index or join order (INDEXED BY, CROSS JOIN) where it matters: the planner
// has no statistics on a fresh file and must never choose a scan on a store of millions.

/**
 * Page size of new store files, in bytes (SQLite's default is 4096). Larger pages hold more rows
 * and index entries each: the first import of 200,000 declaration lines writes, indexes and
 * commits in 1.8 s instead of 2.0 s, and reads of the API were as fast (docs/decisions/2026-11-27-embedded-page-size.md).
 */
export const STORE_PAGE_SIZE = 16_384;

/** Opens (creating when absent) the store file with the settings every connection needs. */
export interface DatabaseOptions {
  /** How long to wait for another connection's write lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: DatabaseOptions = {}): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new StoreError('unavailable', `Cannot open the store file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // A new file gets pages of STORE_PAGE_SIZE; a file that has any keeps its own (the size is
  // fixed once something is written, so this is a no-op for it).
  db.pragma(`page_size = ${STORE_PAGE_SIZE}`);
  // WAL: readers (the server) keep reading while one writer (an import) works. FULL: a commit
  // is on disk when it returns; an import is one transaction, so this costs one fsync per file.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Another connection holding the write lock (a CLI import while the server writes findings)
  // is waited for rather than failing at once.
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -131072'); // 128 MiB page cache: imports touch large index ranges
  db.pragma('temp_store = MEMORY');
  registerTextFunctions(db);
  return db;
}

/** The schema version this Ringscope writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Applies the migrations this file lacks, in one transaction: up to the current version, or to
 * an older `target` (which builds a file of an earlier layout, as an older Ringscope wrote it).
 */
export function migrate(db: Db, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError(
      'invalid',
      `The store file has schema version ${current}, newer than this Ringscope (${MIGRATIONS.length}): upgrade Ringscope.`,
    );
  }
  if (current >= target) return;
  db.transaction(() => {
    for (let version = current; version < target; version += 1) {
      db.exec(MIGRATIONS[version] ?? '');
    }
    db.pragma(`user_version = ${target}`);
  }).immediate();
}
