// Constraints and indexes, created idempotently (IF NOT EXISTS) before any data is written;
// init() waits until they are online.
import neo4j from 'neo4j-driver';
import { query, QUERY_NAMES } from './cypher.ts';
import type { QueryName } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

/** Every constraint and index file: the schema/ queries, bar the wait for them. */
const SCHEMA: readonly QueryName[] = QUERY_NAMES.filter(
  (name) => name.startsWith('schema/') && name !== 'schema/await-indexes',
);

const INDEX_WAIT_SECONDS = 300;

export async function createSchema(executor: CypherExecutor): Promise<void> {
  // Schema changes cannot share a transaction with each other: one write transaction each.
  for (const name of SCHEMA) await executor.write(query(name));
  await executor.read(query('schema/await-indexes'), { timeoutSeconds: neo4j.int(INDEX_WAIT_SECONDS) });
}
