// Undoing a pending Neo4j import (see imports.ts): what an aborted, failed or abandoned import
// wrote is deleted in transactions of its own, after the import is marked discarded, which waits
// for a chunk of it still committing and stops any chunk claimed later.
import neo4j from 'neo4j-driver';
import { query } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

/** An import id as a query parameter: an integer (older versions used UUID strings). */
function importIdParam(value: unknown): unknown {
  return typeof value === 'number' ? neo4j.int(value) : String(value);
}

/** Deletes everything pending import `importId` wrote, its marker last. */
export async function discardImport(executor: CypherExecutor, importId: unknown): Promise<void> {
  for (const step of [
    'imports/discard-begin',
    'imports/discard-nodes',
    'imports/discard-rels',
    'imports/discard-held',
  ] as const) {
    await executor.autoCommit(query(step), { importId });
  }
}

/** Removes the leftovers of imports whose process died before commit or abort. */
export async function discardPendingImports(executor: CypherExecutor): Promise<void> {
  for (const record of await executor.read(query('imports/pending'))) {
    await discardImport(executor, importIdParam(record.get('importId')));
  }
}
