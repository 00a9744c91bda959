// `ringscope ingest --bulk FILE…`: the initial load of an empty local Neo4j through Neo4j's own
// offline importer. Every file is validated and mapped exactly as an ordinary ingest does it,
// into a scratch embedded store (same errors; registries before declarations; a node named by
// several files merged as the store merges it); only when every file is valid is the result
// written in Neo4j's import format and loaded (src/store/neo4j/bulk.ts). An invalid file, a
// remote server or a database holding data: exit 2 and Neo4j is left as it was.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../store/embedded/index.ts';
import {
  type BulkLoadResult,
  BulkRefusal,
  type BulkTarget,
  bulkLoad,
  checkBulkTarget,
} from '../store/neo4j/bulk.ts';
import { InputError } from './errors.ts';
import type { FileOutcome } from './import-file.ts';
import { type IngestOptions, ingestFiles, throwIfInvalid } from './ingest.ts';

/** The row report of an ordinary ingest, but no file is loaded: the importer runs once for all. */
function nothingIfInvalid(outcomes: readonly FileOutcome[]): void {
  try {
    throwIfInvalid(outcomes);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const invalid = outcomes.filter((o) => o.status === 'invalid').map((o) => o.file);
    throw new InputError(
      `${invalid.length} of ${outcomes.length} file(s) invalid (${invalid.join(', ')}); --bulk loads all files or none, so nothing was loaded`,
      error.problems,
      error.total,
    );
  }
}

export interface BulkIngest {
  outcomes: FileOutcome[];
  load: BulkLoadResult;
}

async function refusalsAsInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BulkRefusal) throw new InputError(error.message, []);
    throw error;
  }
}

export async function bulkIngest(
  target: BulkTarget,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<BulkIngest> {
  await refusalsAsInput(() => checkBulkTarget(target));
  const dir = await mkdtemp(join(tmpdir(), 'ringscope-bulk-'));
  try {
    const staging = await openEmbeddedStore(join(dir, 'staging.db'));
    try {
      await staging.init();
      const outcomes = await ingestFiles(staging, paths, options);
      nothingIfInvalid(outcomes);
      const load = await refusalsAsInput(() => bulkLoad(target, staging, dir));
      return { outcomes, load };
    } finally {
      await staging.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
