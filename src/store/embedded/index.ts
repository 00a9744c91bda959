// Embedded store adapter (SQLite through better-sqlite3): the default, zero set-up store.
// One local file, ACID, durable across restarts; safe to share between the server and a CLI.
import type {
  DetectionRun,
  GraphNode,
  GraphPath,
  LineTarget,
  NodeLabel,
  NodeRef,
  PartyRisk,
  RelType,
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
  NeighbourhoodQuery,
  PathQuery,
  RingQuery,
  SearchHit,
} from '../graph-store.ts';
import { EmbeddedImport, findImport, listImports } from './imports.ts';
import { NODE_COLUMNS, nodeFromRow, refsParam } from './rows.ts';
import type { NodeRow } from './rows.ts';
import { migrate, openDatabase } from './schema.ts';
import type { Db } from './schema.ts';
import { settle } from './sync.ts';

const notYet = (what: string) =>
  Promise.reject(new StoreError('unavailable', `embedded store: ${what} is not built yet`));

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private openImport: EmbeddedImport | null = null;

  constructor(private readonly db: Db) {}

  init(): Promise<void> {
    return settle(() => migrate(this.db));
  }

  close(): Promise<void> {
    return settle(() => {
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
    return settle(() => {
      const rows = this.db
        .prepare(
          `SELECT ${NODE_COLUMNS} FROM nodes WHERE (label, id) IN
             (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
        )
        .all(refsParam(refs)) as NodeRow[];
      return rows.map(nodeFromRow);
    });
  }

  neighbourhood(_query: NeighbourhoodQuery): Promise<Subgraph> {
    return notYet('neighbourhood');
  }

  paths(_query: PathQuery): Promise<GraphPath[]> {
    return notYet('paths');
  }

  search(_text: string, _options: { limit: number; labels?: NodeLabel[] }): Promise<SearchHit[]> {
    return notYet('search');
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

  async *streamNodes(_labels: readonly NodeLabel[]): AsyncIterable<GraphNode> {
    yield* [];
    await notYet('streamNodes');
  }

  async *streamRels(_types: readonly RelType[]): AsyncIterable<never> {
    yield* [];
    await notYet('streamRels');
  }

  async *streamShipments(): AsyncIterable<ShipmentRecord> {
    yield* [];
    await notYet('streamShipments');
  }

  writeFindings(_run: DetectionRun): Promise<void> {
    return notYet('writeFindings');
  }

  lastRun(): Promise<Pick<DetectionRun, 'runId' | 'startedAt' | 'finishedAt' | 'seed'> | null> {
    return notYet('lastRun');
  }

  listRings(_query: RingQuery): Promise<{ rings: RingSummary[]; total: number }> {
    return notYet('listRings');
  }

  getRing(_id: string): Promise<Ring | null> {
    return notYet('getRing');
  }

  ringsOf(_ref: NodeRef): Promise<RingSummary[]> {
    return notYet('ringsOf');
  }

  partyRisk(_ref: NodeRef): Promise<PartyRisk | null> {
    return notYet('partyRisk');
  }

  listPartyRisks(_options: { minScore?: number; limit?: number }): Promise<PartyRisk[]> {
    return notYet('listPartyRisks');
  }

  listTargets(_options: { limit: number }): Promise<LineTarget[]> {
    return notYet('listTargets');
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

export function openEmbeddedStore(path: string): Promise<GraphStore> {
  return settle(() => new EmbeddedStore(openDatabase(path)));
}
