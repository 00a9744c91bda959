// Neo4j and driver failures mapped onto the store's domain errors, each saying what to do:
// constraint violations are conflicts (409), an unreachable or restarting database is
// unavailable (503, retryable), a transaction over its memory budget is invalid input.
import { Neo4jError } from 'neo4j-driver';
import { StoreError } from '../errors.ts';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
]);

export function toStoreError(error: unknown, where: string): Error {
  if (error instanceof StoreError) return error;
  if (!(error instanceof Neo4jError)) return error instanceof Error ? error : new Error(String(error));
  const code = error.code;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new StoreError('conflict', `${where}: ${error.message}`, { cause: error });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new StoreError(
      'unavailable',
      `${where}: Neo4j refused the credentials; check NEO4J_USER and NEO4J_PASSWORD.`,
      { cause: error },
    );
  }
  if (MEMORY_CODES.has(code)) {
    return new StoreError(
      'invalid',
      `${where}: the transaction needs more memory than Neo4j allows (${code}); split the file or raise db.memory.transaction.total.max (NEO4J_TX_MEMORY for the local server).`,
      { cause: error },
    );
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.') || error.retryable) {
    return new StoreError('unavailable', `${where}: Neo4j is unavailable (${code}): ${error.message}`, {
      cause: error,
    });
  }
  return new Error(`${where}: Neo4j error ${code}: ${error.message}`, { cause: error });
}
