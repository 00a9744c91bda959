// Types of csv-scan.js (plain JavaScript so that a worker thread loads it without TypeScript).
import type { Options } from 'csv-parse';
import type { ProblemLog } from './problems.ts';

export interface CsvRecord {
  /** 0 for the header, then 1-based data rows. */
  row: number;
  cells: string[];
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

export declare const CSV_OPTIONS: Options;

export declare function scanCsv(
  path: string,
  log: ProblemSink,
  onProgress?: (bytes: number) => void,
): CsvScan;
