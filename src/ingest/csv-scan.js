// Streams one CSV file through csv-parse: hashes its bytes, checks they are UTF-8 chunk by
// chunk, numbers records (header = row 0) and turns parser failures into problems. Plain
// JavaScript (typed by csv-scan.d.ts) because a worker thread runs it too (csv-worker.ts): a
// worker that must load TypeScript first starts in ~150 ms, one that loads this in ~25 ms.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * Largest record the parser buffers: beyond it a quote is almost surely never closed. Well above
 * the cell limit (cells.ts), so an oversized cell is reported as cell_too_large with its column.
 */
const MAX_RECORD_BYTES = 32 * 1024 * 1024;

export const CSV_OPTIONS = {
  bom: true,
  relax_column_count: true,
  // RFC 4180 as documented: a quote belongs inside a quoted cell, doubled. Relaxed quotes let
  // '"phones"junk' through as a cell, quotes and all.
  relax_quotes: false,
  skip_empty_lines: true,
  skip_records_with_error: true,
  max_record_size: MAX_RECORD_BYTES,
};

const PARSER_CODES = {
  CSV_QUOTE_NOT_CLOSED: 'unbalanced_quote',
  CSV_INVALID_CLOSING_QUOTE: 'unbalanced_quote',
  INVALID_OPENING_QUOTE: 'unbalanced_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'unbalanced_quote',
  CSV_MAX_RECORD_SIZE: 'record_too_large',
};

/** Bytes at the end of buf that begin a UTF-8 sequence the next chunk completes. */
function incompleteTail(buf) {
  for (let i = 1; i <= Math.min(3, buf.length); i++) {
    const byte = buf[buf.length - i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > i ? i : 0;
  }
  return 0;
}

export function scanCsv(path, log, onProgress) {
  const scan = {
    hash: '',
    bytes: 0,
    invalidUtf8: false,
    async *batches() {
      const hash = createHash('sha256');
      let carry = Buffer.alloc(0);
      const parsed = [];
      // Rows are numbered without csv-parse's on_record, which builds an info object per
      // record: a skipped record takes a row number too, after the records parsed before it.
      const parser = parse(CSV_OPTIONS);
      const skippedAfter = [];
      let records = 0;
      let skipsBefore = 0;
      parser.on('skip', (error) => {
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
      parser.on('data', (cells) => {
        while (skipsBefore < skippedAfter.length && (skippedAfter[skipsBefore] ?? 0) <= records)
          skipsBefore += 1;
        parsed.push({ row: records + skipsBefore, cells });
        records += 1;
      });
      const ended = new Promise((resolve, reject) => {
        parser.on('end', resolve);
        parser.on('error', reject);
      });
      // Awaited below; until then a parser error must not surface as an unhandled rejection.
      ended.catch(() => undefined);
      // One chunk at a time, its records handed over as a batch: no promise per record.
      for await (const bytes of createReadStream(path, { highWaterMark: 1 << 20 })) {
        hash.update(bytes);
        scan.bytes += bytes.length;
        const joined = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
        const tail = incompleteTail(joined);
        if (!isUtf8(joined.subarray(0, joined.length - tail))) scan.invalidUtf8 = true;
        carry = Buffer.from(joined.subarray(joined.length - tail));
        onProgress?.(scan.bytes);
        parser.write(bytes);
        await new Promise((resolve) => setImmediate(resolve));
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
