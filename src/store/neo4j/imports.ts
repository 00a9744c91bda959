// Import sessions on Neo4j. A file of any size is written in committed chunks of about
// IMPORT_CHUNK_ROWS nodes and relationships each, so no transaction holds the whole file; the
// contract "a file is absent or complete, never half-visible" is kept by tagging instead:
// - beginImport writes a (:PendingImport {id}) marker; every node and relationship the import
//   creates carries `_import: id` (an integer: stored inline, no string record per entity), and
//   every read query hides data whose import is pending;
// - props for nodes and relationships that existed before wait in (:PendingProps) and
//   (:PendingRelProps) nodes, which readers never match;
// - commit applies the held-back props, writes the import record and deletes the marker in the
//   last chunk's transaction: the whole file appears at once;
// - abort, a failed batch, or the next beginImport after a killed process, deletes what the
//   pending import wrote (imports/discard-*), in transactions of their own, after marking it
//   discarded: that waits for a chunk still committing, and stops any chunk claimed later;
// - a chunk's last statement before its commit is its claim (imports/claim), which locks the
//   marker until the chunk commits. The statements of a chunk therefore run while the chunk
//   before commits (a commit is about half of Neo4j's work in an import, measured), and its claim
//   waits for that commit; a statement that links to a node the committing chunk created waits
//   for that commit in the ingest first, as Neo4j would not see the node yet.
// A write checks its batch and the relationship ends it has not met before, then hands its
// statements to the open chunk transaction and returns while Neo4j runs them, so the ingest reads
// the next rows meanwhile; a statement that fails later fails the next write or the commit.
// Nodes the import has not met are first written with CREATE (writes.ts); when one exists after
// all, the chunk is rolled back and written again with MERGE, and so is the rest of the import.
// One import at a time per database: beginImport discards every pending import it finds.
import { randomInt } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { StoreError } from '../errors.ts';
import type { ImportRecord, ImportSession, WriteBatch } from '../graph-store.ts';
import { query } from './cypher.ts';
import { discardImport, discardPendingImports } from './discard.ts';
import type { CypherExecutor, OpenTransaction } from './executor.ts';
import { isKeyConflict, missingEndError, Neo4jWriter, runStatement } from './writes.ts';
import type { PreparedBatch, Statement } from './writes.ts';
import type { Record as Neo4jRecord } from 'neo4j-driver';

/** Nodes and relationships per transaction; chosen by measurement (docs/decisions/2026-11-27-neo4j-import-write-path.md). */
export const IMPORT_CHUNK_ROWS = 5_000;
/**
 * Batches whose statements may still be running when write() returns: with one, Neo4j writes a
 * batch while the ingest prepares the next (measured in docs/decisions/2026-11-27-neo4j-import-write-path.md).
 */
const BATCHES_IN_FLIGHT = 1;

type SessionState = 'open' | 'committed' | 'aborted' | 'failed';
type FileInfo = { fileHash: string; fileName: string; rows: number };

