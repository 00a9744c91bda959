// Streams one CSV file through csv-parse: hashes its bytes, checks they are UTF-8 chunk by
// chunk, numbers records (header = row 0) and turns parser failures into problems.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse, type CsvError, type Options } from 'csv-parse';
import type { ProblemCode, ProblemLog } from './problems.ts';

export interface CsvRecord {
  /** 0 for the header, then 1-based data rows. */
  row: number;
  cells: string[];
}

/** Largest record the parser buffers: beyond it a quote is almost surely never closed. */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export const CSV_OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  max_record_size: MAX_RECORD_BYTES,
};

const PARSER_CODES: Record<string, ProblemCode> = {
  CSV_QUOTE_NOT_CLOSED: 'unbalanced_quote',
  CSV_INVALID_CLOSING_QUOTE: 'unbalanced_quote',
  INVALID_OPENING_QUOTE: 'unbalanced_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'unbalanced_quote',
  CSV_MAX_RECORD_SIZE: 'record_too_large',
};

// csv-parse's typings only allow on_record to return the record type it was given.
function numberedParser<In, Out>(extra: Options, onRecord: (cells: In) => Out) {
  const options = { ...CSV_OPTIONS, ...extra, on_record: onRecord };
  return parse(options as unknown as Options);
}

/** Bytes at the end of buf that begin a UTF-8 sequence the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let i = 1; i <= Math.min(3, buf.length); i++) {
    const byte = buf[buf.length - i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > i ? i : 0;
  }
  return 0;
}

export interface CsvScan {
  /** SHA-256 of the file's bytes, hex; known once batches() is exhausted. */
  hash: string;
  bytes: number;
  /** True when some bytes are not UTF-8 (rows are then located by locateInvalidUtf8). */
  invalidUtf8: boolean;
  /** Records in file order, in batches (one per chunk read). */
  batches(): AsyncGenerator<CsvRecord[]>;
}

/** Where scanCsv reports parser failures (a ProblemLog, or a worker's outbox). */
export type ProblemSink = Pick<ProblemLog, 'add'>;

export function scanCsv(path: string, log: ProblemSink, onProgress?: (bytes: number) => void): CsvScan {
  const scan: CsvScan = {
    hash: '',
    bytes: 0,
    invalidUtf8: false,
    async *batches() {
      const hash = createHash('sha256');
      let carry: Buffer = Buffer.alloc(0);
      const parsed: CsvRecord[] = [];
      // Rows are numbered without csv-parse's on_record, which builds an info object per
      // record: a skipped record takes a row number too, after the records parsed before it.
      const parser = parse(CSV_OPTIONS);
      const skippedAfter: number[] = [];
      let records = 0;
      let skipsBefore = 0;
      parser.on('skip', (error: CsvError) => {
        const code = PARSER_CODES[error.code] ?? 'unbalanced_quote';
        const before = parser.info.records;
        log.add(
          before + skippedAfter.length,
          null,
          code,
          `${error.message}; the rest of the file may be misread from here`,
        );
        skippedAfter.push(before);
      });
      parser.on('data', (cells: string[]) => {
        while (skipsBefore < skippedAfter.length && (skippedAfter[skipsBefore] ?? 0) <= records)
          skipsBefore += 1;
        parsed.push({ row: records + skipsBefore, cells });
        records += 1;
      });
      const ended = new Promise<void>((resolve, reject) => {
        parser.on('end', resolve);
        parser.on('error', reject);
      });
      // Awaited below; until then a parser error must not surface as an unhandled rejection.
      ended.catch(() => undefined);
      // One chunk at a time, its records handed over as a batch: no promise per record.
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        scan.bytes += bytes.length;
        const joined = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
        const tail = incompleteTail(joined);
        if (!isUtf8(joined.subarray(0, joined.length - tail))) scan.invalidUtf8 = true;
        carry = Buffer.from(joined.subarray(joined.length - tail));
        onProgress?.(scan.bytes);
        parser.write(bytes);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (parsed.length > 0) yield parsed.splice(0);
      }
      if (carry.length > 0) scan.invalidUtf8 = true;
      scan.hash = hash.digest('hex');
      parser.end();
      await ended;
      if (parsed.length > 0) yield parsed.splice(0);
    },
  };
  return scan;
}

/** Slow path for files with bytes that are not UTF-8: names the row and column of each. */
export async function locateInvalidUtf8(
  path: string,
  columns: readonly string[],
  log: ProblemLog,
): Promise<void> {
  let row = 0;
  // csv-parse switches back to strings when it strips a BOM itself, so the BOM is skipped here.
  const head = Buffer.alloc(3);
  const handle = await open(path);
  await handle.read(head, 0, 3, 0).finally(() => handle.close());
  const start = head.equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  const parser = createReadStream(path, { highWaterMark: 1 << 20, start }).pipe(
    numberedParser<Buffer[], { row: number; cells: Buffer[] }>({ encoding: null, bom: false }, (cells) => ({
      row: row++,
      cells,
    })),
  );
  parser.on('skip', () => (row += 1));
  for await (const record of parser as AsyncIterable<{ row: number; cells: Buffer[] }>) {
    record.cells.forEach((cell, i) => {
      if (isUtf8(cell)) return;
      const bad = [...cell.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      log.add(
        record.row,
        columns[i] ?? `cell ${i + 1}`,
        'not_utf8',
        `bytes that are not UTF-8 (${bad}…); the file is probably Windows-1252 or Latin-1: save it as UTF-8`,
      );
    });
  }
}
