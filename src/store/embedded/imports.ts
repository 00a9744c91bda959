// Import sessions: one SQLite transaction per file (BEGIN at begin, COMMIT at commit), with the
// import record written inside it, so a crash or an abort leaves the file wholly absent.
import { StoreError } from '../errors.ts';
import type { ImportRecord, ImportSession, WriteBatch } from '../graph-store.ts';
import { DEFERRABLE_INDEXES } from './schema.ts';
import type { Db } from './schema.ts';
import { settle } from './sync.ts';
import { GraphWriter } from './writes.ts';
import { forgetVocabulary } from './vocabulary.ts';

interface ImportRow {
  file_hash: string;
  file_name: string;
  rows: number;
  imported_at: string;
}

function recordFromRow(row: ImportRow): ImportRecord {
  return { fileHash: row.file_hash, fileName: row.file_name, rows: row.rows, importedAt: row.imported_at };
}

export function findImport(db: Db, fileHash: string): ImportRecord | null {
  const row = db.prepare('SELECT * FROM imports WHERE file_hash = ?').get(fileHash) as ImportRow | undefined;
  return row ? recordFromRow(row) : null;
}

export function listImports(db: Db): ImportRecord[] {
  const rows = db.prepare('SELECT * FROM imports ORDER BY imported_at, file_hash').all() as ImportRow[];
  return rows.map(recordFromRow);
}

/** Maps SQLite's "another connection holds the write lock" onto the store's own error. */
export function beginWrite(db: Db, what: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY')) {
      throw new StoreError(
        'unavailable',
        `The store is busy with another writer; retry ${what} when it finishes.`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/** Adds what the import inserted to the kept counts, inside the import's transaction. */
function addCounts(db: Db, writer: GraphWriter): void {
  const node = db.prepare(
    'INSERT INTO node_counts (label, n) VALUES (?, ?) ON CONFLICT (label) DO UPDATE SET n = n + excluded.n',
  );
  for (const [label, n] of writer.insertedNodes) node.run(label, n);
  const rel = db.prepare(
    'INSERT INTO rel_counts (type, n) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET n = n + excluded.n',
  );
  for (const [type, n] of writer.insertedRels) rel.run(type, n);
}

type SessionState = 'open' | 'committed' | 'aborted' | 'failed';

export class EmbeddedImport implements ImportSession {
  private state: SessionState = 'open';
  private readonly writer: GraphWriter;
  /** A first import into an empty store builds the read indexes once, at commit. */
  private readonly deferIndexes: boolean;

  constructor(
    private readonly db: Db,
    private readonly file: { fileHash: string; fileName: string; rows: number },
    private readonly onClose: () => void,
  ) {
    beginWrite(db, `the import of ${file.fileName}`);
    try {
      this.deferIndexes = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM nodes)').pluck().get() === 1;
      if (this.deferIndexes) {
        for (const name of Object.keys(DEFERRABLE_INDEXES)) db.exec(`DROP INDEX ${name}`);
      }
      this.writer = new GraphWriter(db);
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }

  write(batch: WriteBatch): Promise<void> {
    return settle(() => {
      this.requireOpen('write to');
      try {
        this.writer.write(batch);
      } catch (error) {
        // A batch that failed half way must not be committed: the whole file is rolled back now.
        this.finish('failed');
        throw error;
      }
    });
  }

  commit(): Promise<ImportRecord> {
    return settle(() => {
      this.requireOpen('commit');
      const record: ImportRecord = { ...this.file, importedAt: new Date().toISOString() };
      try {
        this.db
          .prepare(
            `INSERT INTO imports (file_hash, file_name, rows, imported_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (file_hash) DO UPDATE SET file_name = excluded.file_name, rows = excluded.rows,
             imported_at = excluded.imported_at`,
          )
          .run(record.fileHash, record.fileName, record.rows, record.importedAt);
        addCounts(this.db, this.writer);
        if (this.deferIndexes) {
          for (const definition of Object.values(DEFERRABLE_INDEXES)) this.db.exec(definition);
        }
        this.db.exec('COMMIT');
        forgetVocabulary(this.db);
      } catch (error) {
        this.finish('failed');
        throw error;
      }
      this.state = 'committed';
      this.onClose();
      return record;
    });
  }

  abort(): Promise<void> {
    if (this.state === 'open') this.finish('aborted');
    return Promise.resolve();
  }

  private finish(state: SessionState): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.state = state;
    this.onClose();
  }

  private requireOpen(action: string): void {
    if (this.state !== 'open') {
      throw new StoreError(
        'invalid',
        `Cannot ${action} the import of ${this.file.fileName}: it is already ${this.state}.`,
      );
    }
  }
}