export interface ImportTuning {
  /** Nodes and relationships per transaction (IMPORT_CHUNK_ROWS when absent). */
  chunkRows?: number | undefined;
  /** Rows per UNWIND statement (WRITE_BATCH_ROWS when absent). */
  statementRows?: number | undefined;
  /** false: every node with MERGE, as if each might exist (the benchmark's comparison). */
  createNew?: boolean | undefined;
}

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
  private readonly importId: unknown;
  /** The open chunk's transaction, and how many rows it holds. */
  private tx: OpenTransaction | null = null;
  private chunkRows = 0;
  /** Settles when a dispatched batch's statements have run (never rejects: see failure). */
  private readonly inFlight: Promise<void>[] = [];
  /** The first failure of a dispatched statement; `created` when a CREATE met an existing node. */
  private failure: { error: unknown; created: boolean } | null = null;
  /** What the open chunk has sent, in order, and the nodes it created: to write it again. */
  private chunkStatements: Statement[] = [];
  private chunkCreated: string[] = [];
  /**
   * The commit of the previous chunk, while it runs: `settled` settles with the commit's error,
   * if any (never rejects), which awaitCommit() throws whatever else failed meanwhile; `created`
   * are the nodes that chunk created, not visible to other transactions before it commits.
   */
  private committing: { settled: Promise<{ error: unknown } | null>; created: ReadonlySet<string> } | null =
    null;

  private constructor(
    private readonly executor: CypherExecutor,
    id: number,
    private readonly file: FileInfo,
    private readonly onClose: () => void,
    private readonly chunkLimit: number,
    tuning: ImportTuning,
  ) {
    this.importId = neo4j.int(id);
    this.writer = new Neo4jWriter(this.importId, tuning.statementRows, tuning.createNew);
  }

  static async open(
    executor: CypherExecutor,
    file: FileInfo,
    onClose: () => void,
    tuning: ImportTuning = {},
  ): Promise<Neo4jImport> {
    await discardPendingImports(executor);
    // Random rather than counted, so two processes never pick the same id (2^47 values).
    const id = randomInt(1, 2 ** 47);
    await executor.write(query('imports/begin'), {
      importId: neo4j.int(id),
      fileHash: file.fileHash,
      fileName: file.fileName,
      startedAt: new Date().toISOString(),
    });
    return new Neo4jImport(executor, id, file, onClose, tuning.chunkRows ?? IMPORT_CHUNK_ROWS, tuning);
  }

  async write(batch: WriteBatch): Promise<void> {
    this.requireOpen('write to');
    try {
      if (this.failure) await this.settle();
      const prepared = this.writer.prepare(batch);
      if (prepared.statements.length === 0) return;
      // A lookup shares the transaction: it must not run after a CREATE that may have failed it.
      if (prepared.unknownEnds.length > 0 && this.chunkCreated.length > 0) await this.settle();
      if (this.committing && !this.canOverlapCommit(prepared, this.committing.created))
        await this.awaitCommit();
      const tx = await this.openChunk();
      if (prepared.unknownEnds.length > 0) await this.checkEnds(tx, prepared);
      this.chunkStatements.push(...prepared.statements);
      this.chunkCreated.push(...prepared.created);
      this.dispatch(tx, prepared.statements);
      this.chunkRows += prepared.rows;
      if (this.chunkRows >= this.chunkLimit) await this.commitChunk();
      while (this.inFlight.length > BATCHES_IN_FLIGHT) await this.inFlight.shift();
      if (this.failure) await this.settle();
    } catch (error) {
      // A batch that failed leaves the file incomplete: all of it is undone now.
      await this.failWith(error);
    }
  }

  async commit(): Promise<ImportRecord> {
    this.requireOpen('commit');
    const record: ImportRecord = { ...this.file, importedAt: new Date().toISOString() };
    try {
      await this.settle();
      await this.awaitCommit();
      const tx = await this.openChunk();
      await this.claim(tx);
      await tx.run(query('imports/apply-props'), { importId: this.importId });
      await tx.run(query('imports/apply-rel-props'), { importId: this.importId });
      await tx.run(query('imports/record'), {
        ...record,
        rows: neo4j.int(record.rows),
        importId: this.importId,
      });
      await this.finishChunk(tx, 'commit');
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

  /** The open chunk's transaction, or a new one. */
  private async openChunk(): Promise<OpenTransaction> {
    if (this.tx) return this.tx;
    const tx = await this.executor.begin(`import of ${this.file.fileName}`);
    this.tx = tx;
    return tx;
  }

  /**
   * Whether a batch may be sent while the chunk before commits: not when it links to a node that
   * chunk created (the link would not find it), nor once the import writes with MERGE (a node it
   * merged may be new too).
   */
  private canOverlapCommit(prepared: PreparedBatch, created: ReadonlySet<string>): boolean {
    if (!this.writer.isOptimistic) return false;
    if (created.size === 0) return true;
    return !prepared.relEnds.some(([, from, to]) => created.has(from) || created.has(to));
  }

  /**
   * Claims the open chunk once its statements have run (the claim waits inside Neo4j for the
   * commit of the chunk before), then commits it without waiting: the ingest prepares the next
   * rows and sends the next chunk's statements meanwhile. One commit at a time.
   */
  private async commitChunk(): Promise<void> {
    if (!this.tx) return;
    await this.settle();
    const tx = this.tx;
    if (!tx) return;
    await this.claim(tx);
    await this.awaitCommit();
    const created = new Set(this.chunkCreated);
    const settled = this.finishChunk(tx, 'commit').then(
      () => null,
      (error: unknown) => ({ error }),
    );
    this.committing = { settled, created };
  }

  /**
   * Waits for the chunk being committed; throws if its commit failed (also when a chunk written
   * since is being written again: that must not hide the loss of the one before).
   */
  private async awaitCommit(): Promise<void> {
    const committing = this.committing;
    this.committing = null;
    const failed = await committing?.settled;
    if (failed) throw failed.error;
    this.throwIfFailed();
  }

  private finishChunk(tx: OpenTransaction, how: 'commit' | 'rollback'): Promise<void> {
    this.tx = null;
    this.chunkRows = 0;
    this.chunkStatements = [];
    this.chunkCreated = [];
    return how === 'commit' ? tx.commit() : tx.rollback();
  }

  /**
   * A node taken for new existed: rolls the chunk back and writes it again with MERGE, in a
   * new transaction, statement by statement (the rest of the import writes with MERGE too).
   */
  private async rewriteChunk(): Promise<void> {
    const statements = this.chunkStatements;
    const rows = this.chunkRows;
    this.writer.turnPessimistic(this.chunkCreated);
    const failed = this.tx;
    if (failed) await this.finishChunk(failed, 'rollback').catch(() => undefined);
    this.failure = null;
    await this.awaitCommit(); // what the chunk links to is committed before it is read again
    const tx = await this.openChunk();
    this.chunkStatements = statements;
    this.chunkRows = rows;
    for (const statement of statements) {
      for (const safe of statement.fallback?.() ?? [statement]) await runStatement(tx, safe);
    }
  }

  /**
   * A chunk is committed only while the import is still pending: it must not appear after
   * another import discarded this one. The claim also locks the marker until the chunk commits.
   */
  private async claim(tx: OpenTransaction): Promise<void> {
    const [marker] = await tx.run(query('imports/claim'), { importId: this.importId });
    if (!marker) throw this.discardedError();
  }

  /** Looks up the relationship ends the import has not met yet; a missing one rejects the batch. */
  private async checkEnds(tx: OpenTransaction, prepared: PreparedBatch): Promise<void> {
    const records = await tx.run(query('write/missing-nodes'), { keys: prepared.unknownEnds });
    this.throwIfFailed();
    if (records.length > 0)
      throw missingEndError(prepared.relEnds, new Set(records.map((r) => String(r.get('key')))));
    this.writer.markStored(prepared.unknownEnds);
  }

  /** Sends the statements without waiting for them; their outcome is collected in inFlight. */
  private dispatch(tx: OpenTransaction, statements: readonly Statement[]): void {
    const runs = statements.map((statement) => runStatement(tx, statement));
    this.inFlight.push(
      Promise.allSettled(runs).then((outcomes) => {
        // The first statement to fail failed the transaction; those after it fail for that.
        const index = outcomes.findIndex((o) => o.status === 'rejected');
        const failed = outcomes[index];
        if (failed?.status !== 'rejected' || this.failure) return;
        // A key conflict can only come from an optimistic CREATE in this chunk, but the driver may
        // report the failed transaction on a later statement first (a relationship write sent
        // after the nodes): any CREATE with a fallback in the chunk makes the chunk rewritable.
        const created =
          isKeyConflict(failed.reason) && this.chunkStatements.some((s) => s.fallback !== undefined);
        this.failure = { error: failed.reason, created };
      }),
    );
  }

  /**
   * Waits for every dispatched statement; writes the chunk again with MERGE when a CREATE met
   * an existing node, else throws the first failure.
   */
  private async settle(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
    if (this.failure?.created) await this.rewriteChunk();
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private async finish(state: SessionState): Promise<void> {
    this.state = state;
    this.onClose();
    while (this.inFlight.length > 0) await this.inFlight.shift();
    await this.committing?.settled;
    const tx = this.tx;
    if (tx) await this.finishChunk(tx, 'rollback').catch(() => undefined);
    await discardImport(this.executor, this.importId);
  }

  /**
   * Undoes the import and rethrows the error that ended it. Should the undo fail too (the
   * server gone), the data stays pending, hidden from readers, and the next beginImport removes it.
   */
  private async failWith(error: unknown): Promise<never> {
    const discarded = await this.discardedByAnother().catch(() => false);
    await this.finish('failed').catch(() => undefined);
    throw discarded ? this.discardedError() : error;
  }

  /**
   * Whether another import took this one for abandoned and discarded it: then a statement sent
   * before the chunk's claim may fail first (a link to a node already removed), and that is
   * what the caller is told.
   */
  private async discardedByAnother(): Promise<boolean> {
    if (this.state !== 'open') return false;
    const [marker] = await this.executor.read(query('imports/state'), { importId: this.importId });
    return !marker || marker.get('discarded') === true;
  }

  private discardedError(): StoreError {
    return new StoreError(
      'conflict',
      `The import of ${this.file.fileName} was discarded by another import that began meanwhile; run it again.`,
    );
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
