// Reading CSV files: the streaming scan every import uses (csv-scan.js) and the slow path that
// names the rows and columns of bytes that are not UTF-8.
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse, type Options } from 'csv-parse';
import { CSV_OPTIONS } from './csv-scan.js';
import type { ProblemLog } from './problems.ts';

export { CSV_OPTIONS, scanCsv, type CsvRecord, type CsvScan, type ProblemSink } from './csv-scan.js';

// csv-parse's typings only allow on_record to return the record type it was given.
function numberedParser<In, Out>(extra: Options, onRecord: (cells: In) => Out) {
  const options = { ...CSV_OPTIONS, ...extra, on_record: onRecord };
  return parse(options as unknown as Options);
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
