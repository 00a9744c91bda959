// Import sessions on Neo4j: one explicit write transaction per file, with the import record
// written inside it. Neo4j keeps uncommitted writes invisible to every other transaction and
// rolls them back when the client goes away, so an abort, a failed batch or a killed process
// leaves the file wholly absent, and a re-run writes it once (MERGE on unique keys).
import neo4j from 'neo4j-driver';
import { StoreError } from '../errors.ts';
import type { ImportRecord, ImportSession, WriteBatch } from '../graph-store.ts';
import { query } from './cypher.ts';
import type { CypherExecutor, OpenTransaction } from './executor.ts';
import { Neo4jWriter } from './writes.ts';
import type { Record as Neo4jRecord } from 'neo4j-driver';

type SessionState = 'open' | 'committed' | 'aborted' | 'failed';
type FileInfo = { fileHash: string; fileName: string; rows: number };

export function importFromRecord(record: Neo4jRecord): ImportRecord {
  return {
    fileHash: String(record.get('fileHash')),
    fileName: String(record.get('fileName')),
    rows: Number(record.get('rows')),
    importedAt: String(record.get('importedAt')),
  };
}

export class Neo4jImport implements ImportSession {
  private state: SessionState = 'open';
  private readonly writer: Neo4jWriter;

  private constructor(
    private readonly tx: OpenTransaction,
    private readonly file: FileInfo,
    private readonly onClose: () => void,
  ) {
    this.writer = new Neo4jWriter(tx);
  }

  static async open(executor: CypherExecutor, file: FileInfo, onClose: () => void): Promise<Neo4jImport> {
    const tx = await executor.begin(`import of ${file.fileName}`);
    return new Neo4jImport(tx, file, onClose);
  }

  async write(batch: WriteBatch): Promise<void> {
    this.requireOpen('write to');
    try {
      await this.writer.write(batch);
    } catch (error) {
      // A batch that failed half way must not be committed: the whole file is rolled back now.
      await this.finish('failed');
      throw error;
    }
  }

  async commit(): Promise<ImportRecord> {
    this.requireOpen('commit');
    const record: ImportRecord = { ...this.file, importedAt: new Date().toISOString() };
    try {
      await this.tx.run(query('imports/record'), { ...record, rows: neo4j.int(record.rows) });
      await this.tx.commit();
    } catch (error) {
      await this.finish('failed');
      throw error;
    }
    this.state = 'committed';
    this.onClose();
    return record;
  }

  async abort(): Promise<void> {
    if (this.state === 'open') await this.finish('aborted');
  }

  private async finish(state: SessionState): Promise<void> {
    this.state = state;
    this.onClose();
    await this.tx.rollback();
  }

  private requireOpen(action: string): void {
    if (this.state !== 'open') {
      throw new StoreError('invalid', `Cannot ${action} the import of ${this.file.fileName}: it is already ${this.state}.`);
    }
  }
}
