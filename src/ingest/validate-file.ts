// First pass of an import: reads the whole file once, checks its header, every row and every
// cell, and maps valid rows, once, into the import plan that the second pass writes (kept in
// memory, or spilled to a temporary file for a large file). Nothing is written to the store
// here; a file with any problem stops after this pass.
import type { SourceRef } from '../model/index.ts';
import { stat } from 'node:fs/promises';
import { type CsvRecord, type CsvScan, locateInvalidUtf8, scanCsv } from './csv-reader.ts';
import { scanCsvInWorker, WORKER_MIN_BYTES } from './csv-worker.ts';
import type { FileKind } from './fields.ts';
import { type BoundLayout, detectLayout } from './header.ts';
import type { Layout } from './layout.ts';
import { mapDeclaration } from './map-declaration.ts';
import { mapEntity } from './map-entity.ts';
import { ImportPlan } from './plan.ts';
import { PlanSpillError } from './plan-spill.ts';
import { ProblemLog } from './problems.ts';
import type { Progress } from './progress.ts';
import type { RowGraph } from './row-graph.ts';
import { type RowIssue, type RowReader, rowReader, type TypedRow } from './row-schema.ts';

export interface ValidatedFile {
  path: string;
  log: ProblemLog;
  fileHash: string;
  kind: FileKind | null;
  layoutName: string | null;
  rows: number;
  plan: ImportPlan;
  /** Header cell of the id that owned nodes are keyed on (for conflict reports). */
  ownedColumn: string | null;
}

function mapRow(
  kind: FileKind,
  values: TypedRow,
  source: SourceRef,
): { graph: RowGraph } | { issues: RowIssue[] } {
  return kind === 'entities' ? mapEntity(values, source) : { graph: mapDeclaration(values, source) };
}

/**
 * Files at least this large (~300,000 declaration lines) keep their mapped rows in a temporary
 * file until written rather than in memory (~0.7–1.3 KB per line), so memory stays bounded.
 */
export const SPILL_MIN_BYTES = 64 * 1024 * 1024;

export interface ValidateOptions {
  /** Where the CSV is parsed: on a worker thread, or on this one; by default by file size. */
  parseOn?: 'worker' | 'thread';
  /** Files of at least this many bytes spill their planned rows to disk (default SPILL_MIN_BYTES). */
  spillMinBytes?: number;
}

export async function validateFile(
  path: string,
  layouts: readonly Layout[],
  progress: Progress,
  options: ValidateOptions = {},
): Promise<ValidatedFile> {
  const log = new ProblemLog(path);
  // A file that cannot be stated is reported by the read itself.
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const plan = new ImportPlan(log, { spill: size > 0 && size >= (options.spillMinBytes ?? SPILL_MIN_BYTES) });
  const result: ValidatedFile = {
    path,
    log,
    fileHash: '',
    kind: null,
    layoutName: null,
    rows: 0,
    plan,
    ownedColumn: null,
  };
  let totalBytes = 0;
  const onBytes = (bytes: number): void => {
    totalBytes = bytes;
  };
  const onWorker = options.parseOn ? options.parseOn === 'worker' : size >= WORKER_MIN_BYTES;
  const scan = onWorker ? scanCsvInWorker(path, log, onBytes) : scanCsv(path, log, onBytes);
  const pass = new FirstPass(result, layouts, progress);
  try {
    await pass.read(scan);
  } catch (error) {
    readFailed(error, result);
    return result;
  }
  if (pass.header.length === 0 && log.ok) {
    log.add(0, null, 'empty_file', 'the file is empty: expected a header line and data rows');
  } else if (pass.bound && result.rows === 0) {
    log.add(0, null, 'no_rows', 'the file has a header but no data rows');
  }
  if (scan.invalidUtf8) await locateInvalidUtf8(path, pass.header, log);
  result.fileHash = scan.hash;
  progress.update('reading', result.rows, totalBytes > 0 ? 1 : undefined);
  return result;
}

