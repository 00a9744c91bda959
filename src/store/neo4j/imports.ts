// Import sessions on Neo4j. A file of any size is written in committed chunks (one transaction
// per WriteBatch), so no transaction holds the whole file; the contract "a file is absent or
// complete, never half-visible" is kept by tagging instead:
// - beginImport writes a (:PendingImport {id}) marker; every node and relationship the import
//   creates carries `_import: id`, and every read query hides data whose import is pending;
// - props for nodes and relationships that existed before wait in (:PendingProps) and
//   (:PendingRelProps) nodes, which readers never match;
// - commit applies the held-back props, writes the import record and deletes the marker in one
//   small transaction: the whole file appears at once;
// - abort, a failed batch, or the next beginImport after a killed process, deletes what the
//   pending import wrote (imports/discard-*), in transactions of their own.
// One import at a time per database: beginImport discards every pending import it finds.
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { StoreError } from '../errors.ts';
import type { ImportRecord, ImportSession, WriteBatch } from '../graph-store.ts';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';
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

/** Deletes everything pending import `importId` wrote, its marker last. */
export async function discardImport(executor: CypherExecutor, importId: string): Promise<void> {
  for (const step of ['imports/discard-nodes', 'imports/discard-rels', 'imports/discard-held'] as const) {
    await executor.autoCommit(query(step), { importId });
  }
}

/** Removes the leftovers of imports whose process died before commit or abort. */
export async function discardPendingImports(executor: CypherExecutor): Promise<void> {
  for (const record of await executor.read(query('imports/pending'))) {
    await discardImport(executor, String(record.get('importId')));
  }
}

export class Neo4jImport implements ImportSession {
  private state: SessionState = 'open';
  private readonly writer: Neo4jWriter;

  private constructor(
    private readonly executor: CypherExecutor,
    private readonly importId: string,
    private readonly file: FileInfo,
    private readonly onClose: () => void,
  ) {
    this.writer = new Neo4jWriter(importId);
  }

  static async open(executor: CypherExecutor, file: FileInfo, onClose: () => void): Promise<Neo4jImport> {
    await discardPendingImports(executor);
    const importId = randomUUID();
    await executor.write(query('imports/begin'), {
      importId,
      fileHash: file.fileHash,
      fileName: file.fileName,
      startedAt: new Date().toISOString(),
    });
    return new Neo4jImport(executor, importId, file, onClose);
  }

  async write(batch: WriteBatch): Promise<void> {
    this.requireOpen('write to');
    try {
      const tx = await this.executor.begin(`import of ${this.file.fileName}`);
      try {
        await this.writer.write(tx, batch);
        await tx.commit();
      } finally {
        await tx.rollback(); // no-op once committed
      }
    } catch (error) {
      // A batch that failed half way leaves the file incomplete: all of it is undone now.
      await this.failWith(error);
    }
  }

  async commit(): Promise<ImportRecord> {
    this.requireOpen('commit');
    const record: ImportRecord = { ...this.file, importedAt: new Date().toISOString() };
    try {
      const tx = await this.executor.begin(`commit of ${this.file.fileName}`);
      try {
        await tx.run(query('imports/apply-props'), { importId: this.importId });
        await tx.run(query('imports/apply-rel-props'), { importId: this.importId });
        await tx.run(query('imports/record'), { ...record, rows: neo4j.int(record.rows), importId: this.importId });
        await tx.commit();
      } finally {
        await tx.rollback();
      }
    } catch (error) {
      await this.failWith(error);
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
    await discardImport(this.executor, this.importId);
  }

  /**
   * Undoes the import and rethrows the error that ended it. Should the undo fail too (the
   * server gone), the data stays pending, hidden from readers, and the next beginImport removes it.
   */
  private async failWith(error: unknown): Promise<never> {
    await this.finish('failed').catch(() => undefined);
    throw error;
  }

  private requireOpen(action: string): void {
    if (this.state !== 'open') {
      throw new StoreError('invalid', `Cannot ${action} the import of ${this.file.fileName}: it is already ${this.state}.`);
    }
  }
}
