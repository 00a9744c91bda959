// The mapped rows of a large file, kept on disk between validation and the write pass so that
// memory stays bounded whatever the file size: one JSON line per record in a private temporary
// file, appended in file order, read back in order by the write pass and, for the rare id that
// arrives twice, one record at a time by its offset.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { NodeLabel, type NodeRef, PropValue, type Props } from '../model/index.ts';

/** One valid row as spilled: the owned node's content and the ends it links to. */
export interface SpilledRow {
  row: number;
  label: NodeLabel;
  id: string;
  /** Absent on a record that only adds links to a registry entry spilled before. */
  props?: Props;
  ends: NodeRef[];
}

const spilledRowSchema = z.object({
  row: z.number().int(),
  label: NodeLabel,
  id: z.string(),
  props: z.record(z.string(), PropValue).optional(),
  ends: z.array(z.object({ label: NodeLabel, id: z.string() })),
});

/** Where a record lies in the spill file. */
export interface SpillSlot {
  offset: number;
  length: number;
}

/** The temporary file could not be written or read back (a full disk, most often). */
export class PlanSpillError extends Error {}

// Records are buffered and written in blocks: one write call per row would cost more than the row.
const FLUSH_BYTES = 1 << 20;

export class PlanSpill {
  private readonly dir: string;
  private readonly path: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private count = 0;

  constructor() {
    try {
      this.dir = mkdtempSync(join(tmpdir(), 'ringscope-plan-'));
    } catch (error) {
      throw new PlanSpillError(
        `cannot create the import's temporary directory in ${tmpdir()} (${(error as NodeJS.ErrnoException).code ?? String(error)}); point TMPDIR at a writable directory`,
      );
    }
    this.path = join(this.dir, 'rows.jsonl');
    try {
      this.fd = openSync(this.path, 'wx+', 0o600);
    } catch (error) {
      // The directory is ours alone: it goes with the failure rather than staying behind.
      rmSync(this.dir, { recursive: true, force: true });
      throw new PlanSpillError(
        `cannot create the import's temporary file ${this.path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); point TMPDIR at a writable directory`,
      );
    }
  }

  get records(): number {
    return this.count;
  }

  append(record: SpilledRow): SpillSlot {
    const line = `${JSON.stringify(record)}\n`;
    const length = Buffer.byteLength(line);
    const slot = { offset: this.written + this.pendingBytes, length };
    this.pending.push(line);
    this.pendingBytes += length;
    this.count += 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return slot;
  }

  /** Reads one record back (an id arriving again, or a stored node to compare with). */
  read(slot: SpillSlot): SpilledRow {
    if (slot.offset + slot.length > this.written) this.flush();
    const buffer = Buffer.alloc(slot.length);
    readSync(this.openFd(), buffer, 0, slot.length, slot.offset);
    return parseRecord(buffer.toString('utf8'));
  }

  /** Every record in the order appended, in batches. */
  async *batches(size: number): AsyncGenerator<SpilledRow[]> {
    this.flush();
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    let batch: SpilledRow[] = [];
    for await (const line of lines) {
      batch.push(parseRecord(line));
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Removes the file; the plan is unusable afterwards. */
  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.pending = [];
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const block = Buffer.from(this.pending.join(''));
    try {
      writeSync(this.openFd(), block, 0, block.length, this.written);
    } catch (error) {
      throw new PlanSpillError(
        `cannot write the import's temporary file ${this.path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); free disk space there or point TMPDIR at a larger disk`,
      );
    }
    this.written += block.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private openFd(): number {
    if (this.fd === null) throw new Error('the import plan was already disposed of');
    return this.fd;
  }
}

function parseRecord(line: string): SpilledRow {
  // The file is this process's own and private (0600 in a fresh directory); the schema still
  // guards against a record cut short by a full disk.
  return spilledRowSchema.parse(JSON.parse(line));
}