/**
 * A read that failed: a plan that could not spill fails the import as a whole, with nothing left
 * behind; anything else is a problem of the file (unreadable), reported in its log.
 */
function readFailed(error: unknown, result: ValidatedFile): void {
  if (error instanceof PlanSpillError) {
    result.plan.dispose();
    throw error;
  }
  const code = (error as NodeJS.ErrnoException).code;
  result.log.add(
    0,
    null,
    'unreadable_file',
    `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))}); check the path and permissions`,
  );
}

/** The reading of one file's records: its header binds a layout, then each row is checked and planned. */
class FirstPass {
  header: string[] = [];
  bound: BoundLayout | null = null;
  private reader: RowReader | null = null;
  private readonly lineNumbers = new LineNumbers();

  constructor(
    private readonly result: ValidatedFile,
    private readonly layouts: readonly Layout[],
    private readonly progress: Progress,
  ) {}

  /** Reads every record, or stops at a header that matches no layout. */
  async read(scan: CsvScan): Promise<void> {
    for await (const batch of scan.batches()) {
      for (const record of batch) {
        if (record.row === 0 ? !this.bindHeader(record.cells) : !this.planRow(record)) return;
      }
    }
  }

  /** Whether the header matches a layout (the log says why when it does not). */
  private bindHeader(header: string[]): boolean {
    this.header = header;
    const bound = detectLayout(header, this.layouts, this.result.log);
    if (!bound) return false;
    this.bound = bound;
    this.reader = rowReader(bound);
    this.result.kind = bound.layout.kind;
    this.result.layoutName = bound.layout.name;
    const idField = bound.layout.kind === 'entities' ? 'entity_id' : 'declaration_id';
    this.result.ownedColumn = bound.columnName[idField] ?? idField;
    return true;
  }

  /** Checks one data row and plans it when valid; false when there is no layout to read it by. */
  private planRow(record: CsvRecord): boolean {
    const { bound, reader, result } = this;
    if (!bound || !reader) return false;
    result.rows += 1;
    if (result.rows % 4096 === 0) this.progress.update('reading', result.rows, undefined);
    if (record.cells.length !== bound.width) {
      result.log.add(
        record.row,
        null,
        'field_count',
        `row has ${record.cells.length} cells but the header has ${bound.width}; check for an unquoted comma or a missing cell`,
      );
      return true;
    }
    const read = reader.read(record.cells);
    if (!read.ok) return this.report(record.row, read.issues);
    const values = read.row;
    if (bound.layout.kind === 'declarations') this.lineNumbers.number(values);
    const mapped = mapRow(bound.layout.kind, values, { file: '', row: record.row });
    if ('issues' in mapped) return this.report(record.row, mapped.issues);
    result.plan.add(record.row, mapped.graph, result.ownedColumn);
    return true;
  }

  /** Logs a row's issues under the column names of the file; reading goes on. */
  private report(row: number, issues: readonly RowIssue[]): true {
    const columnName = this.bound?.columnName ?? {};
    for (const issue of issues)
      this.result.log.add(row, columnName[issue.field] ?? issue.field, issue.code, issue.message);
    return true;
  }
}

/**
 * Declarations without line numbers get 1, 2, … per declaration, in file order. The highest line
 * of each declaration so far is kept in `highest`; the lines of one declaration usually come
 * together, so the declaration being read is kept aside and goes into the map when another begins.
 */
class LineNumbers {
  private readonly highest = new Map<string, number>();
  private current = '';
  private currentHighest = 0;

  number(values: TypedRow): void {
    const declarationId = values.declaration_id as string;
    if (declarationId !== this.current) {
      if (this.current !== '') this.highest.set(this.current, this.currentHighest);
      this.current = declarationId;
      this.currentHighest = this.highest.get(declarationId) ?? 0;
    }
    const given = values.line;
    if (typeof given === 'number') {
      if (given > this.currentHighest) this.currentHighest = given;
      return;
    }
    this.currentHighest += 1;
    values.line = this.currentHighest;
  }
}
