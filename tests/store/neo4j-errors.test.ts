// How Neo4j failures reach the rest of Ringscope: domain errors with what to do. No server needed.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/errors.ts';
import { toStoreError } from '../../src/store/neo4j/errors.ts';
import { openNeo4jStore } from '../../src/store/neo4j/index.ts';

const neo4jError = (code: string, message = 'boom') => new Neo4jError(message, code, '50N42', 'error');

describe('toStoreError', () => {
  it.each([
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'conflict'],
    ['ServiceUnavailable', 'unavailable'],
    ['SessionExpired', 'unavailable'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'unavailable'],
    ['Neo.ClientError.Security.Unauthorized', 'unavailable'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'invalid'],
  ] as const)('maps %s to %s', (code, expected) => {
    const mapped = toStoreError(neo4jError(code), 'cypher/read/incident');
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped).toMatchObject({ code: expected });
    expect(mapped.message).toContain('cypher/read/incident');
    expect((mapped as StoreError).retryable).toBe(expected === 'unavailable');
  });

  it('says what to change when a transaction runs out of memory or credentials are refused', () => {
    expect(
      toStoreError(neo4jError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'), 'import').message,
    ).toMatch(/db\.memory\.transaction\.total\.max/);
    expect(toStoreError(neo4jError('Neo.ClientError.Security.Unauthorized'), 'open').message).toMatch(
      /NEO4J_PASSWORD/,
    );
  });

  it('keeps other Neo4j errors as plain errors naming the query and the code', () => {
    const mapped = toStoreError(
      neo4jError('Neo.ClientError.Statement.SyntaxError', 'Invalid input'),
      'cypher/read/incident',
    );
    expect(mapped).not.toBeInstanceOf(StoreError);
    expect(mapped.message).toBe(
      'cypher/read/incident: Neo4j error Neo.ClientError.Statement.SyntaxError: Invalid input',
    );
  });
});

describe('openNeo4jStore', () => {
  it('rejects with a retryable `unavailable` error, saying how to start Neo4j, when nothing answers', async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const opening = openNeo4jStore({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: 'x'.repeat(12),
    });
    await expect(opening).rejects.toMatchObject({ name: 'StoreError', code: 'unavailable' });
    await expect(opening).rejects.toThrow(/npm run neo4j:start/);
  });

  it('rejects a URI that is not a Bolt or Neo4j URI as invalid', async () => {
    await expect(
      openNeo4jStore({ uri: 'http://127.0.0.1:7474', user: 'neo4j', password: 'secret-pass' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});
