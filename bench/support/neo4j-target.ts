// Where the Neo4j tests and benchmarks find their server: NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD
// (default: the local development password). The tests EMPTY that database, so NEO4J_URI must be
// set on purpose; unset or unreachable under CI=true fails the run; elsewhere the Neo4j suites
// are skipped with a loud warning saying how to run them — never silently.
import { createDriver, openNeo4jStore } from '../../src/store/neo4j/index.ts';
import type { Neo4jStoreOptions } from '../../src/store/neo4j/index.ts';
import { query } from '../../src/store/neo4j/cypher.ts';
import { CypherExecutor } from '../../src/store/neo4j/executor.ts';

export function neo4jOptions(): Neo4jStoreOptions {
  return {
    uri: process.env.NEO4J_URI ?? '',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'ringscope-dev',
    database: process.env.NEO4J_DATABASE,
  };
}

/** The server's options when it answers; null (after a warning) when it does not and CI is not set. */
export async function neo4jTarget(): Promise<Neo4jStoreOptions | null> {
  const options = neo4jOptions();
  try {
    if (options.uri === '') throw new Error('NEO4J_URI is not set');
    const store = await openNeo4jStore(options);
    await store.close();
    return options;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI === 'true') {
      throw new Error(
        `Neo4j tests need a server under CI=true, but ${options.uri || 'NEO4J_URI (unset)'} is unreachable: ${reason}`,
        { cause: error },
      );
    }
    console.warn(
      [
        '',
        `!!! Neo4j tests SKIPPED: no Neo4j at ${options.uri || '(NEO4J_URI unset)'}`,
        `!!! (${reason})`,
        '!!! Run them with:  npm run neo4j:start && NEO4J_URI=bolt://127.0.0.1:7687 npx vitest run tests/store/neo4j.test.ts',
        '!!! They EMPTY that database: never point NEO4J_URI at data you keep. Under CI=true this is a failure.',
        '',
      ].join('\n'),
    );
    return null;
  }
}

/** Empties the test database. The Neo4j tests share it, so they live in one file and run in order. */
export async function wipeNeo4j(options: Neo4jStoreOptions): Promise<void> {
  const driver = createDriver(options);
  try {
    const executor = new CypherExecutor(driver, options.database);
    await executor.autoCommit(query('admin/wipe-rels'));
    await executor.autoCommit(query('admin/wipe'));
  } finally {
    await driver.close();
  }
}

/**
 * Waits until the server runs no transaction but the asking one: after a client is killed, a
 * commit it sent may still be applied. A condition polled with a deadline, not a sleep.
 */
export async function awaitIdleNeo4j(options: Neo4jStoreOptions, deadlineMs = 60_000): Promise<void> {
  const driver = createDriver(options);
  try {
    const executor = new CypherExecutor(driver, options.database);
    const until = Date.now() + deadlineMs;
    for (;;) {
      const [record] = await executor.autoCommit(query('admin/running-transactions'));
      const running = Number(record?.get('running') ?? 0);
      if (running === 0) return;
      if (Date.now() > until)
        throw new Error(`Neo4j still runs ${running} transaction(s) after ${deadlineMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await driver.close();
  }
}
