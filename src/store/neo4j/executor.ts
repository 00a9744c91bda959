// The one place the Neo4j adapter runs Cypher: queries come by name from cypher/ (see
// cypher.ts) with $parameters only; reads run as auto-commit read transactions (one round trip:
// the explorer's expansions are chains of small reads) and writes in managed write transactions
// (transient failures retried); every transaction carries metadata (query name, request id,
// user); every failure is mapped by toStoreError().
import neo4j from 'neo4j-driver';
import type {
  Driver,
  ManagedTransaction,
  QueryResult,
  Record as Neo4jRecord,
  SessionMode,
  Transaction,
} from 'neo4j-driver';
import { currentRequestContext } from '../request-context.ts';
import { toStoreError } from './errors.ts';
import type { Query } from './cypher.ts';

export type Params = Record<string, unknown>;

function metadata(what: string): Record<string, string> {
  const { requestId, user } = currentRequestContext();
  return { app: 'ringscope', query: what, requestId, user };
}

/** A transaction the caller commits or rolls back itself (an import, a findings run). */
export interface OpenTransaction {
  run(query: Query, params?: Params): Promise<Neo4jRecord[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export class CypherExecutor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  read(query: Query, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.autoCommitRun(neo4j.session.READ, query, params);
  }

  async write(query: Query, params: Params = {}): Promise<Neo4jRecord[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    const work = (tx: ManagedTransaction): Promise<QueryResult> => tx.run(query.text, params);
    try {
      return (await session.executeWrite(work, { metadata: metadata(query.name) })).records;
    } catch (error) {
      throw toStoreError(error, `cypher/${query.name}`);
    } finally {
      await session.close();
    }
  }

  /** An auto-commit write, for the queries that manage their own transactions (IN TRANSACTIONS). */
  autoCommit(query: Query, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.autoCommitRun(neo4j.session.WRITE, query, params);
  }

  private async autoCommitRun(mode: SessionMode, query: Query, params: Params): Promise<Neo4jRecord[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
    try {
      return (await session.run(query.text, params, { metadata: metadata(query.name) })).records;
    } catch (error) {
      throw toStoreError(error, `cypher/${query.name}`);
    } finally {
      await session.close();
    }
  }

  /** Records of a read query pulled as the consumer asks (the driver fetches them in batches). */
  async *stream(query: Query, params: Params = {}): AsyncGenerator<Neo4jRecord> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const tx = await session.beginTransaction({ metadata: metadata(query.name) });
      try {
        const result = tx.run(query.text, params);
        for await (const record of result) yield record;
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback();
      }
    } catch (error) {
      throw toStoreError(error, `cypher/${query.name}`);
    } finally {
      await session.close();
    }
  }

  /** Opens an explicit write transaction; nothing it writes is visible until commit(). */
  async begin(what: string): Promise<OpenTransaction> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    let tx: Transaction;
    try {
      tx = await session.beginTransaction({ metadata: metadata(what) });
    } catch (error) {
      await session.close();
      throw toStoreError(error, what);
    }
    const finish = async (action: 'commit' | 'rollback'): Promise<void> => {
      try {
        if (tx.isOpen()) await tx[action]();
      } catch (error) {
        throw toStoreError(error, `${what} (${action})`);
      } finally {
        await session.close();
      }
    };
    return {
      run: async (query, params = {}) => {
        try {
          return (await tx.run(query.text, params)).records;
        } catch (error) {
          throw toStoreError(error, `${what}: cypher/${query.name}`);
        }
      },
      commit: () => finish('commit'),
      rollback: () => finish('rollback'),
    };
  }
}
