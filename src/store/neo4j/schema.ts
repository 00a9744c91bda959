// Constraints and indexes, created idempotently (IF NOT EXISTS) before any data is written;
// init() waits until they are online.
import neo4j from 'neo4j-driver';
import { query } from './cypher.ts';
import type { QueryName } from './cypher.ts';
import type { CypherExecutor } from './executor.ts';

const SCHEMA: readonly QueryName[] = [
  'schema/node-key',
  'schema/name-key',
  'schema/fulltext-names',
  'schema/shipment-order',
  'schema/import-key',
  'schema/ring-key',
  'schema/party-risk-key',
  'schema/line-target-key',
];

const INDEX_WAIT_SECONDS = 300;

export async function createSchema(executor: CypherExecutor): Promise<void> {
  // Schema changes cannot share a transaction with each other: one auto-committed write each.
  for (const name of SCHEMA) await executor.write(query(name));
  await executor.read(query('schema/await-indexes'), { timeoutSeconds: neo4j.int(INDEX_WAIT_SECONDS) });
}
